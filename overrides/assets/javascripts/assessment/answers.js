// @ts-check
// What counts as a valid profile and answer, read from the answer contract
// (exported from the question bank, like the engine's own checks). Share links,
// imported files and saved state are untrusted: everything passes through here.
// Answers to questions of an earlier bank are migrated or set aside, as the
// engine does, using the same list of retired ids. The engine's CLI accepts and
// refuses the same files for the same reasons: tests/cases/answer-contract.json
// runs against both (assessment/answers/document.py).

import { clean, length } from "./plaintext.js";
import { PREFIX as LINK_PREFIX, decodeLink, encodeLinkDetailed } from "./sharelink.js";

/** @typedef {import("./types.js").Contract} Contract */
/** @typedef {import("./types.js").Checked} Checked */
/** @typedef {import("./types.js").Refusal} Refusal */

// The limits (file bytes, link characters, entries, nesting, id and date lengths) are the
// engine's own, in the answer contract (contract.limits): never stated twice.
const RESERVED = { na: "na", unknown: "unknown" };
// What a workshop records beside the answers is accepted here and checked by the engine
// (assessment/answers/document.py): respondent, company, date, notes, action states.
const DOCUMENT_FIELDS = new Set(["answers", "profile", "bank_version", "lang", "respondent", "company", "date", "notes", "actions"]);
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const ID_LIKE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*$/;

// An id a message may name: only when it looks like one. Files and links come
// from anyone, and the page must never say "YOUR ANSWERS WERE DELETED, call ..."
// (or markup, or a right-to-left override) in its own voice.
export function shownId(id, contract) {
  return typeof id === "string" && id.length <= contract.limits.id_chars && ID_LIKE.test(id) ? id : undefined;
}

export function isValidAnswer(question, value) {
  if (value === RESERVED.na) return question.na;
  if (value === RESERVED.unknown) return question.unknown;
  if (question.kind === "number") {
    return typeof value === "number" && Number.isFinite(value) && value >= question.min && value <= question.max;
  }
  return typeof value === "string" && question.values.has(value);
}

// `lenient` (this site's own storage): a profile answer a bank or brand change removed is set
// aside (named in profileSetAside), not an error, so the saved record still reads.
// -> {profile, profileMigrated: [[dimension, earlier value, value now]], profileSetAside} | {error, id}
export function checkProfile(raw, contract, lenient = false) {
  if (raw === undefined || raw === null) return { profile: {}, profileMigrated: [], profileSetAside: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) return { error: "reason_shape" };
  const profile = {};
  const profileSetAside = [];
  for (const [id, value] of Object.entries(raw)) {
    const dimension = contract.dimensions.get(id);
    if (!dimension && lenient) {
      profileSetAside.push(id);
      continue;
    }
    if (!dimension) return { error: "reason_unknown_profile", id: shownId(id, contract) };
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    let values = Array.isArray(value) && dimension.multiple ? value : [value];
    const retired = new Set(contract.retiredProfile.filter((r) => r.dimension === id).map((r) => r.value));
    const known = (v) => typeof v === "string" && (dimension.values.has(v) || retired.has(v));
    if (lenient && !values.every(known)) {
      profileSetAside.push(id);
      values = values.filter(known);
      if (!values.length) continue;
    }
    if (values.length > dimension.values.size || !values.every(known)) {
      return { error: "reason_bad_profile", id: shownId(id, contract) };
    }
    // In the bank's order, whatever order they came in: one profile, one spelling.
    const ordered = [...dimension.values, ...retired].filter((v) => values.includes(v));
    profile[id] = dimension.multiple ? ordered : ordered[0];
  }
  return { ...migrateProfile(profile, contract), profileSetAside };
}

// Values of earlier banks move to their successor, read from the rest of the profile (as the engine's
// answers.migrate_profile does): "marketplace" becomes the platform family of the first channel naming one.
function migrateProfile(profile, contract) {
  const migrated = { ...profile };
  const profileMigrated = [];
  for (const retired of contract.retiredProfile) {
    const chosen = profile[retired.dimension];
    const values = Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen];
    if (!values.includes(retired.value)) continue;
    const by = retired.by ? profile[retired.by] : undefined;
    const byValues = Array.isArray(by) ? by : by === undefined ? [] : [by];
    const order = retired.by ? [...contract.dimensions.get(retired.by).values] : [];
    const from = order.find((v) => byValues.includes(v) && own(retired.map, v));
    const next = from === undefined ? retired.default : retired.map[from];
    const dimension = contract.dimensions.get(retired.dimension);
    const kept = new Set(values.filter((v) => v !== retired.value).concat([next]));
    const ordered = [...dimension.values].filter((v) => kept.has(v));
    migrated[retired.dimension] = dimension.multiple ? ordered : ordered[0];
    profileMigrated.push([retired.dimension, retired.value, next]);
  }
  return { profile: migrated, profileMigrated };
}

