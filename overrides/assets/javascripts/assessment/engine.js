// The scoring engine: the `assessment` Python package running in Pyodide, in a
// Web Worker so that loading it never blocks the page.

const LOAD_TIMEOUT_MS = 120000;

export class Engine {
  constructor({ pyodide, wheel, onReady, onFailed }) {
    this.pending = new Map();
    this.nextId = 1;
    this.onReady = onReady;
    this.onFailed = onFailed;
    this.state = "loading";
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      queueMicrotask(() => this.fail("no_wasm"));
      return;
    }
    // The page's head may already have started the worker (see assessment.html);
    // take it over with the messages it has received so far.
    const early = window.__rfEngine;
    delete window.__rfEngine;
    try {
      this.worker = early ? early.worker : new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    } catch (error) {
      queueMicrotask(() => this.fail(String(error.message || error)));
      return;
    }
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => this.fail(event.message || "the engine's script could not start");
    this.timer = setTimeout(() => this.fail("timed out"), LOAD_TIMEOUT_MS);
    if (early) {
      queueMicrotask(() => early.queue.forEach((message) => this.receive(message)));
      return;
    }
    this.worker.postMessage({
      type: "init",
      pyodide: new URL(pyodide, document.baseURI).href,
      wheel: new URL(wheel, document.baseURI).href,
    });
  }

  fail(reason) {
    if (this.state !== "loading") return;
    this.state = "failed";
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.onFailed(reason);
  }

  receive(message) {
    if (message.type === "ready" && this.state === "loading") {
      this.state = "ready";
      clearTimeout(this.timer);
      this.onReady(message);
    } else if (message.type === "failed") {
      this.fail(message.reason);
    } else if (message.type === "result") {
      const request = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (request) request(message.payload);
    }
  }

  // Any other entry point of assessment/browser.py, with its arguments as strings (JSON
  // text, a language, ...). -> Promise of the function's {ok: true, ...} | {ok: false, error}
  call(fn, ...args) {
    if (this.state !== "ready") return Promise.resolve({ ok: false, error: "engine not ready" });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: "call", id, fn, args });
    });
  }

  // submission: {profile, answers}. -> Promise of {ok: true, result} | {ok: false, error}
  assess(submission, lang) {
    if (this.state !== "ready") return Promise.resolve({ ok: false, error: "engine not ready" });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.worker.postMessage({ type: "assess", id, document: submission, lang });
    });
  }
}
