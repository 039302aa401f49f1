// @ts-nocheck (runs in a worker, on Pyodide's objects)
// The worker's start: load the vendored Pyodide runtime (from the build's memory
// snapshot when the service worker's cache holds it, else a normal boot), install
// the `assessment` wheel, report progress while doing so, and report a start that
// fails, however it fails. worker.js answers the page once this is done.
//
// The boot loads less than Pyodide's default: the build's trimmed standard library,
// already compiled (sitekit/stdlib.py), through loadPyodide's `stdLibURL`, and no
// lock file (the engine loads no packages). worker-fetch.js starts every download at
// once. A module the trimmed library lacks is still found: the full library is
// fetched then, once (FALLBACK below).

import { downloads, fetchEarly, fetchWheel, report } from "./worker-fetch.js";

// Progress for the page: the step, and bytes while downloading. The page times a
// load out only when these stop coming. While Python starts, the worker's thread is
// busy for seconds at a time (minutes on a slow phone); the runtime's file system
// calls (every import reads the library) report that it is still working, and while
// the WebAssembly compiles in the background a timer does. A boot that is still
// running is therefore never taken for a stuck one.
const PROGRESS_EVERY_MS = 250;
const ALIVE_EVERY_MS = 1000;
let step = "download";
let last = 0;
function progress(next, detail = {}) {
  step = next;
  last = Date.now();
  self.postMessage({ type: "progress", step, ...detail });
}
function alive() {
  if (Date.now() - last >= ALIVE_EVERY_MS && !started.ready) progress(step, { alive: true });
}
export const started = { ready: false };
report({
  progress(loaded, total) {
    if (Date.now() - last >= PROGRESS_EVERY_MS) progress("download", { loaded, total });
  },
  // Everything has arrived: what remains is compiling and starting Python.
  arrived: () => started.ready || progress("python"),
});

// While the WebAssembly compiles (off this thread), say so once everything it needs
// has arrived; a download that stalls stops the progress, and the page notices.
let compiling = 0;
setInterval(() => compiling > 0 && downloads.open === 0 && alive(), ALIVE_EVERY_MS);

// Pyodide's file system, watched: Python's start and the engine's import read and
// write files all the time, each a sign the boot is alive (fsInit: before Python runs).
function watchFiles(FS) {
  for (const name of ["open", "read", "write", "stat"]) {
    const original = FS[name];
    if (typeof original === "function") FS[name] = (...args) => (alive(), original.apply(FS, args));
  }
}

// A module the trimmed library lacks (a branch the build's sample never took) comes
// from the full library, fetched once, synchronously (a worker may): last on
// sys.meta_path, and only for a name the full library has, which the trimmed zip
// lists (sitekit/snapshot.mjs), so probing imports (`try: import x`) cost nothing.
const FALLBACK = `
import sys, zipimport
from importlib.machinery import PathFinder

class FullLibrary:
    def __init__(self, url):
        self.url, self.path, self.names = url, None, None
        self.trimmed = next(p for p in sys.path if p.endswith('.zip'))

    def find_spec(self, name, path=None, target=None):
        if self.names is None:
            listed = zipimport.zipimporter(self.trimmed).get_data(self.trimmed + '/left-out.txt')
            self.names = set(listed.decode().split())
        if name not in self.names:
            return None
        if self.path is None:
            from js import XMLHttpRequest
            request = XMLHttpRequest.new()
            request.open('GET', self.url, False)
            request.responseType = 'arraybuffer'
            request.send(None)
            if request.status != 200:
                return None
            self.path = self.trimmed.replace('.zip', '-full.zip')
            with open(self.path, 'wb') as file:
                file.write(request.response.to_bytes())
        where = [self.path] if path is None else [p.replace(self.trimmed, self.path, 1) for p in path]
        return PathFinder.find_spec(name, where)

def install(url):
    if not any(isinstance(f, FullLibrary) for f in sys.meta_path):
        sys.meta_path.append(FullLibrary(url))
`;