// Check {"profile", "answers", "bank_version"?} all or nothing, so a tampered
// link or file can never half-apply. An earlier bank version is read
// leniently: a value the bank no longer accepts is set aside, not an error.
// `saved` (this site's own storage) also sets aside ids this bank no longer
// has (a brand may hide a question); from a link or a file they are an error.
// Ids this site's bank hides (a brand's overlay) are set aside with their own
// message, never an error: a link from another site of the method still opens.
// -> {profile, answers, migrated: [[from, to]], setAside: [ids], hidden: [ids]} | {error, id}
/** @param {any} document @param {Contract} contract @param {{saved?: boolean}} [how] @returns {Checked | Refusal} */
export function checkDocument(document, contract, { saved = false } = {}) {
  return /** @type {Checked | Refusal} */ (checkAll(document, contract, saved));
}

/** @param {any} document @param {Contract} contract @param {boolean} saved @returns {any} */
function checkAll(document, contract, saved) {
  if (!document || typeof document !== "object" || Array.isArray(document)) return { error: "reason_shape" };
  const { answers } = document;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { error: "reason_shape" };
  if (Object.keys(document).some((key) => !DOCUMENT_FIELDS.has(key))) return { error: "reason_shape" };
  const checkedProfile = /** @type {any} */ (checkProfile(document.profile, contract, saved));
  if (checkedProfile.error) return checkedProfile;
  if (Object.keys(answers).length > contract.limits.answers) return { error: "reason_too_large" };
  const older = saved || (typeof document.bank_version === "string" && document.bank_version !== contract.version);
  const checked = {};
  const migrated = [];
  const setAside = [];
  const hidden = [];
  for (const [id, raw] of Object.entries(answers)) {
    if (raw === null) continue;
    const question = contract.questions.get(id);
    if (!question && contract.hidden.has(id)) {
      hidden.push(id);
      continue;
    }
    if (!question) {
      const retired = contract.retired.get(id);
      if (!retired && saved) {
        setAside.push(id);
        continue;
      }
      if (!retired) return { error: "reason_unknown_question", id: shownId(id, contract) };
      const target = retired.moved_to && contract.questions.get(retired.moved_to);
      // Own keys only: "constructor" or "__proto__" must not find Object.prototype's.
      const value = typeof raw === "string" && own(retired.values, raw) ? retired.values[raw] : undefined;
      if (!target || value === undefined || own(answers, target.id)) setAside.push(id);
      else {
        checked[target.id] = value;
        migrated.push([id, target.id]);
      }
      continue;
    }
    const renamed = contract.renamed.get(id);
    const value = typeof raw === "string" && renamed && own(renamed, raw) ? renamed[raw] : raw;
    if (isValidAnswer(question, value)) checked[id] = value;
    else if (older) setAside.push(id);
    else return { error: "reason_bad_value", id: shownId(id, contract) };
  }
  const notes = checkNotes(document.notes, contract, Object.fromEntries(migrated), new Set(setAside), saved);
  if (notes.error) return notes;
  const actions = checkActions(document.actions, contract, older);
  if (actions.error) return actions;
  const extra = {};
  for (const name of ["respondent", "company"]) {
    const label = checkLabel(document[name], name, contract);
    if (label.error) return label;
    if (label.text) extra[name] = label.text;
  }
  const date = checkDate(document.date, contract.limits.date_chars);
  if (date.error) return date;
  if (date.text) extra.date = date.text;
  const { profile, profileMigrated, profileSetAside } = checkedProfile;
  return { profile, profileMigrated, profileSetAside, answers: checked, migrated, setAside, hidden, notes: notes.notes, actions: actions.actions, ...extra };
}

