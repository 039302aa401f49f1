// @ts-check
// Progress over time: two assessments of one company compared by the engine's
// `compare_json` (the same code as `python -m assessment compare`). The assessments
// are this browser's snapshots (saved from the results, under the assessment's
// storage key: session/records.js), its current answers, or exported files added
// here (kept in memory only). A snapshot is deleted by its id (another tab may have
// saved one meanwhile), and the deletion undone beside whatever was saved since.

import { parseDocument } from "./assessment/answers.js";
import { renderComparison } from "./assessment/compare/render.js";
import { format, h } from "./assessment/dom.js";
import { clean } from "./assessment/plaintext.js";
import { Records, recorded } from "./assessment/session/records.js";
import { defaultPair, formatNodes, isolated, onPage, setup, shownDate, startEngine, uniqueName } from "./assessment/workshop.js";

/** @typedef {{key: string, kind: "now" | "snapshot" | "file", label: string, document: Record<string, any>}} Entry */
/** @typedef {import("./assessment/session/records.js").Snapshot} Snapshot */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

function init() {
  const root = document.getElementById("rf-compare");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const page = setup(root);
  const { t, notice } = page;
  const records = new Records(window.__rfStorageBlocked ? null : window.localStorage, root.dataset.storageKey || "rf");
  /** @type {{key: string, name: string, document: Record<string, any>}[]} exported files added here */
  const files = [];
  const view = { entries: /** @type {Entry[]} */ ([]), ticket: 0 };
  const engine = startEngine(root, t, notice, () => compare());
  if (!records.storage) notice("warning", t("compare_storage_unavailable"));
  const selects = { old: /** @type {HTMLSelectElement} */ (byId("rf-compare-old")), new: /** @type {HTMLSelectElement} */ (byId("rf-compare-new")) };

  /** Newest first: the answers now, the snapshots, then the files added here. @returns {Entry[]} */
  function collect() {
    const found = [];
    const saved = records.loadOwn();
    if (saved.status === "ok" && Object.keys(saved.record.answers).length) {
      found.push({ key: "now", kind: "now", label: t("compare_now_option"), document: { ...recorded(saved.record), bank_version: saved.record.bank_version } });
    }
    for (const snapshot of records.snapshots()) found.push({ key: `snapshot:${snapshot.id}`, kind: "snapshot", label: snapshotLabel(snapshot), document: snapshot.document });
    for (const file of files) found.push({ key: file.key, kind: "file", label: format(t("compare_file_option"), { name: file.name }), document: file.document });
    return /** @type {Entry[]} */ (found);
  }

  /** @param {Snapshot} snapshot */
  const snapshotLabel = (snapshot) => format(t("compare_snapshot_option"), { date: shownDate(snapshot.document.date || snapshot.saved_at, page.lang) });

  /** @param {{old?: string, new?: string}} [choice] */
  function fillSelects(choice) {
    const previous = choice || { old: selects.old.value, new: selects.new.value };
    view.entries = collect();
    const keys = new Set(view.entries.map((e) => e.key));
    const pair = previous.old && previous.new && keys.has(previous.old) && keys.has(previous.new) ? previous : defaultPair(view.entries);
    for (const side of /** @type {const} */ (["old", "new"])) {
      const chosen = pair?.[side];
      selects[side].replaceChildren(...view.entries.map((entry) => h("option", { value: entry.key, selected: entry.key === chosen ? "" : undefined }, optionText(entry, t))));
      selects[side].disabled = view.entries.length < 2;
    }
  }

  function renderSnapshots() {
    const snapshots = records.snapshots();
    byId("rf-snapshots-title").textContent = format(t("snapshots_title_count"), { count: snapshots.length });
    byId("rf-snapshots-empty").hidden = snapshots.length > 0;
    byId("rf-snapshot-list").replaceChildren(...snapshots.map((snapshot) => {
      const label = snapshotLabel(snapshot);
      return h(
        "li",
        { class: "rf-snapshot", dataset: { savedAt: String(snapshot.saved_at), id: snapshot.id } },
        h("span", {}, label),
        who(snapshot.document).flatMap((text) => [" · ", isolated(text)]),
        ` · ${count(snapshot.document, t)} `,
        h("button", { type: "button", class: "md-button rf-snapshot__delete", "aria-label": format(t("snapshot_delete_label"), { snapshot: label }), onclick: () => deleteSnapshot(snapshot.id) }, t("snapshot_delete")),
      );
    }));
  }

  /** @param {string} id */
  function deleteSnapshot(id) {
    const place = records.snapshots().findIndex((s) => s.id === id);
    const { outcome, removed } = records.deleteSnapshot(id);
    if (outcome !== "ok") return notice("warning", t(outcome === "full" ? "storage_full" : "compare_storage_unavailable"));
    refresh();
    const buttons = document.querySelectorAll(".rf-snapshot__delete");
    /** @type {HTMLElement} */ (buttons[Math.min(place, buttons.length - 1)] || byId("rf-compare-import")).focus();
    if (removed) notice("info", t("snapshot_deleted"), [[t("undo"), () => { records.restoreSnapshot(removed); refresh(); }]]).dataset.undo = "true";
  }

  /** @param {{old?: string, new?: string}} [choice] */
  function refresh(choice) {
    fillSelects(choice);
    renderSnapshots();
    compare();
  }

  /** @param {File} file */
  async function addFile(file) {
    const name = uniqueName(clean(file.name, false) || "?", new Set(files.map((f) => f.name))); // one plain line
    const text = (await file.text()).replace(/^\uFEFF/, "");
    const checked = file.size > page.contract.limits.file_bytes ? { error: "reason_too_large" } : parseDocument(text, page.contract);
    if ("error" in checked) return notice("error", formatNodes(t("compare_file_invalid"), { name: isolated(name), reason: page.reason(checked) }));
    const key = `file:${files.length + 1}`;
    files.push({ key, name, document: JSON.parse(text) });
    // An exported file is usually the earlier assessment: compare it with the newest.
    const newest = collect().find((e) => e.kind !== "file");
    refresh({ old: key, new: selects.new.value && selects.new.value !== key ? selects.new.value : newest?.key });
  }

  async function compare() {
    const mine = ++view.ticket;
    const older = view.entries.find((e) => e.key === selects.old.value);
    const newer = view.entries.find((e) => e.key === selects.new.value);
    const result = byId("rf-compare-result");
    if (!older || !newer || older === newer) {
      result.hidden = true;
      return hint(view.entries.length < 2 ? t("compare_need_two") : t("compare_same"));
    }
    hint(null);
    if (engine.state !== "ready") return; // compared once it is
    const payload = await engine.call("compare_json", JSON.stringify(older.document), JSON.stringify(newer.document), page.lang);
    if (mine !== view.ticket) return;
    result.hidden = !payload.ok;
    if (!payload.ok) return notice("error", format(t("compare_failed"), { reason: payload.error }));
    const body = byId("rf-compare-body");
    const said = renderComparison(body, payload.comparison, { older: optionText(older, t), newer: optionText(newer, t), lang: page.lang, t, tx: page.tx });
    byId("rf-compare-result-title").textContent = said.title;
    byId("rf-live").textContent = said.live;
    body.dataset.pair = `${older.key}|${newer.key}`;
  }

  selects.old.addEventListener("change", compare);
  selects.new.addEventListener("change", compare);
  const fileInput = /** @type {HTMLInputElement} */ (byId("rf-compare-file"));
  byId("rf-compare-import").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const file = fileInput.files?.[0];
    fileInput.value = "";
    if (file) addFile(file);
  });
  // Another tab saved or deleted a snapshot, or changed the answers.
  window.addEventListener("storage", (event) => {
    if (event.key === records.snapshotKey || event.key === records.key) refresh();
  });
  refresh();
}

/** @param {string | null} text */
function hint(text) {
  const line = byId("rf-compare-hint");
  line.textContent = text || "";
  line.hidden = !text;
}

/** Who answered, for which company: one line of plain text each, however the file wrote them. @param {Record<string, any>} document */
const who = (document) => [document.respondent, document.company].filter((v) => typeof v === "string").map((v) => clean(v, false)).filter(Boolean);

/** @param {Record<string, any>} document @param {(key: string) => string} t */
const count = (document, t) => format(t("compare_answers_count"), { count: Object.keys(document.answers || {}).length });

/** @param {Entry} entry @param {(key: string) => string} t */
const optionText = (entry, t) => [entry.label, ...who(entry.document), count(entry.document, t)].join(" · ");

onPage(init);
