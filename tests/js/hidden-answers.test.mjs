// Answers to a question this site's bank hides (a brand's overlay) are set aside
// and reported, never an error, so a link made on another site of the method
// still opens; an id no bank knows is still refused. The engine does the same
// (tests/test_brand.py, test_the_overlay_changes_the_scoring_as_documented).
// Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { checkDocument } from "../../overrides/assets/javascripts/assessment/answers.js";
import { readContract } from "../../overrides/assets/javascripts/assessment/contract.js";
import { exported } from "./support/contract.mjs";

const contract = readContract({
  bank_version: "0000aaaa",
  profile: [],
  questions: [
    { id: "inquiry.sample-policy", pillar: "inquiry", kind: "choice", role: "practice", values: ["none", "policy"],
      min: 0, max: 0, na: false, unknown: false, applies: {}, break_even_from: null, scales: [], unit: "" },
  ],
  retired: [],
  renamed: [],
  hidden: ["inquiry.live-qa"],
  limits: exported.limits,
});

test("a hidden question's answer is set aside and named", () => {
  const checked = checkDocument({ answers: { "inquiry.live-qa": "na", "inquiry.sample-policy": "policy" } }, contract);
  assert.equal(checked.error, undefined);
  assert.deepEqual(checked.answers, { "inquiry.sample-policy": "policy" });
  assert.deepEqual(checked.hidden, ["inquiry.live-qa"]);
  assert.deepEqual(checked.setAside, []);
});

test("an id no bank knows is still an error", () => {
  const checked = checkDocument({ answers: { "inquiry.no-such-question": "na" } }, contract);
  assert.equal(checked.error, "reason_unknown_question");
});

test("saved answers to a hidden question are set aside the same way", () => {
  const checked = checkDocument({ answers: { "inquiry.live-qa": "na" } }, contract, { saved: true });
  assert.deepEqual(checked.hidden, ["inquiry.live-qa"]);
  assert.deepEqual(checked.answers, {});
});
