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
export function mergeTabStates(base, mine, theirs) {
  const profile = mergeSide(base.profile, mine.profile, theirs.profile);
  const answers = mergeSide(base.answers, mine.answers, theirs.answers);
  const state = { profile: profile.merged, answers: answers.merged };
  return { state, conflicts: [...profile.conflicts, ...answers.conflicts], changed: !same(state, mine) };
}
