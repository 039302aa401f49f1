// What counts as a valid answer, read from the form itself (the form is
// rendered from the question bank at build time, so it is the bank here).
// Share links and imported files are untrusted: everything passes through here.

export const MAX_LINK_CHARS = 8192;
export const MAX_FILE_BYTES = 100 * 1024;

export function questionsFromForm(form) {
  const questions = new Map();
  for (const fieldset of form.querySelectorAll("[data-question-id]")) {
    const id = fieldset.dataset.questionId;
    if (fieldset.dataset.kind === "number") {
      const input = fieldset.querySelector("input[type=number]");
      questions.set(id, {
        kind: "number",
        min: Number(input.min),
        max: Number(input.max),
        na: Boolean(fieldset.querySelector("input[type=checkbox][value=na]")),
      });
    } else {
      const values = [...fieldset.querySelectorAll("input[type=radio]")].map((input) => input.value);
      questions.set(id, { kind: "choice", values: new Set(values) });
    }
  }
  return questions;
}

export function isValidAnswer(question, value) {
  if (question.kind === "number") {
    if (value === "na") return question.na;
    return typeof value === "number" && Number.isFinite(value) && value >= question.min && value <= question.max;
  }
  return typeof value === "string" && question.values.has(value);
}

// Check a document of the form {"answers": {...}}; all or nothing, so a
// tampered link or file can never half-apply.
export function checkDocument(document, questions) {
  if (!document || typeof document !== "object" || Array.isArray(document)) return { error: "reason_shape" };
  const answers = document.answers;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) return { error: "reason_shape" };
  const checked = {};
  for (const [id, value] of Object.entries(answers)) {
    const question = questions.get(id);
    if (!question) return { error: "reason_unknown_question", id };
    if (value === null) continue;
    if (!isValidAnswer(question, value)) return { error: "reason_bad_value", id };
    checked[id] = value;
  }
  return { answers: checked };
}

// Answers that still apply to the current bank, and how many were set aside.
export function keepApplicable(answers, questions) {
  const kept = {};
  let removed = 0;
  for (const [id, value] of Object.entries(answers || {})) {
    if (questions.has(id) && isValidAnswer(questions.get(id), value)) kept[id] = value;
    else removed += 1;
  }
  return { kept, removed };
}

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(encoded) {
  const binary = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export function encodeShare(answers) {
  return "answers=" + toBase64Url(JSON.stringify({ answers }));
}

// Parse "#answers=..." into a checked document; returns null when the fragment is not a share link.
export function decodeShare(fragment, questions) {
  const hash = fragment.replace(/^#/, "");
  if (!hash.startsWith("answers=")) return null;
  if (hash.length > MAX_LINK_CHARS) return { error: "reason_too_large" };
  let text;
  try {
    text = fromBase64Url(hash.slice("answers=".length));
  } catch {
    return { error: "reason_encoding" };
  }
  return parseDocument(text, questions);
}

export function parseDocument(text, questions) {
  let document;
  try {
    document = JSON.parse(text);
  } catch {
    return { error: "reason_json" };
  }
  return checkDocument(document, questions);
}
