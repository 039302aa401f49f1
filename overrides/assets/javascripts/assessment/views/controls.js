// @ts-check
// The assessment page's buttons: share, export, import, snapshot, start over,
// the shared view's two, the report's two, the quick check's switches, the
// pillar steps and the results' links back to a question. Each sends an intent
// to the session (or moves on the page) and renders what it reported.

import { encodeShare } from "../answers.js";
import { format } from "../dom.js";
import { wireReportButtons } from "../report.js";
import { documentOf } from "../state.js";

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @param {import("../../assessment.js").Page} page */
export function wireControls(page) {
  const { session } = page;
  /** @param {string} id @param {() => void} handler */
  const on = (id, handler) => byId(id).addEventListener("click", handler);
  on("rf-share", () => share(page));
  on("rf-export", () => page.apply(session.exportOwn()));
  wireImport(page);
  on("rf-snapshot", () => {
    const report = session.saveSnapshot();
    // The comparison's page, when the brand publishes it: where snapshots are compared and deleted.
    if (document.getElementById("rf-compare-link")) for (const notice of report.notices) if (notice.tag === "snapshot") notice.actions = [{ label: "compare_open", op: "openCompare" }];
    page.apply(report);
  });
  // Starting over asks nothing: it can be undone, at once from the notice or later from the history.
  on("rf-reset", () => {
    if (page.apply(session.startOver()).changed) page.steps.showPillar(page.steps.first);
  });
  on("rf-adopt-shared", () => page.apply(session.adoptShared()));
  on("rf-leave-shared", () => page.apply(session.leaveShared()));
  wireReportButtons(page.reports, {
    download: byId("rf-report"),
    print: byId("rf-print"),
    status: byId("rf-report-status"),
    document: () => documentOf(session.shown),
    hasAnswers: () => Object.keys(session.shown.answers).length > 0,
    onError: (/** @type {string} */ text) => page.apply({ changed: false, notices: [{ kind: "error", key: "", text, actions: [{ label: "export", op: "exportOwn" }] }] }),
    offer: (/** @type {string} */ why) => page.alternatives.offer(why),
    unsure: page.appView !== null,
  });
  byId("rf-report-date").textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined);
  for (const area of [page.root, byId("rf-results")]) area.addEventListener("click", (event) => navigate(page, event));
}

/** A link of the page's own: the quick check's switches, a pillar step, a question named in the results. @param {import("../../assessment.js").Page} page @param {Event} event */
function navigate(page, event) {
  if (/** @type {HTMLElement} */ (event.target).closest("a, button")) page.board.drop("welcome"); // the reader has moved on
  const target = /** @type {HTMLElement} */ (event.target);
  const modeSwitch = /** @type {HTMLElement | null} */ (target.closest("[data-mode]"));
  const step = /** @type {HTMLElement | null} */ (target.closest("[data-step]"));
  const goto = /** @type {HTMLElement | null} */ (target.closest("[data-goto]"));
  if (modeSwitch) page.setMode(modeSwitch.dataset.mode === "quick" ? "quick" : "full");
  else if (step) page.steps.showPillar(step.dataset.step || "profile");
  else if (goto) {
    const fieldset = page.questions.fieldsets.get(goto.dataset.goto || "");
    if (fieldset) page.steps.goToQuestion(fieldset);
  }
  if (modeSwitch || step || goto) event.preventDefault();
}

/** The link, shown and selected, and copied where the browser lets the page. @param {import("../../assessment.js").Page} page */
async function share(page) {
  const { link, omitted } = encodeShare(page.session.shown, page.contract);
  const url = `${location.origin}${location.pathname}#${link}`;
  const field = /** @type {HTMLInputElement} */ (byId("rf-share-url"));
  const said = byId("rf-share-status");
  byId("rf-share-output").hidden = false;
  field.value = url;
  field.select();
  try {
    await navigator.clipboard.writeText(url);
    said.textContent = page.t("share_copied");
  } catch {
    said.textContent = page.t("share_shown"); // shown and selected; copying is up to the reader
  }
  // A link has room for only so many notes; the export file keeps them all.
  if (omitted.length) said.textContent += ` ${format(page.t("share_notes_left_out"), { count: omitted.length })}`;
}

/** @param {import("../../assessment.js").Page} page */
function wireImport(page) {
  const input = /** @type {HTMLInputElement} */ (byId("rf-import-file"));
  byId("rf-import").addEventListener("click", () => input.click());
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size > page.contract.limits.file_bytes) {
      page.apply({ changed: false, notices: [{ kind: "error", key: "import_invalid", values: { reason: "reason_too_large" } }] });
      return;
    }
    page.apply(page.session.importText(await file.text()));
  });
}
