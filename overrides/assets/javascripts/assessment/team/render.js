// @ts-check
// The team view as the engine gives it (team_result: pillars across respondents,
// the team's root, what to discuss first, profile differences, each respondent's
// own scores), rendered as text: names from files go in isolated (<bdi>).

import { format, h } from "../dom.js";
import { dataTable, isolated, row } from "../workshop.js";

/** @typedef {(key: string, values?: Record<string, any>) => string} Texts */

/** @param {any} p */
function pillarName(p) {
  return `${p.letter}. ${p.name}`;
}

/** @param {any} view @param {(key: string) => string} t @param {Texts} tx */
function headline(view, t, tx) {
  const root_ = view.pillars.find((p) => p.id === view.root);
  return h(
    "section",
    { class: `rf-root${root_ ? "" : " rf-root--none"}`, "aria-labelledby": "rf-team-root-title", dataset: { root: view.root || "" } },
    h("p", { class: "rf-root__kicker" }, t("team_root_kicker")),
    h("h3", { id: "rf-team-root-title", class: "rf-root__pillar" }, root_ ? pillarName(root_) : tx("team_no_root")),
    view.team.root_reason ? h("p", { class: "rf-root__reason" }, view.team.root_reason) : null,
    view.team.borderline_note ? h("p", { class: "rf-root__borderline" }, view.team.borderline_note) : null,
    h("p", { class: "rf-root__confidence" }, view.team.confidence_note),
    view.company ? h("p", { class: "rf-team-company" }, `${t("company_label_short")}${tx("colon")}`, isolated(view.company)) : null,
  );
}

/** @param {any} view @param {(key: string) => string} t @param {Texts} tx */
function pillars(view, t, tx) {
  const dash = t("not_assessed");
  return h(
    "section",
    { class: "rf-team-pillars", "aria-labelledby": "rf-team-pillars-title" },
    h("h3", { id: "rf-team-pillars-title" }, t("team_pillars_title")),
    h("p", {}, t("team_pillars_intro")),
    dataTable({
      caption: t("team_pillars_caption"),
      head: [t("col_pillar"), t("col_median"), t("col_range"), t("col_team")],
      rows: view.pillars.map((p) =>
        row(
          {
            dataset: {
              pillar: p.id,
              median: p.median ?? "",
              low: p.low ?? "",
              high: p.high ?? "",
              team: p.team ?? "",
            },
            class: p.id === view.root ? "is-root" : null,
          },
          pillarName(p),
          p.median ?? dash,
          p.low === null ? dash : p.low === p.high ? String(p.low) : `${p.low}–${p.high}`,
          p.team ?? dash,
        ),
      ),
    }),
  );
}

/** @param {any} view @param {(key: string) => string} t @param {Texts} tx */
function discuss(view, t, tx) {
  const items = view.discuss_first;
  return h(
    "section",
    { class: "rf-discuss", "aria-labelledby": "rf-discuss-title" },
    h("h3", { id: "rf-discuss-title" }, t("team_discuss_title")),
    items.length
      ? [
          h("p", {}, t("team_discuss_intro")),
          h(
            "ol",
            { class: "rf-discuss__list" },
            items.map((item) =>
              h(
                "li",
                { class: "rf-discuss__item", dataset: { question: item.question, pillar: item.pillar } },
                h("h4", { class: "rf-discuss__area" }, tx("aside", { text: item.area, detail: item.pillar_name })),
                h("p", { class: "rf-discuss__text" }, item.text),
                h("p", { class: "rf-discuss__levels" }, format(t("team_levels"), { low: item.low, high: item.high, max: item.max_level })),
                h(
                  "ul",
                  { class: "rf-discuss__answers" },
                  item.answers.map((answer) =>
                    h(
                      "li",
                      { dataset: { respondent: answer.respondent, level: answer.level ?? "" } },
                      isolated(answer.respondent),
                      tx("colon"),
                      h("span", { class: "rf-discuss__value" }, answer.value),
                      answer.note ? h("p", { class: "rf-note-text" }, `${t("note_shown")}${tx("colon")}`, isolated(answer.note)) : null,
                    ),
                  ),
                ),
              ),
            ),
          ),
        ]
      : h("p", { dataset: { agree: "true" } }, tx("team_agree")),
  );
}

/** @param {any} view @param {(key: string) => string} t @param {Texts} tx */
function profile(view, t, tx) {
  if (!view.profile_differs.length) return null;
  const separator = tx("list_separator");
  return h(
    "section",
    { class: "rf-team-profile", "aria-labelledby": "rf-team-profile-title" },
    h("h3", { id: "rf-team-profile-title" }, t("team_profile_title")),
    h(
      "ul",
      {},
      view.profile_differs.map((d) => {
        const named = (values) => values.map((v) => d.labels[v]).join("/");
        const answers = d.answers.map((a) => `${a.respondent} ${named(a.values)}`).join(separator);
        return h("li", { dataset: { dimension: d.dimension } }, tx("team_profile_differs", { dimension: d.text, answers, chosen: named(d.team) }));
      }),
    ),
  );
}

/** @param {any} view @param {(key: string) => string} t @param {Texts} tx */
function respondents(view, t, tx) {
  const dash = t("not_assessed");
  return h(
    "section",
    { class: "rf-team-own", "aria-labelledby": "rf-team-own-title" },
    h("h3", { id: "rf-team-own-title" }, t("team_own_title")),
    dataTable({
      caption: t("team_own_caption"),
      head: [t("col_respondent"), t("col_root"), ...view.pillars.map(pillarName), t("col_answered")],
      rows: view.respondents.map((r) =>
        row(
          { dataset: { respondent: r.label, root: r.root || "" } },
          isolated(r.label),
          r.root_name || tx("compare_none"),
          ...view.pillars.map((p) => r.scores[p.id] ?? dash),
          String(r.answered),
        ),
      ),
    }),
  );
}

/**
 * @param {HTMLElement} body #rf-team-body @param {any} view the engine's team view
 * @param {(key: string) => string} t @param {Texts} tx
 * @returns {string} what the live region says
 */
export function renderTeam(body, view, t, tx) {
  body.replaceChildren(
    ...[
      headline(view, t, tx),
      pillars(view, t, tx),
      discuss(view, t, tx),
      profile(view, t, tx),
      respondents(view, t, tx),
      h("details", { class: "rf-team-rule" }, h("summary", {}, t("team_rule_title")), h("p", {}, view.rule)),
    ].filter(Boolean),
  );
  body.dataset.count = String(view.count);
  return `${tx("team_title", { count: view.count })}. ${view.root ? tx("team_root", { pillar: view.root_name }) : tx("team_no_root")}`;
}
