// @ts-check
// What the workshop's two views (the team view and the comparison over time) share:
// the page's data blocks, the engine, notices, tables, and a few pure rules (naming
// the sources, reading a pasted link, picking the two assessments to compare) that
// tests/js/workshop.test.mjs holds without a browser. Every text goes in as text.

import { readContract } from "./contract.js";
import { format, h } from "./dom.js";
import { Engine } from "./engine.js";
import { clean } from "./plaintext.js";

// -- Pure rules ----------------------------------------------------------------------

// A file's label when its document names no respondent: the file name without its
// extension, as `python -m assessment merge` labels a file (Path.stem).
export function fileStem(name) {
  const shown = clean(String(name), false);
  const dot = shown.lastIndexOf(".");
  return dot > 0 ? shown.slice(0, dot) : shown;
}

// A name no other source has: "owner.json", then "owner.json (2)" ...
export function uniqueName(name, taken) {
  let unique = name;
  for (let n = 2; taken.has(unique); n += 1) unique = `${name} (${n})`;
  return unique;
}

// The lines of a pasted block that look like links, trimmed, blank lines left out.
export function linkLines(text) {
  return String(text)
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((line) => line.trim())
    .filter(Boolean);
}

// The fragment of a pasted link ("https://…/assessment/#s=…", "#s=…" or "s=…").
export function fragmentOf(line) {
  const hash = line.indexOf("#");
  return hash >= 0 ? line.slice(hash) : `#${line}`;
}

// Which two assessments to compare at first. entries: newest first, each {key, kind}
// ("now", "snapshot" or "file"). The two newest snapshots when there are two; else the
// answers now (or the one snapshot) against the snapshot or file before it.
// -> {old, new} keys, or null when there are not two.
export function defaultPair(entries) {
  if (entries.length < 2) return null;
  const snapshots = entries.filter((e) => e.kind === "snapshot");
  if (snapshots.length >= 2) return { old: snapshots[1].key, new: snapshots[0].key };
  const newer = entries.find((e) => e.kind === "now") || snapshots[0] || entries[0];
  const older = snapshots.find((e) => e !== newer) || entries.find((e) => e !== newer);
  return { old: older.key, new: newer.key };
}

// A stored date (ISO 8601, a day or a moment) as the reader's locale writes it.
export function shownDate(iso, lang) {
  if (typeof iso !== "string" || !iso) return "";
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(day ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  /** @type {Intl.DateTimeFormatOptions} */
  const options = day ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" };
  return date.toLocaleString(lang || undefined, options);
}

// -- The page -------------------------------------------------------------------------

// A template with some values as nodes: a name from a file goes in isolated (<bdi>), so
// a right-to-left name cannot turn the sentence around it.
export function formatNodes(template, values = {}) {
  return template.split(/(\{\w+\})/).map((part) => {
    const key = part.slice(1, -1);
    if (!/^\{\w+\}$/.test(part) || !(key in values)) return part;
    const value = values[key];
    return value instanceof Node ? value : String(value);
  });
}

export function isolated(text) {
  return h("bdi", {}, text);
}

// The page's data blocks and notices. root: the view's element (#rf-team, #rf-compare).
export function setup(root) {
  /** @param {string} id */
  const data = (id) => JSON.parse(/** @type {HTMLElement} */ (document.getElementById(id)).textContent || "null");
  const strings = data("rf-strings");
  const texts = data("rf-texts");
  const contract = readContract(data("rf-contract"));
  const t = (key) => strings[key] ?? key;
  const tx = (key, values = {}) => format(texts[key] ?? key, values);
  const notices = /** @type {HTMLElement} */ (document.getElementById("rf-notices"));

  function notice(kind, content, actions = []) {
    const box = h(
      "div",
      { class: `rf-notice rf-notice--${kind}`, role: kind === "error" ? "alert" : "status", dataset: { notice: kind } },
      h("p", {}, content),
      actions.map(([label, handler]) => h("button", { type: "button", class: "md-button", onclick: () => { handler(); box.remove(); } }, label)),
      h("button", { type: "button", class: "rf-notice__close", "aria-label": t("dismiss"), onclick: () => box.remove() }, "×"),
    );
    notices.append(box);
    return box;
  }

  // Why a file or link was refused; an id is named only when it looks like one (answers.js).
  /** @param {{error: string, id?: string}} refusal */
  const reason = ({ error, id }) => format(t(error), { id: id ?? t("unnamed_id") });

  return { t, tx, contract, notice, reason, lang: root.dataset.lang };
}

// The engine, started the way the assessment page starts it (the head's partial may
// already have begun). onReady runs once it can answer.
export function startEngine(root, t, notice, onReady) {
  const status = /** @type {HTMLElement} */ (document.getElementById("rf-engine-status"));
  document.documentElement.dataset.engine = "loading";
  status.hidden = false;
  status.textContent = t("workshop_engine_loading");
  const base = root.dataset.pyodide;
  return new Engine({
    pyodide: base.endsWith("/") ? base : `${base}/`,
    wheel: root.dataset.wheel,
    stdlib: root.dataset.stdlib,
    runtime: root.dataset.runtime,
    onReady: () => {
      document.documentElement.dataset.engine = "ready";
      status.textContent = t("workshop_engine_ready");
      status.classList.add("rf-engine--ready");
      onReady();
    },
    onResume: () => {
      document.documentElement.dataset.engine = "loading";
      status.textContent = t("workshop_engine_loading");
      status.classList.remove("rf-engine--ready");
    },
    onFailed: (why) => {
      document.documentElement.dataset.engine = "failed";
      status.hidden = true;
      notice("error", format(t("workshop_engine_failed"), { reason: why === "no_wasm" ? t("no_wasm") : why })).classList.add("rf-engine-failed");
    },
  });
}

// A table with a caption and a header row; wide tables scroll sideways on a phone (the
// scrolling box is focusable and named, so a keyboard can scroll it too).
export function dataTable({ caption, head, rows, className = "" }) {
  const table = h(
    "table",
    { class: `rf-table ${className}`.trim() },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, head.map((cell) => h("th", { scope: "col" }, cell)))),
    h("tbody", {}, rows),
  );
  return h("div", { class: "rf-table-wrap", role: "region", tabindex: "0", "aria-label": caption }, table);
}

// A row: the first cell is the row's header.
export function row(attributes, first, ...cells) {
  return h("tr", attributes, h("th", { scope: "row" }, first), cells.map((cell) => h("td", {}, cell)));
}

export function downloadJson(name, value) {
  const blob = new Blob([JSON.stringify(value, null, 2)], { type: "application/json" });
  const link = h("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

// mkdocs-material's page-load hook when the theme provides it, otherwise now.
export function onPage(init) {
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
  else init();
}
