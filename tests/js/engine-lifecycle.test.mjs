// The page's side of the engine (engine.js), without a browser: a load is cut off only
// when its progress stops, never while it reports progress, however long it takes; and a
// page that goes back and forth through the back/forward cache holds one worker, not one
// per visit.
import assert from "node:assert/strict";
import { afterEach, beforeEach, mock, test } from "node:test";

/** A stand-in for the engine's worker: records what the page sends, and whether it was ended. */
class FakeWorker {
  static all = [];
  constructor() {
    this.sent = [];
    this.terminated = false;
    FakeWorker.all.push(this);
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** A message from the worker to the page. */
  say(data) {
    this.onmessage({ data });
  }
}

const alive = () => FakeWorker.all.filter((worker) => !worker.terminated);
const pageshow = (persisted) => Object.assign(new Event("pageshow"), { persisted });

let Engine;
let STALL_MS;
beforeEach(async () => {
  FakeWorker.all = [];
  globalThis.window = new EventTarget();
  globalThis.document = { baseURI: "http://127.0.0.1/assessment/" };
  globalThis.Worker = FakeWorker;
  mock.timers.enable({ apis: ["setTimeout"] });
  ({ Engine, STALL_MS } = await import("../../overrides/assets/javascripts/assessment/engine.js"));
});
afterEach(() => {
  mock.timers.reset();
  delete globalThis.window;
  delete globalThis.document;
  delete globalThis.Worker;
});

function engine(events = []) {
  return new Engine({
    pyodide: "/assets/pyodide/",
    wheel: "/assets/engine/a.whl",
    stdlib: "/assets/engine/stdlib.zip",
    runtime: '{"python": "3.14.2"}',
    onReady: () => events.push("ready"),
    onFailed: (reason) => events.push(`failed: ${reason}`),
    onStale: (reason) => events.push(`restarting: ${reason}`),
    onResume: () => events.push("loading again"),
  });
}

test("the worker is told where the trimmed library is, and the lock file's info, so it fetches no lock file", () => {
  engine();
  const [init] = FakeWorker.all[0].sent;
  assert.equal(init.stdlib, "http://127.0.0.1/assets/engine/stdlib.zip");
  assert.deepEqual(init.runtime, { python: "3.14.2" });
});

test("a slow load that keeps reporting progress is never restarted, however long it takes", () => {
  const events = [];
  engine(events);
  const [worker] = FakeWorker.all;
  // Ten minutes of a slow phone: the worker says it is alive (the same step) just under every stall limit.
  for (let elapsed = 0; elapsed < 600_000; elapsed += STALL_MS - 1000) {
    mock.timers.tick(STALL_MS - 1000);
    worker.say({ type: "progress", step: "python", alive: true });
  }
  worker.say({ type: "ready", version: "1", from: "boot" });
  assert.deepEqual(events, ["ready"]);
  assert.equal(FakeWorker.all.length, 1);
});

test("a load whose progress stops is restarted once, then reported as failed", () => {
  const events = [];
  engine(events);
  mock.timers.tick(STALL_MS);
  assert.deepEqual(events, ["restarting: timed out"]);
  assert.equal(alive().length, 1);
  mock.timers.tick(STALL_MS);
  assert.deepEqual(events, ["restarting: timed out", "failed: timed out"]);
  assert.equal(alive().length, 0);
});

test("five visits back and forth through the back/forward cache leave one engine alive", async () => {
  const events = [];
  const scoring = engine(events);
  FakeWorker.all[0].say({ type: "ready", version: "1", from: "boot" });
  const waiting = scoring.assess({ answers: {} }, "en"); // asked just before the page was left
  for (let visit = 0; visit < 5; visit += 1) {
    window.dispatchEvent(new Event("pagehide"));
    assert.equal(alive().length, 0, "a page in the cache holds no engine");
    window.dispatchEvent(pageshow(true));
    assert.equal(alive().length, 1);
    FakeWorker.all.at(-1).say({ type: "ready", version: "1", from: "snapshot" });
  }
  assert.equal(FakeWorker.all.length, 6);
  assert.deepEqual(await waiting, { ok: false, error: "engine stopped", stale: true });
  assert.equal(events.filter((e) => e === "loading again").length, 5);
  assert.equal(events.filter((e) => e === "ready").length, 6);
  assert.ok(!events.some((e) => e.startsWith("restarting") || e.startsWith("failed")), events.join());
  assert.equal(scoring.state, "ready");
});

test("a page shown for the first time (not from the cache) starts no second engine", () => {
  engine();
  window.dispatchEvent(pageshow(false));
  assert.equal(FakeWorker.all.length, 1);
});

test("a page left while its engine loads starts loading again when shown, without counting a failure", () => {
  const events = [];
  engine(events);
  window.dispatchEvent(new Event("pagehide"));
  mock.timers.tick(STALL_MS * 3); // time in the cache is no stall
  window.dispatchEvent(pageshow(true));
  FakeWorker.all.at(-1).say({ type: "ready", version: "1", from: "boot" });
  assert.deepEqual(events, ["loading again", "ready"]);
});
