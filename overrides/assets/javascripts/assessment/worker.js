// @ts-nocheck (runs in a worker, on Pyodide's objects)
// Web Worker: the engine's side of the protocol (protocol.js). It starts the
// engine (worker-boot.js), then answers the page's requests with the very code
// the CLI and the tests run. The wheel carries the site's bank, already merged
// with the brand's overlay at build time: nothing else is fetched or written.
// Which functions the page may call by name is the engine's own list,
// assessment.browser.CALLABLE, read here once the engine is in: never a copy.

import { failStart, start } from "./worker-boot.js";

let browserModule = null;
let callable = new Set();

/** @param {string} text -> the JSON an entry point answered, or its error as data */
function answer(work) {
  try {
    return JSON.parse(work());
  } catch (error) {
    return { ok: false, error: String((error && error.message) || error) };
  }
}

self.addEventListener("message", async ({ data }) => {
  if (data.type === "init") {
    try {
      const { engine, ...started } = await start(data);
      browserModule = engine;
      callable = new Set(engine.CALLABLE.toJs ? engine.CALLABLE.toJs() : engine.CALLABLE);
      self.postMessage({ type: "ready", ...started });
    } catch (error) {
      failStart((error && error.message) || error);
    }
  } else if (data.type === "call") {
    // The other JSON-in, JSON-out entry points of assessment/browser.py (team view,
    // comparison, report, peer bands, share links), by name from the engine's list.
    const payload = callable.has(data.fn)
      ? answer(() => browserModule[data.fn](...data.args))
      : { ok: false, error: `not an engine function: ${data.fn}` };
    self.postMessage({ type: "result", id: data.id, payload });
  } else if (data.type === "assess") {
    const payload = answer(() => browserModule.assess_json(JSON.stringify(data.document), data.lang));
    self.postMessage({ type: "result", id: data.id, payload });
  }
});
