// @ts-check
// Render the engine's result, answer first: what to fix first and why, the
// actions to do now, then the four scores with their figures, warnings, the
// rest of the plan and what is still unanswered.

import { format, h, svg } from "./dom.js";

function pageLink(home, page) {
  return home + page;
}

function chart(result, t) {
  const width = 560;
  const rowHeight = 44;
  const labelWidth = 150;
  const barWidth = width - labelWidth - 60;
  const height = rowHeight * result.pillars.length + 24;
  const x = (score) => labelWidth + (barWidth * score) / 100;
  const figure = svg(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, class: "rf-chart__svg", role: "img", "aria-labelledby": "rf-chart-title rf-chart-desc" },
    svg("title", { id: "rf-chart-title" }, t("chart_title")),
    svg("desc", { id: "rf-chart-desc" }, format(t("chart_desc"), { threshold: result.threshold })),
  );
  result.pillars.forEach((pillar, index) => {
    const y = 8 + index * rowHeight;
    const score = pillar.score ?? 0;
    const status = pillar.score === null ? "unknown" : pillar.id === result.root ? "root" : pillar.healthy ? "healthy" : "weak";
    figure.append(
      svg("text", { x: 0, y: y + 22, class: "rf-chart__label" }, `${pillar.letter}. ${pillar.name}`),
      svg("rect", { x: labelWidth, y: y + 6, width: barWidth, height: 24, rx: 3, class: "rf-chart__track" }),
      svg("rect", { x: labelWidth, y: y + 6, width: Math.max(0, x(score) - labelWidth), height: 24, rx: 3, class: `rf-chart__bar rf-chart__bar--${status}` }),
      svg("text", { x: x(score) + 6, y: y + 23, class: "rf-chart__value" }, pillar.score === null ? t("not_assessed") : String(pillar.score)),
    );
  });
  const tx = x(result.threshold);
  figure.append(
    svg("line", { x1: tx, x2: tx, y1: 2, y2: height - 14, class: "rf-chart__threshold" }),
    svg("text", { x: tx, y: height - 2, class: "rf-chart__threshold-label", "text-anchor": "middle" }, `${t("threshold")} ${result.threshold}`),
  );
  return h("figure", { class: "rf-chart" }, figure);
}

function actionAnchor(action) {
  return `action-${action.id}`;
}

// The answer in one screen: the pillar to fix first, its first actions, then why.
function headline(result, t, quick) {
  const root = result.pillars.find((p) => p.id === result.root);
  const now = result.plan.filter((a) => a.phase === "now");
  return h(
    "section",
    { class: `rf-root${root ? "" : " rf-root--none"}`, "aria-labelledby": "rf-root-title" },
    // Ads that lose money on every order come first, whatever the root (the plan's first action says how).
    result.stop_loss ? h("p", { class: "rf-root__stop-loss", dataset: { stopLoss: "true" } }, result.stop_loss.text) : null,
    h("p", { class: "rf-root__kicker" }, root ? t("fix_first_kicker") : t("no_root_kicker")),
    h("h3", { id: "rf-root-title", class: "rf-root__pillar" }, root ? `${root.letter}. ${root.name}` : t("no_root_title")),
    now.length
      ? [
          h("p", { class: "rf-root__first-title" }, `${t("first_three")}${t("colon")}`),
          h("ol", { class: "rf-root__first" }, now.map((a) => h("li", { dataset: { state: a.state || "" } }, h("a", { href: `#${actionAnchor(a)}` }, a.title), stateBadge(a)))),
        ]
      : null,
    quick
      ? h(
          "p",
          { class: "rf-root__provisional", dataset: { provisional: "true" } },
          format(t("quick_result"), { answered: quick.answered }),
          " ",
          h("button", { type: "button", class: "md-button rf-no-print", dataset: { mode: "full" } }, t("quick_continue")),
        )
      : null,
    result.root_reason ? h("p", { class: "rf-root__reason" }, result.root_reason) : null,
    result.borderline_note ? h("p", { class: "rf-root__borderline", dataset: { borderline: "true" } }, result.borderline_note) : null,
    result.thin_note ? h("p", { class: "rf-root__thin", dataset: { thin: "true" } }, result.thin_note) : null,
    h("p", { class: "rf-root__confidence", dataset: { confidence: result.confidence } }, result.confidence_note),
  );
}

// A company's own words (a note) read in their own direction, never the page's.
function note(text, t) {
  return text ? h("p", { class: "rf-note-text" }, `${t("note_shown")}${t("colon")}`, h("bdi", {}, text)) : null;
}

