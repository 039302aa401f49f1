// The team view: several respondents of one company, merged by the engine's
// `merge_json` (the same code as `python -m assessment merge`). Files and links are
// read on this page and kept in memory only: nothing is uploaded or stored.
//
// Each source is checked on its own, all or nothing, first here (so a refusal is
// explained in the page's language) and then by the engine; one that does not read
// is named in a message and the others still count.

import { MAX_FILE_BYTES, decodeShare, parseDocument } from "./assessment/answers.js";
import { format, h } from "./assessment/dom.js";
import { clean } from "./assessment/plaintext.js";
import {
  dataTable,
  downloadJson,
  fileStem,
  formatNodes,
  fragmentOf,
  isolated,
  linkLines,
  onPage,
  row,
  setup,
  startEngine,
  uniqueName,
} from "./assessment/workshop.js";

function init() {
  const root = document.getElementById("rf-team");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const { t, tx, contract, notice, reason, lang } = setup(root);
  const list = document.getElementById("rf-team-list");
  const empty = document.getElementById("rf-team-empty");
  const result = document.getElementById("rf-team-result");
  const body = document.getElementById("rf-team-body");
  const live = document.getElementById("rf-live");
  const linksField = document.getElementById("rf-team-links");
  const fileInput = document.getElementById("rf-team-files");
  // {name (for messages, unique), label (when the document names nobody), company,
  //  kind: "file" | "link", document | link, shown (the engine's label, once merged)}
  let sources = [];
  let links = 0; // links are named by their place among the links added: "Link 1", "Link 2" ...
  let layouts = null; // earlier banks' link layouts, fetched only for a link made with one
  let team = null;
  let ticket = 0;

  const engine = startEngine(root, t, notice, merge);

  function refused(name, why) {
    const box = notice("error", formatNodes(t("team_source_invalid"), { name: isolated(name), reason: why }));
    box.dataset.source = name;
  }

  // -- Adding sources ---------------------------------------------------------------
  async function addFiles(fileList) {
    const taken = new Set(sources.map((s) => s.name));
    for (const file of [...fileList]) {
      const name = uniqueName(clean(file.name, false) || "?", taken); // shown as one plain line, however it is named
      taken.add(name);
      if (file.size > MAX_FILE_BYTES) {
        refused(name, t("reason_too_large"));
        continue;
      }
      const text = (await file.text()).replace(/^\uFEFF/, "");
      const checked = parseDocument(text, contract);
      if (checked.error) {
        refused(name, reason(checked));
        continue;
      }
      // The file as written goes to the engine, as it would on the command line.
      sources.push({ name, label: fileStem(file.name), company: checked.company, respondent: checked.respondent, kind: "file", document: JSON.parse(text) });
    }
    changed();
  }

  async function earlierLayouts() {
    if (layouts !== null) return layouts;
    layouts = {};
    try {
      const response = await fetch(root.dataset.layouts);
      if (response.ok) layouts = await response.json();
    } catch {
      /* offline or missing: such a link is reported as made with an unknown version */
    }
    return layouts;
  }

  async function addLinks() {
    const kept = [];
    for (const line of linkLines(linksField.value)) {
      links += 1;
      const name = tx("link_n", { n: links });
      let checked = decodeShare(fragmentOf(line), contract, layouts || {});
      if (checked && checked.error === "reason_unknown_version" && layouts === null) {
        checked = decodeShare(fragmentOf(line), contract, await earlierLayouts());
      }
      if (!checked || checked.error) {
        refused(name, checked ? reason(checked) : t("reason_not_a_link"));
        kept.push(line); // left in the field, to be corrected
        continue;
      }
      sources.push({ name, label: name, kind: "link", link: line });
    }
    linksField.value = kept.join("\n");
    changed();
  }

  function remove(index) {
    sources.splice(index, 1);
    changed();
    const buttons = list.querySelectorAll("[data-remove]");
    (buttons[Math.min(index, buttons.length - 1)] || document.getElementById("rf-team-choose")).focus();
  }

  function changed() {
    renderList();
    merge();
  }

  // -- The respondents --------------------------------------------------------------
  function renderList() {
    empty.hidden = sources.length > 0;
    document.getElementById("rf-team-people-title").textContent = sources.length
      ? format(t("team_people_count"), { count: sources.length })
      : t("team_people_title");
    list.replaceChildren(
      ...sources.map((source, index) => {
        const label = source.shown || source.respondent || source.label;
        const from = source.kind === "file" ? format(t("team_from_file"), { name: source.name }) : t("team_from_link");
        return h(
          "li",
          { class: "rf-team-list__item", dataset: { source: source.name } },
          h("span", { class: "rf-team-list__label" }, isolated(label)),
          source.company ? [" · ", h("span", { class: "rf-team-list__company" }, isolated(source.company))] : null,
          h("span", { class: "rf-team-list__from" }, ` (${from})`),
          " ",
          h(
            "button",
            { type: "button", class: "md-button rf-team-list__remove", dataset: { remove: String(index) }, "aria-label": format(t("team_remove_label"), { label }), onclick: () => remove(index) },
            t("team_remove"),
          ),
        );
      }),
    );
  }

  // -- Merging ----------------------------------------------------------------------
  async function merge() {
    const mine = ++ticket;
    if (!sources.length) {
      team = null;
      result.hidden = true;
      live.textContent = "";
      return;
    }
    if (engine.state !== "ready") return; // merged once it is
    const payload = await engine.call(
      "merge_json",
      JSON.stringify(sources.map(({ name, label, kind, document: doc, link }) => (kind === "link" ? { name, label, link } : { name, label, document: doc }))),
      lang,
    );
    if (mine !== ticket) return; // the list changed meanwhile
    const failed = new Set((payload.errors || []).map((e) => e.name));
    if (!payload.ok) {
      // Nothing read: every source is named in the engine's message.
      notice("error", format(t("team_failed"), { reason: payload.error }));
      sources = [];
      renderList();
      result.hidden = true;
      return;
    }
    for (const error of payload.errors) refused(error.name, error.error);
    if (failed.size) sources = sources.filter((s) => !failed.has(s.name));
    team = payload.team;
    team.respondents.forEach((respondent, index) => {
      sources[index].shown = respondent.label;
    });
    renderList();
    renderTeam(team);
    const open = document.getElementById("rf-team-open");
    if (open) prepareOpen(open, team, mine);
  }

  // The team's answers, opened on the assessment page as a shared link: the reader sees
  // them there and makes them theirs (their own answers go to the history) to save a
  // snapshot and track the plan.
  async function prepareOpen(open, merged, mine) {
    open.hidden = true;
    const link = await engine.call("share_link_json", JSON.stringify(merged.document));
    if (mine !== ticket || !link.ok) return;
    open.href = `${root.dataset.assessment}#${link.fragment}`;
    open.hidden = false;
  }

  // -- The team view ----------------------------------------------------------------
  function pillarName(p) {
    return `${p.letter}. ${p.name}`;
  }

  function headline(view) {
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

  function pillars(view) {
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

  function discuss(view) {
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

  function profile(view) {
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

  function respondents(view) {
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

  function renderTeam(view) {
    result.hidden = false;
    document.getElementById("rf-team-result-title").textContent = tx("team_title", { count: view.count });
    body.replaceChildren(
      ...[
        headline(view),
        pillars(view),
        discuss(view),
        profile(view),
        respondents(view),
        h("details", { class: "rf-team-rule" }, h("summary", {}, t("team_rule_title")), h("p", {}, view.rule)),
      ].filter(Boolean),
    );
    body.dataset.count = String(view.count);
    live.textContent = `${tx("team_title", { count: view.count })}. ${view.root ? tx("team_root", { pillar: view.root_name }) : tx("team_no_root")}`;
  }

  // -- Controls ---------------------------------------------------------------------
  document.getElementById("rf-team-choose").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const chosen = [...fileInput.files];
    fileInput.value = "";
    addFiles(chosen);
  });
  document.getElementById("rf-team-add-links").addEventListener("click", addLinks);
  document.getElementById("rf-team-export").addEventListener("click", () => {
    if (team) downloadJson("team-answers.json", team.document);
  });
  // Files dropped anywhere on the page are added (a drop outside a drop zone would
  // otherwise open the file in place of this page, and the team view with it).
  const zone = document.getElementById("rf-team-drop");
  document.addEventListener("dragover", (event) => {
    if (![...(event.dataTransfer?.types || [])].includes("Files")) return;
    event.preventDefault();
    zone.classList.add("is-dragging");
  });
  document.addEventListener("dragleave", (event) => {
    if (event.relatedTarget === null) zone.classList.remove("is-dragging");
  });
  document.addEventListener("drop", (event) => {
    if (!event.dataTransfer?.files?.length) return;
    event.preventDefault();
    zone.classList.remove("is-dragging");
    addFiles(event.dataTransfer.files);
  });
  renderList();
}

onPage(init);
