// @ts-check
// The team view: several respondents of one company, merged by the engine (the
// same code as `python -m assessment merge`). Files and links are read on this
// page and kept in memory only: nothing is uploaded or stored. The respondents
// are a model without DOM (assessment/team/sources.js: checked, named, a second
// copy of the same answers flagged); merging goes in batches with progress, so
// thousands of files work as they do on the command line.

import { format, h } from "./assessment/dom.js";
import { TeamSources, mergeInBatches } from "./assessment/team/sources.js";
import { renderTeam } from "./assessment/team/render.js";
import { downloadJson, formatNodes, isolated, linkLines, onPage, setup, startEngine } from "./assessment/workshop.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

function init() {
  const root = document.getElementById("rf-team");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const { t, tx, contract, notice, reason, lang } = setup(root);
  const list = byId("rf-team-list");
  const result = byId("rf-team-result");
  const progress = /** @type {HTMLProgressElement} */ (byId("rf-team-progress"));
  const linksField = /** @type {HTMLTextAreaElement} */ (byId("rf-team-links"));
  const fileInput = /** @type {HTMLInputElement} */ (byId("rf-team-files"));
  const team = new TeamSources(contract, (n) => tx("link_n", { n }));
  /** @type {Record<string, any> | null} */
  let layouts = null; // earlier banks' link layouts, fetched only for a link made with one
  /** @type {any} */
  let merged = null;
  let ticket = 0;
  const engine = startEngine(root, t, notice, merge);

  /** @param {import("./assessment/team/sources.js").Refused | null} refused */
  function refusedSay(refused) {
    if (!refused) return;
    const { name, reason: why } = refused;
    const text = why.error === "reason_duplicate"
      ? formatNodes(t("team_duplicate"), { name: isolated(name), first: isolated(why.id || "") })
      : formatNodes(t("team_source_invalid"), { name: isolated(name), reason: reason(why) });
    notice(why.error === "reason_duplicate" ? "warning" : "error", text).dataset.source = name;
  }

  /** @param {Iterable<File>} files */
  async function addFiles(files) {
    for (const file of files) refusedSay(team.addFile(file.name, await file.text(), file.size));
    changed();
  }

  async function earlierLayouts() {
    if (layouts !== null) return layouts;
    layouts = {};
    try {
      const response = await fetch(root?.dataset.layouts || "");
      if (response.ok) layouts = await response.json();
    } catch {
      /* offline or missing: such a link is reported as made with an unknown version */
    }
    return layouts;
  }

  async function addLinks() {
    const kept = [];
    for (const line of linkLines(linksField.value)) {
      let refused = team.addLink(line, layouts || {});
      if (refused === "unknown_version") refused = team.addLink(line, (await earlierLayouts()) || {});
      refusedSay(refused === "unknown_version" ? null : refused);
      if (refused && refused !== "unknown_version" && refused.reason.error !== "reason_duplicate") kept.push(line); // left to be corrected
    }
    linksField.value = kept.join("\n");
    changed();
  }

  /** @param {string} name */
  function remove(name) {
    const index = team.sources.findIndex((s) => s.name === name);
    team.remove(name);
    changed();
    const buttons = list.querySelectorAll("[data-remove]");
    /** @type {HTMLElement} */ (buttons[Math.min(index, buttons.length - 1)] || byId("rf-team-choose")).focus();
  }

  function changed() {
    renderList();
    merge();
  }

  function renderList() {
    const count = team.sources.length;
    byId("rf-team-empty").hidden = count > 0;
    byId("rf-team-people-title").textContent = count ? format(t("team_people_count"), { count }) : t("team_people_title");
    list.replaceChildren(...team.sources.map((source) => {
      const label = source.shown || source.respondent || source.label;
      const from = source.kind === "file" ? format(t("team_from_file"), { name: source.name }) : t("team_from_link");
      return h(
        "li",
        { class: "rf-team-list__item", dataset: { source: source.name } },
        h("span", { class: "rf-team-list__label" }, isolated(label)),
        source.company ? [" · ", h("span", { class: "rf-team-list__company" }, isolated(source.company))] : null,
        h("span", { class: "rf-team-list__from" }, ` (${from})`),
        " ",
        h("button", { type: "button", class: "md-button rf-team-list__remove", dataset: { remove: source.name }, "aria-label": format(t("team_remove_label"), { label }), onclick: () => remove(source.name) }, t("team_remove")),
      );
    }));
  }

  /** The merge's progress, shown while batches are read. @param {number} done @param {number} total */
  function showProgress(done, total) {
    progress.hidden = done >= total;
    progress.max = total;
    progress.value = done;
    byId("rf-team-progress-text").textContent = done >= total ? "" : format(t("team_merging"), { done, total });
  }

  async function merge() {
    const mine = ++ticket;
    if (!team.sources.length) {
      merged = null;
      result.hidden = true;
      byId("rf-live").textContent = "";
      return;
    }
    if (engine.state !== "ready") return; // merged once it is
    const sources = [...team.sources];
    showProgress(0, sources.length);
    const outcome = await mergeInBatches(engine, sources, lang, { onProgress: showProgress, current: () => mine === ticket });
    if (outcome === null) return; // the list changed meanwhile
    showProgress(sources.length, sources.length);
    for (const error of outcome.errors) refusedSay({ name: error.name, reason: { error: error.error } });
    const failed = new Set(outcome.errors.map((e) => e.name));
    for (const name of failed) team.remove(name);
    if ("error" in outcome) {
      notice("error", format(t("team_failed"), { reason: outcome.error })); // the sources stay listed
      result.hidden = true;
      return renderList();
    }
    merged = outcome.team;
    merged.respondents.forEach((/** @type {any} */ respondent, /** @type {number} */ index) => { team.sources[index].shown = respondent.label; });
    renderList();
    result.hidden = false;
    byId("rf-team-result-title").textContent = tx("team_title", { count: merged.count });
    byId("rf-live").textContent = renderTeam(byId("rf-team-body"), merged, t, tx);
    const open = /** @type {HTMLAnchorElement | null} */ (document.getElementById("rf-team-open"));
    if (open) prepareOpen(open, merged, mine);
  }

  // The team's answers, opened on the assessment page as a shared link: the reader sees
  // them there and makes them theirs (their own answers go to the history).
  /** @param {HTMLAnchorElement} open @param {any} view @param {number} mine */
  async function prepareOpen(open, view, mine) {
    open.hidden = true;
    const link = await engine.call("share_link_json", JSON.stringify(view.document));
    if (mine !== ticket || !link.ok) return;
    open.href = `${root?.dataset.assessment}#${link.fragment}`;
    open.hidden = false;
  }

  byId("rf-team-choose").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const chosen = [...(fileInput.files || [])];
    fileInput.value = "";
    addFiles(chosen);
  });
  byId("rf-team-add-links").addEventListener("click", addLinks);
  byId("rf-team-export").addEventListener("click", () => merged && downloadJson("team-answers.json", merged.document));
  acceptDrops(byId("rf-team-drop"), addFiles);
  renderList();
}

/** Files dropped anywhere on the page are added (a drop outside a zone would open the file in place of the page). @param {HTMLElement} zone @param {(files: File[]) => void} add */
function acceptDrops(zone, add) {
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
    add([...event.dataTransfer.files]);
  });
}

onPage(init);