// Not started / in progress / done: kept with the answers, shown in the plan and the report.
function statusControl(action, t, readOnly) {
  const id = `rf-status-${action.id.replace(/[^a-z0-9-]/g, "-")}`;
  const choice = (value, label) => h("option", { value, selected: (action.state || "") === value ? "" : undefined }, label);
  return h(
    "p",
    { class: "rf-action__status rf-no-print" },
    h("label", { for: id }, `${t("action_status")} `),
    h(
      "select",
      { id, dataset: { actionState: action.id }, disabled: readOnly || undefined },
      choice("", t("action_not_started")),
      choice("in-progress", t("action_in_progress")),
      choice("done", t("action_done")),
    ),
  );
}

// In progress or done, beside the action's name (the name is struck through when done, never the badge).
function stateBadge(action) {
  return action.state ? [" ", h("span", { class: "rf-badge rf-action__state", dataset: { state: action.state } }, action.state_label)] : null;
}

function actionItem(action, view, names) {
  const { t, home } = view;
  const template = view.templates[action.id];
  const state = action.state || "";
  return h(
    "li",
    {
      class: `rf-action${state ? ` rf-action--${state}` : ""}`,
      id: actionAnchor(action),
      dataset: { pillar: action.pillar, actionId: action.id, phase: action.phase, state },
    },
    h("h4", { class: "rf-action__title" }, h("span", { class: "rf-action__name" }, action.title), stateBadge(action)),
    statusControl(action, t, view.readOnly),
    h("p", { class: "rf-action__meta" }, `${names[action.pillar]} · ${action.area} · ${format(t("horizon"), { days: action.horizon })}`),
    h("p", { class: "rf-action__why" }, action.why),
    note(action.note, t),
    h("ol", { class: "rf-action__steps", "aria-label": t("steps") }, action.steps.map((step) => h("li", {}, step))),
    h(
      "dl",
      { class: "rf-action__facts" },
      h("dt", {}, t("metric")), h("dd", { class: "rf-action__metric" }, action.metric),
      h("dt", {}, t("target")), h("dd", { class: "rf-action__target" }, action.target),
      h("dt", {}, t("owner")), h("dd", {}, action.owner),
      h("dt", {}, t("unlocks")), h("dd", {}, action.unlocks),
    ),
    h(
      "p",
      { class: "rf-action__link" },
      h("a", { href: pageLink(home, action.link) }, `${t("learn_more")} →`),
      // A template to start the action with today, e.g. the defect log for "start a defect log".
      template ? [" · ", h("a", { href: template.href, download: template.file, class: "rf-action__template" }, format(t("template_link"), { title: template.title }))] : null,
    ),
  );
}

function phaseList(actions, view, names) {
  return h("ol", { class: "rf-plan" }, actions.map((action) => actionItem(action, view, names)));
}

function doNow(result, view, names) {
  const { t } = view;
  const now = result.plan.filter((a) => a.phase === "now");
  if (!now.length) return null;
  return h(
    "section",
    { class: "rf-now", "aria-labelledby": "rf-now-title" },
    h("h3", { id: "rf-now-title" }, t("do_now_title")),
    h("p", {}, t("plan_intro")),
    phaseList(now, view, names),
  );
}

// Where each pillar stands against the middle half of companies like this one: the
// engine's sentence per pillar (assessment/workshop/peers.py place), as text. Only when the
// brand ships peer bands (report.js); the comparison is made here, nothing is sent.
function peerBands(result, placement, t) {
  if (!placement) return null;
  const placed = placement.pillars.filter((p) => p.position);
  if (!placed.length) return null;
  const letters = Object.fromEntries(result.pillars.map((p) => [p.id, p.letter]));
  return h(
    "div",
    { class: "rf-peers", dataset: { group: placement.group } },
    h("h4", { id: "rf-peers-title" }, t("peers_title")),
    h("p", { class: "rf-peers__intro" }, format(t("peers_intro"), { group: placement.group_name, companies: placement.companies })),
    h(
      "ul",
      { class: "rf-peers__list", "aria-labelledby": "rf-peers-title" },
      placed.map((p) =>
        h("li", { dataset: { pillar: p.id, position: p.position } }, h("strong", {}, `${letters[p.id]}. ${p.name}`), " · ", p.text),
      ),
    ),
  );
}