async function install(pyodide, wheelBytes, init) {
  if (init.stdlib) {
    const scope = pyodide.toPy({});
    pyodide.runPython(FALLBACK, { globals: scope });
    scope.get("install")(`${init.pyodide}python_stdlib.zip`);
    scope.destroy();
  }
  const sitePackages = pyodide.runPython("import sys; next(p for p in sys.path if p.endswith('site-packages'))");
  pyodide.unpackArchive(await wheelBytes, "zip", { extractDir: sitePackages });
  return pyodide.pyimport("assessment.browser");
}

// loadPyodide's options for this site: the trimmed library, no lock file to fetch
// (the lock's `info` only: no packages are ever loaded), the file system watched.
function options(init) {
  const settings = { indexURL: init.pyodide, fsInit: async (FS) => watchFiles(FS) };
  if (init.stdlib) settings.stdLibURL = init.stdlib;
  if (init.runtime) settings.lockFileContents = { info: init.runtime, packages: {} };
  return settings;
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

// A repeat visit: Pyodide restored from the build's memory snapshot, with the engine
// already imported (sitekit/snapshot.py), if the service worker's cache holds it.
// Anything amiss (absent, corrupt, another build, another bank) throws, and the
// caller boots normally: the page sees only which way the engine started.
async function fromSnapshot(init, wheelBytes) {
  const { snapshot, snapshotSha256, bankVersion } = init;
  if (!snapshot || typeof caches === "undefined" || !self.crypto?.subtle || typeof DecompressionStream === "undefined") {
    throw new Error("no snapshot support");
  }
  const cached = await caches.match(snapshot);
  if (!cached) throw new Error("no snapshot cached");
  let packed = await cached.arrayBuffer();
  if (hex(await crypto.subtle.digest("SHA-256", packed)) !== snapshotSha256) throw new Error("snapshot damaged");
  const inflating = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  packed = null;
  let memory = new Uint8Array(await new Response(inflating).arrayBuffer());
  progress("python");
  const { loadPyodide } = await import(`${init.pyodide}pyodide.mjs`);
  // Handed over once and let go: Pyodide keeps its options, and this buffer is as
  // large as the engine's whole memory (about 30 MB) once restored.
  const once = { then: (resolve) => resolve(memory) };
  const pyodide = await loadPyodide({ ...options(init), _loadSnapshot: once });
  memory = null;
  progress("engine");
  const engine = await install(pyodide, wheelBytes, init);
  const version = engine.bank_version();
  if (version !== bankVersion) throw new Error("snapshot of another bank");
  return engine;
}

async function boot(init, wheelBytes) {
  const { loadPyodide } = await import(`${init.pyodide}pyodide.mjs`);
  const pyodide = await loadPyodide(options(init));
  progress("engine");
  return install(pyodide, wheelBytes, init);
}

// -> {engine: the assessment.browser module, version, from: "snapshot" | "boot", fallback?: why not the snapshot}
export async function start(init) {
  progress("download", { loaded: 0, total: 0 });
  fetchEarly({ base: init.pyodide, stdlib: init.stdlib });
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
// Pyodide compiles its runtime with instantiateStreaming and, when that fails, only
// logs it and waits for ever: a damaged or unreadable binary fails on every path,
// so report it. (Pyodide's own probe of the browser's features uses compile() on a
// tiny module, and a CompileError there is expected: that is left alone.)
const instantiateStreaming = WebAssembly.instantiateStreaming;
if (typeof instantiateStreaming === "function") {
  WebAssembly.instantiateStreaming = (...args) => {
    compiling += 1;
    return instantiateStreaming.apply(WebAssembly, args).then(
      (result) => {
        compiling -= 1;
        return result;
      },
      (error) => {
        compiling -= 1;
        const damaged = error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError;
        failStart(damaged ? `the WebAssembly runtime is damaged (${error.message})` : `the WebAssembly runtime could not be loaded (${error.message})`);
        throw error;
      },
    );
  };
}
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  failStart((event.reason && event.reason.message) || event.reason);
});
