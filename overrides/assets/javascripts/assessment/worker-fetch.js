// @ts-nocheck (runs in a worker)
// The worker's downloads: started all at once as the worker starts, handed to
// Pyodide when it asks for them, and counted as they arrive.
//
// - Early: the runtime's WebAssembly, the trimmed standard library and the wheel
//   are requested the moment the page's init message arrives, in parallel with
//   loading pyodide.mjs and pyodide.asm.mjs, instead of one after another. When
//   Pyodide then fetches a URL already on its way, it gets that response.
// - Smaller: where the browser inflates gzip itself (DecompressionStream), the
//   WebAssembly comes from pyodide.asm.wasm.gz and is inflated as it streams into
//   the compiler: a host that compresses nothing sends 3.6 MB instead of 9.6 MB.
//   A browser without it, or a site without the file, gets pyodide.asm.wasm.
// - Counted: every byte of every download reaches the page as progress (the page
//   times a load out only when progress stops: a slow link that delivers is never
//   cut off, a stalled one is).

export const downloads = { loaded: 0, total: 0, open: 0 };
const plainFetch = self.fetch.bind(self);
const early = new Map(); // URL -> Promise<Response>, until Pyodide asks for it
let onProgress = () => {};
let onAllArrived = () => {};

/** @param {{progress: (loaded: number, total: number) => void, arrived: () => void}} hooks */
export function report(hooks) {
  onProgress = hooks.progress;
  onAllArrived = hooks.arrived;
}

function counted(response) {
  if (!response.ok || !response.body) return response;
  downloads.open += 1;
  downloads.total += Number(response.headers.get("Content-Length")) || 0;
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        downloads.open -= 1;
        controller.close();
        if (downloads.open === 0) onAllArrived();
        return;
      }
      downloads.loaded += value.byteLength;
      onProgress(downloads.loaded, downloads.total);
      controller.enqueue(value);
    },
    cancel(reason) {
      downloads.open -= 1;
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

// The WebAssembly binary from its gzipped copy, inflated as it streams; the plain
// file when the browser cannot inflate or the copy is missing. A host that sends the
// copy with `Content-Encoding: gzip` has the browser inflate it already: the first
// bytes say which (gzip's magic number), so it is never inflated twice.
async function wasm(url) {
  if (typeof DecompressionStream === "function") {
    const packed = await plainFetch(`${url}.gz`).catch(() => null);
    if (packed && packed.ok && packed.body) {
      const reader = counted(packed).body.getReader();
      const first = await reader.read();
      const head = first.value || new Uint8Array(0);
      const body = new ReadableStream({
        start(controller) {
          if (head.byteLength) controller.enqueue(head);
          if (first.done) controller.close();
        },
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        },
        cancel: (reason) => reader.cancel(reason),
      });
      const gzipped = head[0] === 0x1f && head[1] === 0x8b;
      return new Response(gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body, { headers: { "Content-Type": "application/wasm" } });
    }
  }
  return counted(await plainFetch(url));
}

/** Start the runtime's downloads now; Pyodide's own requests for these URLs get them. */
export function fetchEarly({ base, stdlib }) {
  const asked = (url, response) => {
    response.catch(() => {}); // a failure is raised where Pyodide awaits it
    early.set(url, response);
  };
  asked(`${base}pyodide.asm.wasm`, wasm(`${base}pyodide.asm.wasm`));
  if (stdlib) asked(stdlib, plainFetch(stdlib).then(counted));
  // Module imports are shared: Pyodide's own import() of these gets the same module.
  for (const script of ["pyodide.mjs", "pyodide.asm.mjs"]) import(`${base}${script}`).catch(() => {});
}

// Pyodide fetches through self.fetch: hand it what is already on its way, count the rest.
self.fetch = async (input, init) => {
  const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  const pending = early.get(url);
  if (pending) {
    early.delete(url);
    return pending;
  }
  // Asked again (a boot after a failed snapshot restore): the gzipped copy again.
  if (url.endsWith("/pyodide.asm.wasm")) return wasm(url);
  return counted(await plainFetch(input, init));
};

// The engine's wheel: a zip, unpacked straight into site-packages (no micropip, no
// package index). Also after a snapshot: the snapshot holds memory, not files.
export function fetchWheel(wheel) {
  const bytes = self.fetch(wheel).then((response) => {
    if (!response.ok) throw new Error(`the engine package: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  // Marked as handled now; a failure is raised where it is awaited.
  bytes.catch(() => {});
  return bytes;
}
