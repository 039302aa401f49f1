// Render the engine's result: scores, chart, root constraint, warnings and
// the root-first plan (first three up front, the rest one click away).

import { format, h, svg } from "./dom.js";

const PLAN_UP_FRONT = 3;

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
  const titleId = "rf-chart-title";
  const descId = "rf-chart-desc";
  const figure = svg(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, class: "rf-chart__svg", role: "img", "aria-labelledby": `${titleId} ${descId}` },
    svg("title", { id: titleId }, t("chart_title")),
    svg("desc", { id: descId }, format(t("chart_desc"), { threshold: result.threshold })),
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

function pillarCards(result, t, home) {
  return h(
    "ul",
    { class: "rf-scores" },
    result.pillars.map((pillar) =>
      h(
        "li",
        {
          class: `rf-score${pillar.id === result.root ? " rf-score--root" : ""}`,
          dataset: { pillar: pillar.id, score: pillar.score === null ? "" : String(pillar.score) },
        },
        h("p", { class: "rf-score__name" }, h("a", { href: pageLink(home, pillar.page) }, `${pillar.letter}. ${pillar.name}`), pillar.id === result.root ? h("strong", { class: "rf-badge" }, t("root_badge")) : null),
        h("p", { class: "rf-score__value" }, pillar.score === null ? t("not_assessed") : [h("span", { class: "rf-score__number" }, String(pillar.score)), " ", h("span", { class: "rf-score__level" }, pillar.level)]),
        h("p", { class: "rf-score__meta" }, format(t("answered_of"), { answered: pillar.answered, total: pillar.total }), pillar.not_applicable ? ` · ${format(t("na_count"), { count: pillar.not_applicable })}` : ""),
        pillar.weak_areas.length
          ? h("p", { class: "rf-score__weak" }, `${t("weak_areas")}: `, pillar.weak_areas.map((area) => area.area).join(", "))
          : null,
      ),
    ),
  );
}

function planItem(action, t, home, names, index) {
  return h(
    "li",
    { class: "rf-action", dataset: { pillar: action.pillar, actionId: action.id }, hidden: index >= PLAN_UP_FRONT },
    h("h4", { class: "rf-action__title" }, action.title),
    h("p", { class: "rf-action__meta" }, `${names[action.pillar]} · ${action.area} · ${format(t("horizon"), { days: action.horizon })}`),
    h("p", { class: "rf-action__why" }, h("strong", {}, `${t("why")}: `), action.why),
    h("ol", { class: "rf-action__steps", "aria-label": t("steps") }, action.steps.map((step) => h("li", {}, step))),
    h("p", { class: "rf-action__metric" }, h("strong", {}, `${t("metric")}: `), action.metric),
    h("p", { class: "rf-action__link" }, h("a", { href: pageLink(home, action.link) }, `${t("learn_more")} →`)),
  );
}

function plan(result, t, home) {
  if (!result.plan.length) return null;
  const names = Object.fromEntries(result.pillars.map((p) => [p.id, p.name]));
  const list = h("ol", { class: "rf-plan", id: "rf-plan" }, result.plan.map((action, index) => planItem(action, t, home, names, index)));
  const extra = result.plan.length - PLAN_UP_FRONT;
  const toggle =
    extra > 0
      ? h(
          "button",
          {
            type: "button",
            class: "md-button rf-plan__toggle rf-no-print",
            "aria-controls": "rf-plan",
            "aria-expanded": "false",
            onclick: (event) => {
              const expanded = event.currentTarget.getAttribute("aria-expanded") === "true";
              [...list.children].forEach((item, index) => (item.hidden = expanded && index >= PLAN_UP_FRONT));
              event.currentTarget.setAttribute("aria-expanded", String(!expanded));
              event.currentTarget.textContent = expanded ? format(t("show_all"), { count: result.plan.length }) : t("show_fewer");
            },
          },
          format(t("show_all"), { count: result.plan.length }),
        )
      : null;
  return h("section", { class: "rf-plan-section", "aria-labelledby": "rf-plan-title" }, h("h3", { id: "rf-plan-title" }, t("plan_title")), h("p", {}, t("plan_intro")), list, toggle);
}

function unanswered(result, t) {
  if (!result.unanswered.length) return null;
  return h(
    "details",
    { class: "rf-unanswered" },
    h("summary", {}, format(t("unanswered_title"), { count: result.unanswered.length })),
    h("ul", {}, result.unanswered.map((id) => h("li", {}, h("a", { href: `#q-${id}`, dataset: { goto: id } }, `${t("go_to_question")}: ${document.querySelector(`[data-question-id="${CSS.escape(id)}"] legend`)?.textContent.trim() || id}`)))),
  );
}

export function renderResults(container, result, t, home) {
  const root = result.pillars.find((p) => p.id === result.root);
  const weakest = result.pillars.find((p) => p.id === result.weakest);
  container.replaceChildren(
    h(
      "p",
      { class: "rf-overall" },
      h("strong", {}, `${t("overall")}: `),
      result.overall === null ? t("not_assessed") : `${result.overall} · ${result.overall_level} (${weakest.name})`,
      ` · ${format(t("answered_of"), { answered: result.answered, total: result.total })}`,
    ),
    chart(result, t),
    pillarCards(result, t, home),
    result.root_reason
      ? h("section", { class: `rf-root${root ? "" : " rf-root--none"}` }, h("h3", {}, root ? format(t("root_title"), { pillar: root.name }) : t("no_root_title")), h("p", {}, result.root_reason))
      : null,
    result.warnings.length
      ? h("section", { class: "rf-warnings", "aria-labelledby": "rf-warnings-title" }, h("h3", { id: "rf-warnings-title" }, t("warnings_title")), h("ul", {}, result.warnings.map((w) => h("li", { dataset: { warning: w.id } }, w.text))))
      : null,
    plan(result, t, home),
    unanswered(result, t),
  );
}

export function summarise(result, t) {
  const root = result.pillars.find((p) => p.id === result.root);
  const scores = result.pillars.map((p) => `${p.name} ${p.score === null ? t("not_assessed") : p.score}`).join(", ");
  return `${root ? format(t("root_title"), { pillar: root.name }) : t("no_root_title")}. ${scores}.`;
}
