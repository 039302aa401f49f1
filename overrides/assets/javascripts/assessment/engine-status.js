// @ts-check
// What the page says about the engine: the load's steps (and bytes while
// downloading), ready, restarting, stopped; and whether the results shown are
// current. Results that the engine could not update are marked stale (a notice
// on screen, another on paper, `data-stale` on the section), so neither the page
// nor a printout of it can pass an old result off as current.

import { format } from "./dom.js";

const STEPS = ["download", "python", "engine"];
const MB = 1024 * 1024;

export function engineStatus({ status, results, t }) {
  const html = document.documentElement;
  const staleBox = /** @type {HTMLElement} */ (document.getElementById("rf-results-stale"));
  let reached = -1; // steps only move forward, however the downloads interleave
  const show = (text, kind) => {
    status.hidden = false;
    status.textContent = text;
    status.classList.toggle("rf-engine--ready", kind === "ready");
    status.classList.toggle("rf-engine--problem", kind === "problem");
  };
  const setStale = (stale) => {
    if (stale) results.dataset.stale = "true";
    else delete results.dataset.stale;
    staleBox.hidden = !stale;
  };
  return {
    loading() {
      html.dataset.engine = "loading";
      reached = -1;
      show(t("engine_loading"));
    },
    /** @param {import("./protocol.js").ProgressMessage} message */
    progress({ step, loaded = 0, total = 0 }) {
      const index = STEPS.indexOf(step);
      if (index < reached || index < 0 || html.dataset.engine !== "loading") return;
      reached = index;
      html.dataset.engineStep = step;
      let text = `${t("engine_loading")} ${t(`engine_step_${step}`)}`;
      if (step === "download" && total > 0) {
        const mb = (bytes) => (bytes / MB).toFixed(1);
        text += ` (${format(t("engine_bytes"), { loaded: mb(Math.min(loaded, total)), total: mb(total) })})`;
      }
      show(text);
    },
    ready(message) {
      html.dataset.engine = "ready";
      if (message.from) html.dataset.engineFrom = message.from; // "snapshot" or "boot" (worker.js)
      if (message.fallback) html.dataset.engineFallback = message.fallback; // why not the snapshot
      delete html.dataset.engineStep;
      show(t("engine_ready"), "ready");
    },
    // The engine stopped and restarts: whatever is shown was not updated since.
    restarting(reason) {
      html.dataset.engine = "restarting";
      reached = -1;
      setStale(true);
      show(format(t("engine_restarting"), { reason }), "problem");
    },
    failed() {
      html.dataset.engine = "failed";
      status.hidden = true;
      setStale(!results.querySelector("#rf-results-body").hidden);
    },
    // The results now show the latest answers.
    current() {
      setStale(false);
    },
  };
}
