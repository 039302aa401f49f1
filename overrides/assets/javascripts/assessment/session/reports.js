// @ts-check
// The notices the session's operations return (types.js Notice), built in one
// place so every operation says the same thing the same way.

/** @typedef {import("../types.js").Notice} Notice */
/** @typedef {import("../types.js").Checked} Checked */

/** JSON with every object's keys sorted: the same content in any order is the same text. @param {unknown} value @returns {string} */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** @param {unknown} a @param {unknown} b */
export const same = (a, b) => canonical(a) === canonical(b);

/** A write that failed: said with an export at hand. @param {"full" | "unavailable"} outcome @returns {Notice} */
export function storageTrouble(outcome) {
  return { kind: "warning", key: outcome === "full" ? "storage_full" : "storage_unavailable", actions: [{ label: "export", op: "exportOwn" }] };
}

/** Answers of an earlier bank: how many still apply, were carried over, set aside. @param {Checked} checked @returns {Notice} */
export function bankChanged(checked) {
  const removed = checked.setAside.length + checked.hidden.length + (checked.profileSetAside?.length ?? 0);
  return { kind: "info", key: "bank_changed", values: { kept: Object.keys(checked.answers).length, removed, moved: checked.migrated.length } };
}

/** What an imported file or a share link brought that this bank reads differently. @param {Checked} checked @returns {Notice[]} */
export function announceChecked(checked) {
  const notices = [];
  if (checked.migrated.length || checked.setAside.length) notices.push(bankChanged({ ...checked, hidden: [] }));
  if (checked.hidden.length) notices.push({ kind: /** @type {const} */ ("info"), key: "hidden_set_aside", values: { count: checked.hidden.length } });
  return notices;
}

/**
 * A file to hand the reader: which file it is (its name is a UI string, "<file>_file", in the page's
 * language) and the day it was made, which the name carries.
 * @param {"answers" | "answers_held" | "answers_unreadable"} file @param {string} text @param {string} date
 */
export function download(file, text, date) {
  return { file, date, text };
}

/**
 * The name a file is saved under: the page's language's template with the day filled in.
 * @param {{file: string, date: string}} made @param {(key: string) => string} t
 */
export function fileName({ file, date }, t) {
  return t(`${file}_file`).replace("{date}", date);
}
