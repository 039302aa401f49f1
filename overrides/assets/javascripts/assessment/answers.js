// What counts as a valid profile and answer, read from the answer contract
// (exported from the question bank, like the engine's own checks). Share links,
// imported files and saved state are untrusted: everything passes through here.
// Answers to questions of an earlier bank are migrated or set aside, as the
// engine does, using the same list of retired ids.

import { PREFIX as LINK_PREFIX, decodeLink, encodeLink } from "./sharelink.js";

export const MAX_LINK_CHARS = 8192;
export const MAX_FILE_BYTES = 100 * 1024;
const RESERVED = { na: "na", unknown: "unknown" };
const DOCUMENT_FIELDS = new Set(["answers", "profile", "bank_version", "lang"]);

export function isValidAnswer(question, value) {
  if (value === RESERVED.na) return question.na;
  if (value === RESERVED.unknown) return question.unknown;
  if (question.kind === "number") {
    return typeof value === "number" && Number.isFinite(value) && value >= question.min && value <= question.max;
  }
  return typeof value === "string" && question.values.has(value);
}

// -> {profile} | {error, id}
export function checkProfile(raw, contract) {
  if (raw === undefined || raw === null) return { profile: {} };
  if (typeof raw !== "object" || Array.isArray(raw)) return { error: "reason_shape" };
  const profile = {};
  for (const [id, value] of Object.entries(raw)) {
    const dimension = contract.dimensions.get(id);
    if (!dimension) return { error: "reason_unknown_profile", id };
    if (value === null || (Array.isArray(value) && value.length === 0)) continue;
    const values = Array.isArray(value) && dimension.multiple ? value : [value];
    if (values.length > dimension.values.size || !values.every((v) => typeof v === "string" && dimension.values.has(v))) {
      return { error: "reason_bad_profile", id };
    }
    // In the bank's order, whatever order they came in: one profile, one spelling.
    profile[id] = dimension.multiple ? [...dimension.values].filter((v) => values.includes(v)) : values[0];
  }
  return { profile };
}

// Check {"profile", "answers", "bank_version"?} all or nothing, so a tampered
// link or file can never half-apply. An earlier bank version is read
// leniently: a value the bank no longer accepts is set aside, not an error.
// `saved` (this site's own storage) also sets aside ids this bank no longer
// has (a brand may hide a question); from a link or a file they are an error.
// Ids this site's bank hides (a brand's overlay) are set aside with their own
// message, never an error: a link from another site of the method still opens.
// -> {profile, answers, migrated: [[from, to]], setAside: [ids], hidden: [ids]} | {error, id}
export function checkDocument(document, contract, { saved = false } = {}) {
  if (!document || typeof document !== "object" || Array.isArray(document)) return { error: "reason_shape" };
  const { answers } = document;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { error: "reason_shape" };
  if (Object.keys(document).some((key) => !DOCUMENT_FIELDS.has(key))) return { error: "reason_shape" };
  const checkedProfile = checkProfile(document.profile, contract);
  if (checkedProfile.error) return checkedProfile;
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
      if (!retired) return { error: "reason_unknown_question", id };
      const target = retired.moved_to && contract.questions.get(retired.moved_to);
      const value = typeof raw === "string" ? retired.values[raw] : undefined;
      if (!target || value === undefined || target.id in answers) setAside.push(id);
      else {
        checked[target.id] = value;
        migrated.push([id, target.id]);
      }
      continue;
    }
    const renamed = contract.renamed.get(id);
    const value = typeof raw === "string" && renamed && raw in renamed ? renamed[raw] : raw;
    if (isValidAnswer(question, value)) checked[id] = value;
    else if (older) setAside.push(id);
    else return { error: "reason_bad_value", id };
  }
  return { profile: checkedProfile.profile, answers: checked, migrated, setAside, hidden };
}

function fromBase64Url(encoded) {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

// A compact link: positions in this bank's layout, with its version (see sharelink.js).
export function encodeShare(state, contract) {
  return encodeLink(contract, state);
}

// Parse a share link's fragment ("#s=..." compact, or the older "#answers=" JSON) into a
// checked document; returns null when the fragment is not a share link.
export function decodeShare(fragment, contract, layouts = {}) {
  const hash = fragment.replace(/^#/, "");
  if (hash.startsWith(LINK_PREFIX)) {
    if (hash.length > MAX_LINK_CHARS) return { error: "reason_too_large" };
    const decoded = decodeLink(hash, contract, layouts);
    return decoded.error ? decoded : checkDocument(decoded.document, contract);
  }
  if (!hash.startsWith("answers=")) return null;
  if (hash.length > MAX_LINK_CHARS) return { error: "reason_too_large" };
  let text;
  try {
    text = fromBase64Url(hash.slice("answers=".length));
  } catch {
    return { error: "reason_encoding" };
  }
  return parseDocument(text, contract);
}

export function parseDocument(text, contract) {
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    return { error: "reason_json" };
  }
  return checkDocument(document, contract);
}
