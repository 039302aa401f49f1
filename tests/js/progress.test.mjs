// What the page counts: the questions that count for a profile and mode, where
// to go on, and when everything is answered. The quick check's offer, its
// progress and the welcome back all read these, so they can never disagree
// (the owner walk found "12 questions" offered and 7 counted, and a finished
// assessment still offering to continue at the profile).
import assert from "node:assert/strict";
import { test } from "node:test";

import { complete, progress, quickSet, whereNext } from "../../overrides/assets/javascripts/assessment/session/progress.js";
import { emptyState } from "../../overrides/assets/javascripts/assessment/state.js";
import { ROOT, contract } from "./support/contract.mjs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const QUICK = "import json; from assessment import get_bank; from assessment.bank.quick import load_quick; q = load_quick(get_bank()); print(json.dumps({'by': q.by, 'sets': [[k, list(v)] for k, v in q.sets.items()]}))";
const quick = JSON.parse(execFileSync(join(ROOT, ".venv", "bin", "python"), ["-c", QUICK], { cwd: ROOT, encoding: "utf-8" }));

/** Every question answered with its first value (or its minimum). */
function everything(state) {
  for (const [id, q] of contract.questions) state.answers[id] = q.kind === "choice" ? [...q.values][0] : q.min;
  return state;
}

test("the quick check counts exactly the questions it asks for the chosen business model", () => {
  for (const [model, ids] of quick.sets) {
    const state = { ...emptyState(), profile: { [quick.by]: model } };
    const asked = quickSet(quick, state);
    assert.deepEqual([...asked], ids);
    const counted = progress(contract, state, asked);
    assert.ok(counted.total <= asked.size && counted.total > 0, model); // the profile may rule one out
  }
  assert.deepEqual([...quickSet(quick, emptyState())], quick.sets[0][1], "no model chosen: the first set");
});

test("a profile rules questions out of the count unless they are answered", () => {
  const state = { ...emptyState(), profile: { model: "dtc", ticket: "mid", channels: ["own-site"] } };
  const full = progress(contract, emptyState(), null).total;
  const ruledOut = [...contract.questions.keys()].filter((id) => !progress(contract, { ...state, answers: {} }, new Set([id])).total);
  assert.equal(progress(contract, state, null).total, full - ruledOut.length);
  const answeredAnyway = { ...state, answers: { [ruledOut[0]]: "na" } };
  assert.equal(progress(contract, answeredAnyway, null).total, full - ruledOut.length + 1);
});

test("with every question answered there is nowhere left to continue, in either mode", () => {
  const state = everything({ ...emptyState(), profile: { model: "dtc" } });
  assert.equal(whereNext(contract, state, null), null);
  assert.equal(whereNext(contract, state, quickSet(quick, state)), null);
  assert.ok(complete(progress(contract, state, null)));
  const partial = { ...state, answers: { ...state.answers } };
  const [last] = [...contract.questions.keys()].slice(-1);
  delete partial.answers[last];
  assert.equal(whereNext(contract, partial, null), contract.questions.get(last).pillar);
  assert.equal(whereNext(contract, { ...partial, profile: {} }, null), "profile", "an empty profile comes first");
});
