// @ts-check
// The scoring engine: the `assessment` Python package running in Pyodide, in a
// Web Worker so that loading it never blocks the page.
//
// Failures are noticed, never silent: every request has a timeout (a hung or
// dead worker is detected), so do the worker's `error` and `messageerror`
// events, and a load that stops making progress (no progress message from the
// worker for STALL_MS: a slow link that still delivers bytes never times out).
// The first failure restarts the engine once on its own (a new worker; the page
// then replays its current answers); the second is final and reported.
//
// Leaving the page (pagehide) ends the worker, and coming back to it from the
// back/forward cache (pageshow) starts a new one, from the snapshot where the
// service worker keeps one: a tab that goes back and forth holds one engine, never
// one per visit (a phone's browser kills a tab that holds five).

/** @typedef {import("./protocol.js").FromWorker} FromWorker */
/** @typedef {import("./protocol.js").ToWorker} ToWorker */
/** @typedef {import("./protocol.js").Payload} Payload */
/** @typedef {{pyodide: string, wheel: string, stdlib?: string, runtime?: string, snapshot?: string, snapshotSha256?: string, bankVersion?: string,
 *   onReady: (message: import("./protocol.js").ReadyMessage & {restarted: boolean}) => void,
 *   onFailed: (reason: string, how: {wasReady: boolean}) => void,
 *   onProgress?: (message: import("./protocol.js").ProgressMessage) => void,
 *   onStale?: (reason: string, how: {wasReady: boolean}) => void, onResume?: () => void}} EngineOptions */

export const STALL_MS = 45000; // a load with no progress message for this long is stuck
export const REQUEST_MS = 15000; // one scoring request (milliseconds of CPU at most when healthy)
const RESTARTS = 1;

