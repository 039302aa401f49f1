// @ts-check
// Two tabs on the same assessment: each saves its whole state on every change,
// and the other hears of it through the `storage` event. Merge, don't overwrite:
// every answer only the other tab changed is taken, every answer only this tab
// changed is kept, and an answer both changed differently is a conflict (this
// tab's value is kept, and the page offers the other's).

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function mergeSide(base = {}, mine = {}, theirs = {}) {
  const merged = {};
  const conflicts = [];
  for (const id of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const [b, m, t] = [base[id], mine[id], theirs[id]];
    let value;
    if (same(m, b)) value = t; // only the other tab changed it (or nobody did)
    else if (same(t, b) || same(t, m)) value = m; // only this tab changed it, or both agree
    else {
      value = m;
      conflicts.push(id);
    }
    if (value !== undefined) merged[id] = value;
  }
  return { merged, conflicts };
}

// base: the state this tab last saved or loaded; mine: this tab's state now;
// theirs: what the other tab just saved. -> {state, conflicts: [ids], changed: bool}
// Every part merges the same way: the profile, answers, notes and action states
// entry by entry, and the respondent and company labels as one entry each.
export function mergeTabStates(base, mine, theirs) {
  const state = {};
  const conflicts = [];
  for (const part of ["profile", "answers", "notes", "actions"]) {
    const side = mergeSide(base[part], mine[part], theirs[part]);
    state[part] = side.merged;
    conflicts.push(...side.conflicts.map((id) => (part === "answers" || part === "profile" ? id : `${part}:${id}`)));
  }
  const labels = mergeSide(labelsOf(base), labelsOf(mine), labelsOf(theirs));
  Object.assign(state, labels.merged);
  conflicts.push(...labels.conflicts);
  return { state, conflicts, changed: !same(state, normalised(mine)) };
}

function labelsOf(state) {
  const labels = {};
  if (state.respondent) labels.respondent = state.respondent;
  if (state.company) labels.company = state.company;
  return labels;
}

function normalised(state) {
  return { profile: state.profile || {}, answers: state.answers || {}, notes: state.notes || {}, actions: state.actions || {}, ...labelsOf(state) };
}
