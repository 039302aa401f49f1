// @ts-check
// The assessment page's engine: started (or taken over from the head's early
// start, partials/assessment/engine-start.html), its load shown step by step,
// its failure said once, and the offline copy registered once it is ready.

import { format } from "./dom.js";
import { Engine } from "./engine.js";
import { engineStatus } from "./engine-status.js";
import { keepOffline } from "./offline.js";

/**
 * @param {HTMLElement} root #assessment, whose data-* attributes name the engine's files
 * @param {(key: string) => string} t
 * @param {{onReady: () => void, onFailed: (text: string) => void}} on
 */
export function startEngine(root, t, on) {
  const status = engineStatus({ status: /** @type {HTMLElement} */ (document.getElementById("rf-engine-status")), results: /** @type {HTMLElement} */ (document.getElementById("rf-results")), t });
  status.loading();
  const { pyodide = "", wheel = "", stdlib, runtime, snapshot, snapshotSha256, bankVersion = "" } = root.dataset;
  const engine = new Engine({
    pyodide: pyodide.endsWith("/") ? pyodide : `${pyodide}/`,
    wheel,
    stdlib,
    runtime,
    snapshot,
    snapshotSha256,
    bankVersion,
    onProgress: (message) => status.progress(message),
    onStale: (reason) => status.restarting(reason),
    onResume: () => status.loading(),
    onReady: (message) => {
      status.ready(message);
      on.onReady(); // after a restart: the current answers, scored again
      keepOffline(root.dataset.serviceWorker);
    },
    onFailed: (reason, { wasReady }) => {
      status.failed();
      const text = format(t(wasReady ? "engine_stopped" : "engine_failed"), { reason: reason === "no_wasm" ? t("no_wasm") : reason });
      on.onFailed(text);
      /** @type {HTMLElement} */ (document.getElementById("rf-results-empty")).textContent = text;
    },
  });
  return { engine, status };
}