function scores(result, t, home, placement) {
  const levels = result.levels.map((level) => format(t("level_from"), { name: level.name, min: level.min }));
  return h(
    "section",
    { class: "rf-scores-section", "aria-labelledby": "rf-scores-title" },
    h("h3", { id: "rf-scores-title" }, t("scores_title")),
    h("p", { class: "rf-scores__intro" }, format(t("scores_intro"), { threshold: result.threshold, levels: levels.join(t("list_separator")) })),
    chart(result, t),
    h(
      "ul",
      { class: "rf-scores" },
      result.pillars.map((pillar) =>
        h(
          "li",
          {
            class: `rf-score${pillar.id === result.root ? " rf-score--root" : ""}`,
            dataset: { pillar: pillar.id, score: pillar.score === null ? "" : String(pillar.score) },
          },
          h("p", { class: "rf-score__name" }, h("a", { href: pageLink(home, pillar.page) }, `${pillar.letter}. ${pillar.name}`)),
          pillar.id === result.root ? h("p", { class: "rf-score__badge" }, h("strong", { class: "rf-badge" }, t("root_badge"))) : null,
          h("p", { class: "rf-score__value" }, pillar.score === null ? t("not_assessed") : [h("span", { class: "rf-score__number" }, String(pillar.score)), " ", h("span", { class: "rf-score__level" }, pillar.level)]),
          h("p", { class: "rf-score__meta" }, format(t("answered_of"), { answered: pillar.answered, total: pillar.total }), pillar.not_applicable ? ` · ${format(t("na_count"), { count: pillar.not_applicable })}` : ""),
          pillar.outcomes.length
            ? h(
                "ul",
                { class: "rf-score__figures", "aria-label": t("figures_title") },
                pillar.outcomes.map((o) => h("li", { dataset: { band: o.band } }, `${o.area}${t("colon")}${o.value} · `, h("strong", {}, o.band_name), note(o.note, t))),
              )
            : null,
          pillar.weak_areas.length ? h("p", { class: "rf-score__weak" }, `${t("weak_areas")}${t("colon")}`, pillar.weak_areas.map((area) => area.area).join(t("list_separator"))) : null,
        ),
      ),
    ),
    peerBands(result, placement, t),
  );
}

function warnings(result, t) {
  if (!result.warnings.length) return null;
  return h(
    "section",
    { class: "rf-warnings", "aria-labelledby": "rf-warnings-title" },
    h("h3", { id: "rf-warnings-title" }, t("warnings_title")),
    h("ul", {}, result.warnings.map((w) => h("li", { dataset: { warning: w.id } }, w.text))),
  );
}

function restOfPlan(result, view, names) {
  const { t } = view;
  const next = result.plan.filter((a) => a.phase === "next");
  const later = result.plan.filter((a) => a.phase === "later");
  if (!next.length && !later.length) return null;
  return h(
    "section",
    { class: "rf-plan-section", "aria-labelledby": "rf-next-title" },
    h("h3", { id: "rf-next-title" }, t("next_title")),
    next.length ? phaseList(next, view, names) : null,
    later.length
      ? h("details", { class: "rf-later rf-no-print" }, h("summary", {}, format(t("show_later"), { count: later.length })), phaseList(later, view, names))
      : null,
  );
}

function unanswered(result, t, questionText) {
  if (!result.unanswered.length) return null;
  return h(
    "details",
    { class: "rf-unanswered" },
    h("summary", {}, format(t("unanswered_title"), { count: result.unanswered.length })),
    h("ul", {}, result.unanswered.map((id) => h("li", {}, h("a", { href: `#q-${id}`, dataset: { goto: id } }, `${t("go_to_question")}${t("colon")}${questionText(id)}`)))),
  );
}

// view: { t (UI strings), home (the language's home URL), questionText (id -> text),
// templates (action id -> { href, title, file }), quick ({ answered } in the quick check, else null),
// readOnly (someone else's shared answers: nothing can be changed),
// peers (the engine's placement against the brand's peer bands, or null) }.
export function renderResults(container, result, view) {
  const { t, home, questionText } = view;
  const names = Object.fromEntries(result.pillars.map((p) => [p.id, p.name]));
  const weakest = result.pillars.find((p) => p.id === result.weakest);
  container.replaceChildren(
    ...[
      headline(result, t, view.quick),
      doNow(result, view, names),
      scores(result, t, home, view.peers),
      weakest && weakest.id !== result.root
        ? h("p", { class: "rf-overall" }, h("strong", {}, `${t("overall")}${t("colon")}`), `${weakest.name} (${result.overall})`)
        : null,
      warnings(result, t),
      restOfPlan(result, view, names),
      result.migration_note ? h("p", { class: "rf-migration" }, result.migration_note) : null,
      unanswered(result, t, questionText),
    ].filter(Boolean),
  );
}

export function summarise(result, t) {
  const root = result.pillars.find((p) => p.id === result.root);
  const scores = result.pillars.map((p) => `${p.name} ${p.score === null ? t("not_assessed") : p.score}`).join(t("list_separator"));
  const stop = result.stop_loss ? `${result.stop_loss.text} ` : "";
  return `${stop}${root ? format(t("root_title"), { pillar: root.name }) : t("no_root_title")}. ${scores}.`;
}
