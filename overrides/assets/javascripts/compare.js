// Progress over time: two assessments of one company compared by the engine's
// `compare_json` (the same code as `python -m assessment compare`). The assessments
// are this browser's snapshots (saved from the results, under the assessment's
// storage key), its current answers, or exported files added here (kept in memory
// only). A snapshot can be deleted here, and the deletion undone.

import { MAX_FILE_BYTES, parseDocument } from "./assessment/answers.js";
import { format, h } from "./assessment/dom.js";
import { clean } from "./assessment/plaintext.js";
import { AnswerStore } from "./assessment/storage.js";
import {
  dataTable,
  defaultPair,
  formatNodes,
  isolated,
  onPage,
  row,
  setup,
  shownDate,
  startEngine,
  uniqueName,
} from "./assessment/workshop.js";

function init() {
  const root = document.getElementById("rf-compare");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const { t, tx, contract, notice, reason, lang } = setup(root);
  const store = new AnswerStore(root.dataset.storageKey);
  const oldSelect = document.getElementById("rf-compare-old");
  const newSelect = document.getElementById("rf-compare-new");
  const result = document.getElementById("rf-compare-result");
  const body = document.getElementById("rf-compare-body");
  const live = document.getElementById("rf-live");
  const fileInput = document.getElementById("rf-compare-file");
  const files = []; // {key, name, document}: exported files added on this page
  let entries = [];
  let ticket = 0;

  const engine = startEngine(root, t, notice, compare);
  if (store.blocked) notice("warning", t("compare_storage_unavailable"));

  // -- What can be compared ---------------------------------------------------------
  const count = (document_) => format(t("compare_answers_count"), { count: Object.keys(document_.answers || {}).length });
  // Who answered, for which company: one line of plain text each, however the file wrote them.
  const who = (document_) => [document_.respondent, document_.company].filter((v) => typeof v === "string").map((v) => clean(v, false)).filter(Boolean);

  function snapshotLabel(snapshot) {
    return format(t("compare_snapshot_option"), { date: shownDate(snapshot.document.date || snapshot.saved_at, lang) });
  }

  // Newest first: the answers now, the snapshots, then the files added here.
  function collect() {
    const found = [];
    const saved = store.load();
    if (saved.status === "ok" && Object.keys(saved.saved.answers).length) {
      found.push({ key: "now", kind: "now", label: t("compare_now_option"), document: saved.saved });
    }
    const taken = new Set();
    for (const snapshot of store.snapshots()) {
      const key = uniqueName(`snapshot:${snapshot.saved_at}`, taken);
      taken.add(key);
      found.push({ key, kind: "snapshot", label: snapshotLabel(snapshot), document: snapshot.document });
    }
    for (const file of files) found.push({ key: file.key, kind: "file", label: format(t("compare_file_option"), { name: file.name }), document: file.document });
    return found;
  }

  function optionText(entry) {
    return [entry.label, ...who(entry.document), count(entry.document)].join(" · ");
  }

  function fillSelects(choice) {
    const previous = choice || { old: oldSelect.value, new: newSelect.value };
    entries = collect();
    const keys = new Set(entries.map((e) => e.key));
    const pair = keys.has(previous.old) && keys.has(previous.new) ? previous : defaultPair(entries);
    for (const [select, chosen] of [[oldSelect, pair?.old], [newSelect, pair?.new]]) {
      select.replaceChildren(...entries.map((entry) => h("option", { value: entry.key, selected: entry.key === chosen ? "" : undefined }, optionText(entry))));
      select.disabled = entries.length < 2;
    }
  }

  function hint(text) {
    const line = document.getElementById("rf-compare-hint");
    line.textContent = text || "";
    line.hidden = !text;
  }

  // -- The snapshots ----------------------------------------------------------------
  function renderSnapshots() {
    const snapshots = store.snapshots();
    document.getElementById("rf-snapshots-title").textContent = format(t("snapshots_title_count"), { count: snapshots.length });
    document.getElementById("rf-snapshots-empty").hidden = snapshots.length > 0;
    document.getElementById("rf-snapshot-list").replaceChildren(
      ...snapshots.map((snapshot, index) => {
        const label = snapshotLabel(snapshot);
        return h(
          "li",
          { class: "rf-snapshot", dataset: { savedAt: String(snapshot.saved_at) } },
          h("span", {}, label),
          who(snapshot.document).flatMap((text) => [" · ", isolated(text)]),
          ` · ${count(snapshot.document)} `,
          h(
            "button",
            { type: "button", class: "md-button rf-snapshot__delete", "aria-label": format(t("snapshot_delete_label"), { snapshot: label }), onclick: () => deleteSnapshot(index) },
            t("snapshot_delete"),
          ),
        );
      }),
    );
  }

  function deleteSnapshot(index) {
    const before = store.snapshots();
    const outcome = store.deleteSnapshot(index);
    if (outcome !== "ok") {
      notice("warning", t(outcome === "full" ? "storage_full" : "compare_storage_unavailable"));
      return;
    }
    refresh();
    const buttons = document.querySelectorAll(".rf-snapshot__delete");
    (buttons[Math.min(index, buttons.length - 1)] || document.getElementById("rf-compare-import")).focus();
    notice("info", t("snapshot_deleted"), [[t("undo"), () => { store.writeList(store.snapshotKey, before); refresh(); }]]).dataset.undo = "true";
  }

  function refresh(choice) {
    fillSelects(choice);
    renderSnapshots();
    compare();
  }

  // -- Files added here -------------------------------------------------------------
  async function addFile(file) {
    const name = uniqueName(clean(file.name, false) || "?", new Set(files.map((f) => f.name))); // one plain line
    if (file.size > MAX_FILE_BYTES) {
      notice("error", formatNodes(t("compare_file_invalid"), { name: isolated(name), reason: t("reason_too_large") }));
      return;
    }
    const text = (await file.text()).replace(/^\uFEFF/, "");
    const checked = parseDocument(text, contract);
    if (checked.error) {
      notice("error", formatNodes(t("compare_file_invalid"), { name: isolated(name), reason: reason(checked) }));
      return;
    }
    const key = `file:${files.length + 1}`;
    files.push({ key, name, document: JSON.parse(text) });
    // An exported file is usually the earlier assessment: compare it with the newest.
    const newest = collect().find((e) => e.kind !== "file");
    refresh({ old: key, new: newSelect.value && newSelect.value !== key ? newSelect.value : newest?.key });
  }

  // -- The comparison ---------------------------------------------------------------
  async function compare() {
    const mine = ++ticket;
    const older = entries.find((e) => e.key === oldSelect.value);
    const newer = entries.find((e) => e.key === newSelect.value);
    if (!older || !newer || older === newer) {
      result.hidden = true;
      hint(entries.length < 2 ? t("compare_need_two") : t("compare_same"));
      return;
    }
    hint(null);
    if (engine.state !== "ready") return; // compared once it is
    const payload = await engine.call("compare_json", JSON.stringify(older.document), JSON.stringify(newer.document), lang);
    if (mine !== ticket) return;
    if (!payload.ok) {
      result.hidden = true;
      notice("error", format(t("compare_failed"), { reason: payload.error }));
      return;
    }
    render(payload.comparison, older, newer);
  }

  function pillarName(p) {
    return `${p.letter}. ${p.name}`;
  }

  function answers(comparison, key, title) {
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

  function actions(comparison) {
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

  function render(comparison, older, newer) {
    result.hidden = false;
    const when = (date, fallback) => (date ? shownDate(date, lang) : tx(fallback));
    document.getElementById("rf-compare-result-title").textContent = tx("compare_title", {
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
        h("p", { class: "rf-compare-between" }, `${t("compare_old_label")}${tx("colon")}${optionText(older)}`, h("br"), `${t("compare_new_label")}${tx("colon")}${optionText(newer)}`),
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
        answers(comparison, "improved", "compare_improved_title"),
        answers(comparison, "slipped", "compare_slipped_title"),
        answers(comparison, "changed", "compare_changed_title"),
        ...actions(comparison),
      ].filter(Boolean),
    );
    body.dataset.pair = `${older.key}|${newer.key}`;
    live.textContent = `${document.getElementById("rf-compare-result-title").textContent}. ${rootLine}`;
  }

  // -- Controls ---------------------------------------------------------------------
  oldSelect.addEventListener("change", compare);
  newSelect.addEventListener("change", compare);
  document.getElementById("rf-compare-import").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", () => {
    const [file] = fileInput.files;
    fileInput.value = "";
    if (file) addFile(file);
  });
  // Another tab saved or deleted a snapshot, or changed the answers.
  window.addEventListener("storage", (event) => {
    if (event.key === store.snapshotKey || event.key === store.key) refresh();
  });
  refresh();
}

onPage(init);
