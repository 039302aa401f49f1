// @ts-nocheck (runs in a worker, on Pyodide's objects)
// The worker's start: load the vendored Pyodide runtime (from the build's
// memory snapshot when the service worker's cache holds it, else a normal
// boot), install the `assessment` wheel, report progress while doing so, and
// report a start that fails, however it fails. worker.js answers the page once
// this is done. Kept apart so the start can change (a watchdog, a trimmed
// standard library, checks of the engine's files) without touching the protocol.

// Progress for the page: the step, and bytes while downloading. The page times a
// load out only when these stop coming, so a slow link that still delivers is
// never cut off, and a stuck one is.
const PROGRESS_EVERY_MS = 250;
function progress(step, detail = {}) {
  self.postMessage({ type: "progress", step, ...detail });
}
export const started = { ready: false };
const downloads = { loaded: 0, total: 0, open: 0, last: 0 };
const plainFetch = self.fetch.bind(self);
// Count the bytes of every download the runtime makes (the WebAssembly binary, the
// standard library, the lock file, the wheel) as they arrive.
self.fetch = async (...args) => {
  const response = await plainFetch(...args);
  if (!response.ok || !response.body) return response;
  downloads.open += 1;
  downloads.total += Number(response.headers.get("Content-Length")) || 0;
  const reader = response.body.getReader();
  const counted = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        downloads.open -= 1;
        controller.close();
        // Everything has arrived: what remains is compiling and starting Python.
        if (downloads.open === 0 && !started.ready) progress("python");
        return;
      }
      downloads.loaded += value.byteLength;
      const now = Date.now();
      if (now - downloads.last >= PROGRESS_EVERY_MS) {
        downloads.last = now;
        progress("download", { loaded: downloads.loaded, total: downloads.total });
      }
      controller.enqueue(value);
    },
    cancel(reason) {
      downloads.open -= 1;
      return reader.cancel(reason);
    },
  });
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};

// The engine's wheel: a zip, unpacked straight into site-packages (no micropip, no
// package index). Also after a snapshot: the snapshot holds memory, not files.
function fetchWheel(wheel) {
  const bytes = fetch(wheel).then((response) => {
    if (!response.ok) throw new Error(`the engine package: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  // Marked as handled now; a failure is raised where it is awaited.
  bytes.catch(() => {});
  return bytes;
}

async function install(pyodide, wheelBytes) {
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(await wheelBytes, "zip", { extractDir: sitePackages });
  return pyodide.pyimport("assessment.browser");
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// A repeat visit: Pyodide restored from the build's memory snapshot, with the engine
// already imported (sitekit/snapshot.py), if the service worker's cache holds it.
// Anything amiss (absent, corrupt, another build, another bank) throws, and the
// caller boots normally: the page sees only which way the engine started.
async function fromSnapshot({ pyodide: base, snapshot, snapshotSha256, bankVersion }, wheelBytes) {
  if (!snapshot || typeof caches === "undefined" || !self.crypto?.subtle || typeof DecompressionStream === "undefined") {
    throw new Error("no snapshot support");
  }
  const cached = await caches.match(snapshot);
  if (!cached) throw new Error("no snapshot cached");
  const packed = await cached.arrayBuffer();
  if (hex(await crypto.subtle.digest("SHA-256", packed)) !== snapshotSha256) throw new Error("snapshot damaged");
  const memory = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  progress("python");
  const { loadPyodide } = await import(`${base}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: base, _loadSnapshot: new Uint8Array(memory) });
  progress("engine");
  const engine = await install(pyodide, wheelBytes);
  const version = engine.bank_version();
  if (version !== bankVersion) throw new Error("snapshot of another bank");
  return engine;
}

async function boot({ pyodide: base }, wheelBytes) {
  const { loadPyodide } = await import(`${base}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: base });
  progress("engine");
  return install(pyodide, wheelBytes);
}

// -> {engine: the assessment.browser module, version, from: "snapshot" | "boot", fallback?: why not the snapshot}
export async function start(init) {
  progress("download", { loaded: 0, total: 0 });
  const wheelBytes = fetchWheel(init.wheel);
  let from = "snapshot";
  let fallback;
  let engine;
  try {
    engine = await fromSnapshot(init, wheelBytes);
  } catch (error) {
    from = "boot";
    fallback = String((error && error.message) || error).split("\n")[0];
    engine = await boot(init, wheelBytes);
  }
  started.ready = true;
  return { engine, version: engine.bank_version(), from, fallback };
}

// Emscripten reports some start-up failures (e.g. a corrupt .wasm) by throwing
// outside the awaited promise chain: turn those into a failure message too. After
// the start, an uncaught error leaves the engine in an unknown state: reported the
// same way, so the page restarts it (engine.js).
let reported = false;
export function failStart(reason) {
  if (reported) return;
  reported = true;
  self.postMessage({ type: "failed", reason: String(reason).split("\n")[0] });
}
self.addEventListener("error", (event) => {
  event.preventDefault();
  failStart(event.message || event.error);
});
// A corrupt runtime makes WebAssembly compilation fail, which Emscripten only
// logs before waiting forever. Bad bytes fail on every path, so report them.
// (A TypeError, e.g. a wrong MIME type for streaming, still falls back.)
for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
  const original = WebAssembly[name];
  if (typeof original !== "function") continue;
  WebAssembly[name] = (...args) =>
    original.apply(WebAssembly, args).catch((error) => {
      if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) {
        failStart(`the WebAssembly runtime is damaged (${error.message})`);
      }
      throw error;
    });
}
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  failStart((event.reason && event.reason.message) || event.reason);
});