// -- What a workshop records beside the answers (assessment/answers/document.py, in the same order) --
const ACTION_STATES = new Set(["in-progress", "done"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// Evidence notes by question id, in the bank's order; a note on a retired question
// goes where its answer went. -> {notes} | {error, id}
function checkNotes(raw, contract, migrated, setAside, saved) {
  if (raw === undefined || raw === null) return { notes: {} };
  if (!isObject(raw)) return { error: "reason_shape" };
  if (Object.keys(raw).length > contract.limits.answers) return { error: "reason_too_large" };
  const limit = contract.limits.note_chars;
  const kept = {};
  for (const [id, value] of Object.entries(raw)) {
    if (value === null) continue;
    if (typeof value !== "string") return { error: "reason_bad_note", id: shownId(id, contract) };
    const text = clean(value, true);
    if (length(text) > limit) return { error: "reason_bad_note", id: shownId(id, contract) };
    let target = id;
    if (!contract.questions.has(id)) {
      if (contract.hidden.has(id)) continue; // a question this site hides: its note goes with its answer
      const retired = contract.retired.get(id);
      if (!retired && saved) continue; // this site's own storage: a question a brand hides since
      if (!retired) return { error: "reason_unknown_question", id: shownId(id, contract) };
      target = own(migrated, id) ? migrated[id] : setAside.has(id) ? null : retired.moved_to;
      if (!target || own(raw, target) || !contract.questions.has(target)) continue;
    }
    if (text) kept[target] = text;
  }
  const order = [...contract.questions.keys()];
  return { notes: Object.fromEntries(order.filter((id) => own(kept, id)).map((id) => [id, kept[id]])) };
}

// Plan action states: "in-progress" or "done". -> {actions} | {error, id}
function checkActions(raw, contract, lenient) {
  if (raw === undefined || raw === null) return { actions: {} };
  if (!isObject(raw)) return { error: "reason_shape" };
  if (Object.keys(raw).length > contract.limits.answers) return { error: "reason_too_large" };
  const known = new Set(contract.actions);
  const kept = {};
  for (const [id, state] of Object.entries(raw)) {
    if (state === null) continue;
    if (!ACTION_STATES.has(state)) return { error: "reason_bad_action", id: shownId(id, contract) };
    if (!known.has(id)) {
      if (lenient) continue;
      return { error: "reason_bad_action", id: shownId(id, contract) };
    }
    kept[id] = state;
  }
  return { actions: Object.fromEntries(contract.actions.filter((id) => own(kept, id)).map((id) => [id, kept[id]])) };
}

// The respondent or company: one line of plain text. -> {text} | {error, id}
function checkLabel(raw, name, contract) {
  if (raw === undefined || raw === null) return { text: null };
  if (typeof raw !== "string") return { error: "reason_bad_label", id: name };
  const text = clean(raw, false);
  if (length(text) > contract.limits.label_chars) return { error: "reason_bad_label", id: name };
  return { text: text || null };
}

// An ISO 8601 date, or date and time, that exists. -> {text} | {error, id}
function checkDate(raw, maxChars) {
  if (raw === undefined || raw === null) return { text: null };
  const bad = { error: "reason_bad_date", id: "date" };
  if (typeof raw !== "string" || raw.length > maxChars) return bad;
  const text = raw.trim();
  if (!ISO_DATE.test(text)) return bad;
  const [year, month, day] = text.slice(0, 10).split("-").map(Number);
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0-99 as 1900-1999
  if (year < 1 || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return bad;
  const time = text.slice(11).match(/^(\d{2}):(\d{2})(?::(\d{2}))?/);
  if (time && (Number(time[1]) > 23 || Number(time[2]) > 59 || Number(time[3] ?? 0) > 59)) return bad;
  const offset = text.match(/[+-](\d{2}):(\d{2})$/);
  if (time && offset && (Number(offset[1]) > 23 || Number(offset[2]) > 59)) return bad;
  return { text };
}

function fromBase64Url(encoded) {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

// A compact link: positions in this bank's layout, with its version (see sharelink.js).
// -> {link: "s=...", omitted: [question ids whose notes did not fit]}
export function encodeShare(state, contract) {
  return encodeLinkDetailed(contract, state);
}

// Parse a share link's fragment ("#s=..." compact, or the older "#answers=" JSON) into a
// checked document; returns null when the fragment is not a share link.
/** @param {string} fragment @param {Contract} contract @param {Record<string, any>} [layouts] @returns {Checked | Refusal | null} */
export function decodeShare(fragment, contract, layouts = {}) {
  const hash = fragment.replace(/^#/, "");
  if (hash.startsWith(LINK_PREFIX)) {
    if (hash.length > contract.limits.share_chars) return { error: "reason_too_large" };
    const decoded = decodeLink(hash, contract, layouts);
    return decoded.error ? decoded : checkDocument(decoded.document, contract);
  }
  if (!hash.startsWith("answers=")) return null;
  if (hash.length > contract.limits.share_chars) return { error: "reason_too_large" };
  let text;
  try {
    text = fromBase64Url(hash.slice("answers=".length));
  } catch {
    return { error: "reason_encoding" };
  }
  return parseDocument(text, contract);
}

// Read a file's text (the browser decodes it as UTF-8 and drops a byte-order
// mark) the way the engine reads a file's bytes: U+0000 or U+FFFD means the file
// was not UTF-8 (UTF-16, or damaged); strict JSON, nested at most limits.depth deep.
/** @param {string} text @param {Contract} contract @returns {Checked | Refusal} */
export function parseDocument(text, contract) {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (/[\u0000\uFFFD]/.test(body)) return { error: "reason_encoding" };
  if (tooDeep(body, contract.limits.depth)) return { error: "reason_json" };
  let document;
  try {
    document = JSON.parse(body);
  } catch {
    return { error: "reason_json" };
  }
  return checkDocument(document, contract);
}

// One pass, no regular expression: a string of 100 KB of quotes and backslashes stays linear.
function tooDeep(text, maxDepth) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === "]" || c === "}") depth -= 1;
  }
  return false;
}
