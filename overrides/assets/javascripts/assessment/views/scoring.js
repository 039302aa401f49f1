// @ts-check
// The results as a view of the engine's answer for the answers shown: each
// change is scored (an older request's answer is dropped when a newer one is
// on its way), rendered (results.js, data-driven from the engine's JSON) and
// summarised for screen readers whenever the summary changes.

import { format } from "../dom.js";
import { renderResults, summarise } from "../results.js";

/** @typedef {import("../types.js").State} State */

/**
 * @param {{
 *   engine: import("../engine.js").Engine, reports: import("../report.js").Reports, lang: string, t: (key: string) => string,
 *   home: string, templates: Record<string, any>, questionText: (id: string) => string,
 *   onStatus: {current: () => void}, onError: (reason: string) => void,
 * }} page
 */
export function scoringView({ engine, reports, lang, t, home, templates, questionText, onStatus, onError }) {
  const section = /** @type {HTMLElement} */ (document.getElementById("rf-results"));
  const body = /** @type {HTMLElement} */ (document.getElementById("rf-results-body"));
  const empty = /** @type {HTMLElement} */ (document.getElementById("rf-results-empty"));
  const live = /** @type {HTMLElement} */ (document.getElementById("rf-live"));
  let ticket = 0;
  let reveal = false;

  /**
   * @param {Record<string, any>} document what is shown (documentOf the state)
   * @param {{quick: boolean, readOnly: boolean}} how
   */
  async function score(document, { quick, readOnly }) {
    if (engine.state !== "ready") {
      // Answers kept from a visit before, while the engine starts: say they are there, not "answer a question".
      const kept = Object.keys(document.answers || {}).length;
      if (engine.state === "loading" && kept > 0 && !empty.hidden) empty.textContent = format(t("results_waiting"), { answered: kept });
      return;
    }
    const mine = ++ticket;
    const payload = await engine.assess(document, lang);
    if (mine !== ticket || payload.stale) return; // a newer answer is being scored, or the engine restarts
    if (!payload.ok) return onError(String(payload.error));
    const result = payload.result;
    const any = result.answered > 0;
    const peers = any ? await reports.placement(document) : null;
    if (mine !== ticket) return;
    empty.hidden = any;
    if (!any) empty.textContent = t("results_empty");
    body.hidden = !any;
    // Re-drawing the results must not throw a keyboard user out of the status they just set.
    const focused = /** @type {HTMLElement | null} */ (window.document.activeElement)?.dataset?.actionState;
    if (any) renderResults(body, result, { t, home, questionText, templates, quick: quick ? { answered: result.answered } : null, readOnly, peers });
    if (focused) /** @type {HTMLElement | null} */ (body.querySelector(`[data-action-state="${CSS.escape(focused)}"]`))?.focus();
    if (reveal) section.scrollIntoView();
    reveal = false;
    const summary = any ? summarise(result, t) : "";
    if (summary !== live.textContent) live.textContent = summary; // said again whenever a score moves
    body.dataset.answered = String(result.answered);
    body.dataset.scored = String(Object.keys(document.answers || {}).length); // the answers sent, scored or not (context questions)
    onStatus.current();
  }

  return {
    score,
    /** Scroll to the results once they are drawn (a share link opens on them). */
    revealNext() {
      reveal = true;
      section.scrollIntoView();
    },
    /** @param {(id: string, value: string) => void} set */
    onActionState(set) {
      body.addEventListener("change", (event) => {
        const select = /** @type {HTMLSelectElement} */ (event.target);
        if (select.dataset.actionState) set(select.dataset.actionState, select.value);
      });
    },
  };
}