export class Engine {
  // onProgress({step, loaded, total}): the load's step ("download", "python", "engine") and bytes.
  // onStale(reason): the engine stopped and is restarting; results on the page are no longer current.
  // onReady(message): ready (again, after a restart); onFailed(reason): gave up.
  /** @param {EngineOptions} options */
  constructor({ pyodide, wheel, stdlib, runtime, snapshot, snapshotSha256, bankVersion = "", onReady, onFailed, onProgress = () => {}, onStale = () => {}, onResume = () => {} }) {
    /** @type {Map<number, {settle: (payload: Payload) => void}>} */
    this.pending = new Map();
    this.nextId = 1;
    this.onReady = onReady;
    this.onFailed = onFailed;
    this.onProgress = onProgress;
    this.onStale = onStale;
    this.onResume = onResume; // shown again from the back/forward cache: loading anew
    this.restarts = 0;
    this.everReady = false;
    /** @type {"loading" | "ready" | "failed" | "suspended"} */
    this.state = "loading";
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    /** @param {string} path */
    const url = (path) => new URL(path, document.baseURI).href;
    // What the worker starts from: the runtime, the wheel, and the snapshot to try first (worker.js).
    /** @type {import("./protocol.js").InitMessage} */
    this.urls = {
      type: "init",
      pyodide: url(pyodide),
      wheel: url(wheel),
      stdlib: stdlib && url(stdlib),
      runtime: runtime ? JSON.parse(runtime) : undefined,
      snapshot: snapshot && url(snapshot),
      snapshotSha256,
      bankVersion,
    };
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      queueMicrotask(() => this.fail("no_wasm"));
      return;
    }
    // The page's head may already have started the worker (see assessment.html);
    // take it over with the messages it has received so far.
    const early = window.__rfEngine;
    delete window.__rfEngine;
    this.start(early);
    window.addEventListener("pagehide", () => this.suspend());
    window.addEventListener("pageshow", (event) => event.persisted && this.resume());
  }

  // The page is left (it may be kept in the back/forward cache): its worker ends.
  suspend() {
    if (this.state === "failed" || this.state === "suspended") return;
    clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = null;
    this.settleAll();
    this.state = "suspended";
  }

  // The page is shown again from the back/forward cache: a new worker, as on a first start.
  resume() {
    if (this.state !== "suspended") return;
    this.onResume();
    this.start();
  }

  // Requests still waiting will never be answered by the worker that had them.
  settleAll() {
    for (const [, request] of this.pending) request.settle({ ok: false, error: "engine stopped", stale: true });
    this.pending.clear();
  }

  /** @param {{worker: Worker, queue: FromWorker[]} | null} [early] the worker the page's head started */
  start(early = null) {
    this.state = "loading";
    try {
      this.worker = early ? early.worker : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    } catch (error) {
      queueMicrotask(() => this.fail(String((error instanceof Error && error.message) || error)));
      return;
    }
    const worker = this.worker;
    // Events of a worker already replaced are ignored.
    worker.onmessage = (event) => worker === this.worker && this.receive(event.data);
    worker.onerror = (event) => {
      if (worker !== this.worker) return;
      event.preventDefault?.();
      this.fail(event.message || "the engine's script stopped");
    };
    worker.onmessageerror = () => worker === this.worker && this.fail("a message from the engine could not be read");
    this.watchProgress();
    if (early) {
      queueMicrotask(() => early.queue.forEach((message) => worker === this.worker && this.receive(message)));
      return;
    }
    worker.postMessage(this.urls);
  }

  // (Re)arm the load's watchdog: called at start and on each progress message.
  watchProgress() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail("timed out"), STALL_MS);
  }

  /** @param {string} reason */
  fail(reason) {
    if (this.state === "failed") return;
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    const wasReady = this.state === "ready";
    this.settleAll();
    if (reason !== "no_wasm" && this.restarts < RESTARTS) {
      this.restarts += 1;
      this.onStale(reason, { wasReady });
      this.worker = null;
      this.start();
      return;
    }
    this.state = "failed";
    this.worker = null;
    this.onFailed(reason, { wasReady: this.everReady });
  }

  /** @param {FromWorker} message */
  receive(message) {
    if (message.type === "progress" && this.state === "loading") {
      this.watchProgress();
      this.onProgress(message);
    } else if (message.type === "ready" && this.state === "loading") {
      this.state = "ready";
      this.everReady = true;
      clearTimeout(this.timer);
      this.onReady({ ...message, restarted: this.restarts > 0 });
    } else if (message.type === "failed") {
      this.fail(message.reason);
    } else if (message.type === "result") {
      const request = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (request) request.settle(message.payload);
    }
  }

  // One request to the worker, answered or timed out (a timeout counts as the engine's failure).
  /** @param {{type: "assess", document: Record<string, any>, lang: string} | {type: "call", fn: string, args: (string | null)[]}} message @param {number} [ms] @returns {Promise<Payload>} */
  request(message, ms = REQUEST_MS) {
    if (this.state !== "ready") return Promise.resolve({ ok: false, error: "engine not ready", stale: true });
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        if (!this.pending.has(id)) return;
        this.fail("a request timed out");
      }, ms);
      this.pending.set(id, {
        settle: (payload) => {
          clearTimeout(timer);
          resolve(payload);
        },
      });
      /** @type {Worker} */ (this.worker).postMessage(/** @type {ToWorker} */ ({ ...message, id }));
    });
  }

  // Any other entry point of assessment/browser.py, with its arguments as strings (JSON
  // text, a language, ...). -> Promise of the function's {ok: true, ...} | {ok: false, error}
  /** @param {string} fn @param {(string | null)[]} args */
  call(fn, ...args) {
    return this.request({ type: "call", fn, args });
  }

  // The same, for a request whose work grows with its input (a team of 2,000): it may take
  // `times` requests' time before it counts as hung. @param {number} times @param {string} fn @param {(string | null)[]} args
  callScaled(times, fn, ...args) {
    return this.request({ type: "call", fn, args }, REQUEST_MS * Math.max(1, times));
  }

  // submission: {profile, answers}. -> Promise of {ok: true, result} | {ok: false, error}
  /** @param {Record<string, any>} submission @param {string} lang */
  assess(submission, lang) {
    return this.request({ type: "assess", document: submission, lang });
  }
}
