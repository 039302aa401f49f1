// @ts-check
// A comparison as the engine gives it (compare_json: scores before and after,
// whether the root moved, answers that improved, slipped or changed, actions
// gone and new), rendered as text: names and notes go in isolated (<bdi>).

import { format, h } from "../dom.js";
import { dataTable, isolated, row, shownDate } from "../workshop.js";

/** @typedef {(key: string, values?: Record<string, any>) => string} Texts */

/** @param {any} p */
function pillarName(p) {
  return `${p.letter}. ${p.name}`;
}

/** @param {any} comparison @param {string} key @param {string} title @param {(key: string) => string} t @param {Texts} tx */
function answers(comparison, key, title, t, tx) {
  const entries_ = comparison[key];
  if (!entries_.length) return null;
  return h(
    "section",
    { class: `rf-change rf-change--${key}`, "aria-labelledby": `rf-change-${key}` },
    h("h3", { id: `rf-change-${key}` }, format(t(title), { count: entries_.length })),
    h(
      "ul",
      {},
      entries_.map((e) =>
        h(
          "li",
          { dataset: { question: e.question, pillar: e.pillar } },
          tx("compare_answer_line", { area: e.area, old: e.old, new: e.new }),
          e.note ? h("p", { class: "rf-note-text" }, `${t("note_shown")}${tx("colon")}`, isolated(e.note)) : null,
        ),
      ),
    ),
  );
}

/** @param {any} comparison @param {(key: string) => string} t @param {Texts} tx */
function actions(comparison, t, tx) {
  const reasons = { done: "compare_reason_done", pillar: "compare_reason_pillar", unanswered: "compare_reason_unanswered" };
  const gone = comparison.actions_gone;
  const added = comparison.actions_new;
  return [
    gone.length
      ? h(
          "section",
          { class: "rf-change rf-change--gone", "aria-labelledby": "rf-change-gone" },
          h("h3", { id: "rf-change-gone" }, format(t("compare_gone_title"), { count: gone.length })),
          h(
            "ul",
            {},
            gone.map((a) => {
              let detail = tx(reasons[a.reason]);
              if (a.marked_done) detail += tx("detail_separator") + tx("compare_marked_done");
              return h("li", { dataset: { action: a.id, reason: a.reason, markedDone: String(a.marked_done) } }, tx("aside", { text: a.title, detail }));
            }),
          ),
        )
      : null,
    added.length
      ? h(
          "section",
          { class: "rf-change rf-change--new", "aria-labelledby": "rf-change-new" },
          h("h3", { id: "rf-change-new" }, format(t("compare_new_title"), { count: added.length })),
          h("ul", {}, added.map((a) => h("li", { dataset: { action: a.id } }, a.title))),
        )
      : null,
  ];
}

/**
 * @param {HTMLElement} body #rf-compare-body @param {any} comparison the engine's
 * @param {{older: string, newer: string, lang: string, t: (key: string) => string, tx: Texts}} how
 * older and newer: what each side is, in words
 * @returns {{title: string, live: string}}
 */
export function renderComparison(body, comparison, { older, newer, lang, t, tx }) {
  const when = (date, fallback) => (date ? shownDate(date, lang) : tx(fallback));
  const title = tx("compare_title", {
    old: when(comparison.old_date, "compare_earlier"),
    new: when(comparison.new_date, "compare_later"),
  });
  const none = tx("compare_none");
  const rootLine = comparison.root.moved
    ? tx("compare_root_moved", { old: comparison.root.old_name || none, new: comparison.root.new_name || none })
    : tx("compare_root_same", { pillar: comparison.root.new_name || none });
  const dash = t("not_assessed");
  body.replaceChildren(
    ...[
      h("p", { class: "rf-compare-between" }, `${t("compare_old_label")}${tx("colon")}${older}`, h("br"), `${t("compare_new_label")}${tx("colon")}${newer}`),
      comparison.unchanged ? h("p", { class: "rf-compare-unchanged", dataset: { unchanged: "true" } }, tx("compare_no_change")) : null,
      h("p", { class: `rf-compare-root${comparison.root.moved ? " rf-compare-root--moved" : ""}`, dataset: { rootMoved: String(comparison.root.moved), root: comparison.root.new || "" } }, rootLine),
      dataTable({
        caption: t("compare_scores_caption"),
        head: [t("col_pillar"), t("col_before"), t("col_after"), t("col_change")],
        rows: comparison.pillars.map((p) =>
          row(
            { dataset: { pillar: p.id, old: p.old ?? "", new: p.new ?? "", change: p.change ?? "" } },
            pillarName(p),
            p.old ?? dash,
            p.new ?? dash,
            p.change === null ? "–" : p.change > 0 ? `+${p.change}` : String(p.change),
          ),
        ),
      }),
      answers(comparison, "improved", "compare_improved_title", t, tx),
      answers(comparison, "slipped", "compare_slipped_title", t, tx),
      answers(comparison, "changed", "compare_changed_title", t, tx),
      ...actions(comparison, t, tx),
    ].filter(Boolean),
  );
  return { title, live: `${title}. ${rootLine}` };
}
