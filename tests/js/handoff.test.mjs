// The margin handed from the unit-economics calculator to the self-assessment.
// Run with: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { handedMargin, offerText } from "../../overrides/assets/javascripts/handoff.js";

const texts = { offer: "The calculator worked out {margin}%.", replace: "Using it replaces your answer of {current}%." };

test("only a margin the question accepts is offered", () => {
  assert.equal(handedMargin("?margin=38.2"), 38.2);
  assert.equal(handedMargin("?margin=0"), 0);
  assert.equal(handedMargin("?margin=100"), 100);
  for (const search of ["", "?margin=", "?margin=-6", "?margin=101", "?margin=abc", "?margin=Infinity", "?s=x"]) {
    assert.equal(handedMargin(search), null, search);
  }
});

test("the offer says which answer it would replace, and only when there is one", () => {
  assert.equal(offerText(texts, 38.2, ""), "The calculator worked out 38.2%.");
  assert.equal(offerText(texts, 38.2, "38.2"), "The calculator worked out 38.2%.");
  assert.equal(offerText(texts, 38.2, "45"), "The calculator worked out 38.2%. Using it replaces your answer of 45%.");
});
