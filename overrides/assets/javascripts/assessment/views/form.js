// @ts-check
// The questionnaire as a view of the session: it shows the state (answers,
// profile, the profile's effects, scales and units, the quick check's focus)
// and turns what the reader does in it into intents (answer, clear, profile).
// It holds no answers of its own.

import { appliesTo, breakEven, scaleFor, toBase, toTyped } from "../contract.js";
import { isValidAnswer } from "../answers.js";
import { format } from "../dom.js";

/** @typedef {import("../types.js").State} State */
/** @typedef {import("../types.js").Contract} Contract */
/** @typedef {import("../types.js").Answer} Answer */

/** @param {Element | null} element @returns {HTMLInputElement} */
const input = (element) => /** @type {HTMLInputElement} */ (element);

/**
 * @param {{form: HTMLFormElement, contract: Contract, t: (key: string) => string}} page
 * @param {{answer: (id: string, value: Answer | undefined) => void, profile: (profile: Record<string, string | string[]>) => void}} intents
 */
export function formView({ form, contract, t }, intents) {
  /** @type {Map<string, HTMLElement>} */
  const fieldsets = new Map([...form.querySelectorAll("[data-question-id]")].map((f) => [/** @type {HTMLElement} */ (f).dataset.questionId || "", /** @type {HTMLElement} */ (f)]));
  /** @type {State} */
  let shown = { profile: {}, answers: {}, notes: {}, actions: {} };

  /** @param {HTMLElement} fieldset @param {boolean} answered */
  function markAnswered(fieldset, answered) {
    fieldset.classList.toggle("is-answered", answered);
    /** @type {HTMLElement} */ (fieldset.querySelector("[data-clear]")).hidden = !answered;
  }

  /** The range and unit a figure is typed in, for this profile. @param {HTMLElement} fieldset @param {import("../types.js").Question} question */
  function layoutNumber(fieldset, question) {
    const scale = scaleFor(question, shown.profile);
    const field = input(fieldset.querySelector("input[type=number]"));
    const unit = fieldset.querySelector("[data-unit]");
    if (unit) unit.textContent = scale.unit;
    field.min = String(toTyped(question.min, scale));
    field.max = String(toTyped(question.max, scale));
    const value = shown.answers[question.id];
    if (typeof value === "number" && document.activeElement !== field) field.value = String(toTyped(value, scale));
    const hint = /** @type {HTMLElement} */ (fieldset.querySelector("[data-hint]"));
    if (field.getAttribute("aria-invalid") !== "true") hint.textContent = scale.note || format(t("number_range"), { min: field.min, max: field.max });
    const line = fieldset.querySelector("[data-break-even]");
    if (!line || !question.break_even_from) return;
    const margin = shown.answers[question.break_even_from];
    const even = breakEven(margin);
    line.textContent = even === null ? t("break_even_missing") : format(t("break_even"), { margin, value: Number.isFinite(even) ? even.toFixed(2) : "∞" });
  }

  /** The profile's effects: questions it rules out (unless answered), figures' scales. */
  function applyProfile() {
    for (const [id, fieldset] of fieldsets) {
      const question = /** @type {import("../types.js").Question} */ (contract.questions.get(id));
      const ruledOut = !appliesTo(question, shown.profile) && shown.answers[id] === undefined && !fieldset.dataset.anyway;
      fieldset.classList.toggle("is-by-profile", ruledOut);
      /** @type {HTMLElement} */ (fieldset.querySelector("[data-by-profile]")).hidden = !ruledOut;
      if (question.kind === "number") layoutNumber(fieldset, question);
    }
  }

  /** @param {HTMLElement} fieldset @param {Answer | undefined} value */
  function writeQuestion(fieldset, value) {
    if (fieldset.dataset.kind === "number") {
      const field = input(fieldset.querySelector("input[type=number]"));
      const special = typeof value === "string" ? value : null;
      for (const box of fieldset.querySelectorAll("input[type=checkbox]")) input(box).checked = input(box).value === special;
      field.disabled = special !== null;
      const question = /** @type {import("../types.js").Question} */ (contract.questions.get(fieldset.dataset.questionId || ""));
      if (document.activeElement !== field) field.value = typeof value === "number" ? String(toTyped(value, scaleFor(question, shown.profile))) : "";
      if (document.activeElement !== field) field.removeAttribute("aria-invalid");
    } else {
      for (const radio of fieldset.querySelectorAll("input[type=radio]")) input(radio).checked = input(radio).value === value;
    }
    markAnswered(fieldset, value !== undefined);
  }

  /** Show a state: the own answers, or someone else's read-only. @param {State} state @param {{readOnly: boolean}} how */
  function show(state, { readOnly }) {
    shown = state;
    form.inert = readOnly;
    for (const fieldset of form.querySelectorAll("[data-profile-id]")) {
      const element = /** @type {HTMLElement} */ (fieldset);
      const chosen = state.profile[element.dataset.profileId || ""];
      const values = Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen];
      for (const box of element.querySelectorAll("input")) input(box).checked = values.includes(input(box).value);
      element.classList.toggle("is-answered", values.length > 0);
    }
    for (const [id, fieldset] of fieldsets) writeQuestion(fieldset, state.answers[id]);
    applyProfile();
  }

  /** @returns {Record<string, string | string[]>} */
  function readProfile() {
    /** @type {Record<string, string | string[]>} */
    const profile = {};
    for (const fieldset of form.querySelectorAll("[data-profile-id]")) {
      const element = /** @type {HTMLElement} */ (fieldset);
      const checked = [...element.querySelectorAll("input:checked")].map((box) => input(box).value);
      if (checked.length) profile[element.dataset.profileId || ""] = element.dataset.kind === "multiple" ? checked : checked[0];
    }
    return profile;
  }

  /** A typed figure: checked against its range in the unit shown, stored in the base unit (as typed: a reload keeps it). @param {HTMLElement} fieldset */
  function readNumber(fieldset) {
    const id = fieldset.dataset.questionId || "";
    const question = /** @type {import("../types.js").Question} */ (contract.questions.get(id));
    const field = input(fieldset.querySelector("input[type=number]"));
    const special = [...fieldset.querySelectorAll("input[type=checkbox]")].map(input).find((box) => box.checked);
    field.disabled = Boolean(special);
    if (special) return intents.answer(id, special.value);
    const scale = scaleFor(question, shown.profile);
    const typed = field.value.trim() === "" ? undefined : toBase(Number(field.value), scale);
    const valid = typed === undefined || isValidAnswer(question, typed);
    field.setAttribute("aria-invalid", String(!valid));
    const hint = /** @type {HTMLElement} */ (fieldset.querySelector("[data-hint]"));
    const range = { min: field.min, max: field.max };
    hint.textContent = valid ? scale.note || format(t("number_range"), range) : format(t("number_invalid"), range);
    if (valid) intents.answer(id, typed);
  }

  form.addEventListener("submit", (event) => event.preventDefault()); // nothing here ever submits
  form.addEventListener("change", (event) => {
    const target = input(/** @type {Element} */ (event.target));
    if (target.matches("[data-note], [data-label]")) return; // saved as typed (notes.js)
    if (target.closest("[data-profile-id]")) return intents.profile(readProfile());
    const fieldset = /** @type {HTMLElement | null} */ (target.closest("[data-question-id]"));
    if (!fieldset) return;
    if (fieldset.dataset.kind !== "number") return intents.answer(fieldset.dataset.questionId || "", target.value);
    if (target.type === "checkbox" && target.checked) {
      for (const box of fieldset.querySelectorAll("input[type=checkbox]")) if (box !== target) input(box).checked = false;
    }
    readNumber(fieldset);
  });
  form.addEventListener("input", (event) => {
    const target = input(/** @type {Element} */ (event.target));
    if (target.type === "number") readNumber(/** @type {HTMLElement} */ (target.closest("[data-question-id]")));
  });
  form.addEventListener("click", (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const clear = /** @type {HTMLElement | null} */ (target.closest("[data-clear]"));
    const anyway = /** @type {HTMLElement | null} */ (target.closest("[data-answer-anyway]"));
    if (clear) {
      const id = clear.dataset.clear || "";
      intents.answer(id, undefined);
      input(/** @type {HTMLElement} */ (fieldsets.get(id)).querySelector("input")).focus();
    } else if (anyway) {
      const fieldset = /** @type {HTMLElement} */ (fieldsets.get(anyway.dataset.answerAnyway || ""));
      fieldset.dataset.anyway = "true";
      applyProfile();
      input(fieldset.querySelector("input")).focus();
    }
  });

  return {
    show,
    fieldsets,
    /** The question's text as the page shows it. @param {string} id */
    questionText: (id) => fieldsets.get(id)?.querySelector("legend")?.textContent?.trim() || id,
    /** Mark the questions outside the quick check (hidden by CSS in quick mode). @param {Set<string> | null} asked */
    focusOn(asked) {
      form.closest(".rf-assessment")?.classList.toggle("is-quick", asked !== null);
      for (const [id, fieldset] of fieldsets) fieldset.classList.toggle("is-outside-quick", asked !== null && !asked.has(id));
    },
  };
}
