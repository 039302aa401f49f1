// @ts-check
// What the page holds for one company: the profile and answers, and what a
// workshop records beside them (evidence notes per question, plan action states,
// who answered and for which company). One shape for storage, exports, links,
// history and the engine, so no path can drop a note.

export function emptyState() {
  return { profile: {}, answers: {}, notes: {}, actions: {} };
}

// A state from a checked document (answers.js checkDocument), copying what it keeps.
export function stateFrom(checked) {
  const state = {
    profile: { ...checked.profile },
    answers: { ...checked.answers },
    notes: { ...(checked.notes || {}) },
    actions: { ...(checked.actions || {}) },
  };
  if (checked.respondent) state.respondent = checked.respondent;
  if (checked.company) state.company = checked.company;
  return state;
}

// The document the engine, exports and snapshots take (empty parts left out).
export function documentOf(state, extra = {}) {
  const document = { profile: state.profile, answers: state.answers };
  if (Object.keys(state.notes || {}).length) document.notes = state.notes;
  if (Object.keys(state.actions || {}).length) document.actions = state.actions;
  if (state.respondent) document.respondent = state.respondent;
  if (state.company) document.company = state.company;
  return { ...document, ...extra };
}

// Nothing a company wrote: no answer, profile, note, action state or label.
export function isEmpty(state) {
  const parts = [state.answers, state.profile, state.notes || {}, state.actions || {}];
  return parts.every((part) => !Object.keys(part).length) && !state.respondent && !state.company;
}
