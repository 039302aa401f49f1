// @ts-check
// Evidence notes (a field per question, made when asked for or when a note
// exists) and the company and respondent labels: shown from the state, and
// sent to the session as typed, which cleans and bounds them. Text the session
// refuses (over its limit once normalised) is marked, and said, under the field.

import { format, h } from "../dom.js";
import { clean, length } from "../plaintext.js";

/** @typedef {import("../types.js").State} State */
/** @typedef {import("../types.js").Report} Report */

/** @param {Element | null} element */
const field = (element) => /** @type {HTMLInputElement | HTMLTextAreaElement} */ (element);

/**
 * @param {{form: HTMLFormElement, fieldsets: Map<string, HTMLElement>, t: (key: string) => string, limits: import("../types.js").Limits}} page
 * @param {{note: (id: string, text: string) => Report, label: (name: "company" | "respondent", text: string) => Report}} intents
 */
export function notesView({ form, fieldsets, t, limits }, intents) {
  /** @param {HTMLElement} fieldset @returns {HTMLElement} */
  function noteBox(fieldset) {
    const existing = /** @type {HTMLElement | null} */ (fieldset.querySelector(".rf-note"));
    if (existing) return existing;
    const id = fieldset.dataset.questionId;
    const box = h(
      "div",
      { class: "rf-note" },
      h("label", { for: `note-${id}` }, t("note_label")),
      h("textarea", { id: `note-${id}`, rows: "2", maxlength: String(limits.note_chars), dataset: { note: id }, "aria-describedby": `note-count-${id}`, dir: "auto" }),
      h("p", { class: "rf-note__count", id: `note-count-${id}`, "aria-live": "polite" }),
    );
    /** @type {HTMLElement} */ (fieldset.querySelector("[data-note-toggle]")).hidden = true;
    fieldset.append(box);
    return box;
  }

  /** @param {HTMLElement} fieldset */
  function closeNote(fieldset) {
    fieldset.querySelector(".rf-note")?.remove();
    /** @type {HTMLElement} */ (fieldset.querySelector("[data-note-toggle]")).hidden = false;
  }

  /** A field's count, or why what is typed is not kept. @param {HTMLInputElement | HTMLTextAreaElement} input @param {string | undefined} refused */
  function mark(input, refused) {
    input.setAttribute("aria-invalid", String(Boolean(refused)));
    const note = input.dataset.note !== undefined;
    const limit = note ? limits.note_chars : limits.label_chars;
    const count = note ? input.closest(".rf-note")?.querySelector(".rf-note__count") : document.getElementById(`${input.id}-error`);
    if (!count) return;
    const typed = length(clean(input.value, note));
    count.textContent = refused ? format(t(refused), { limit }) : note ? format(t("note_count"), { count: typed, limit }) : "";
  }

  form.addEventListener("input", (event) => {
    const input = field(/** @type {Element} */ (event.target));
    if (input.dataset.note !== undefined) mark(input, intents.note(input.dataset.note, input.value).refused);
    else if (input.dataset.label === "company" || input.dataset.label === "respondent") mark(input, intents.label(input.dataset.label, input.value).refused);
  });
  form.addEventListener("click", (event) => {
    const toggle = /** @type {HTMLElement} */ (event.target).closest("[data-note-toggle]");
    if (toggle) field(noteBox(/** @type {HTMLElement} */ (toggle.closest("[data-question-id]"))).querySelector("textarea")).focus();
  });

  /** @param {State} state */
  function show(state) {
    for (const label of form.querySelectorAll("[data-label]")) {
      const input = field(label);
      const name = /** @type {"company" | "respondent"} */ (input.dataset.label);
      if (document.activeElement !== input) input.value = state[name] || "";
    }
    for (const [id, fieldset] of fieldsets) {
      const text = state.notes[id];
      const box = fieldset.querySelector(".rf-note");
      if (text) {
        const area = field(noteBox(fieldset).querySelector("textarea"));
        if (document.activeElement !== area) area.value = text;
      } else if (box && !box.contains(document.activeElement)) closeNote(fieldset);
    }
  }

  return { show };
}
