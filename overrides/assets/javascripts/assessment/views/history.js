// @ts-check
// Earlier answers: every state an import, a shared link, a restore or a
// start-over replaced, newest first, each restorable or deletable. Entries are
// named by their time, never by their place (another tab may add one meanwhile).

import { format, h } from "../dom.js";

/** @typedef {import("../session/records.js").HistoryEntry} HistoryEntry */

/**
 * @param {{t: (key: string) => string, lang: string}} page
 * @param {{restore: (savedAt: string) => void, forget: (savedAt: string) => void}} intents
 */
export function historyView({ t, lang }, intents) {
  const box = /** @type {HTMLDetailsElement} */ (document.getElementById("rf-history"));
  const summary = /** @type {HTMLElement} */ (document.getElementById("rf-history-summary"));
  const list = /** @type {HTMLElement} */ (document.getElementById("rf-history-list"));

  /** @param {string} iso */
  const when = (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? "" : date.toLocaleString(lang || undefined);
  };

  /** @param {HistoryEntry[]} entries */
  function show(entries) {
    box.hidden = entries.length === 0;
    summary.textContent = format(t("history_title"), { count: entries.length });
    list.replaceChildren(
      ...entries.map((entry) =>
        h(
          "li",
          { class: "rf-history__entry", dataset: { reason: String(entry.reason) } },
          h("span", {}, `${when(entry.saved_at)} · ${t(`history_${entry.reason}`)} · ${format(t("history_count"), { count: Object.keys(entry.answers).length })} `),
          h("button", { type: "button", class: "md-button", onclick: () => intents.restore(entry.saved_at) }, t("history_restore")),
          h("button", { type: "button", class: "md-button", onclick: () => intents.forget(entry.saved_at) }, t("history_delete")),
        ),
      ),
    );
  }

  return { show };
}
