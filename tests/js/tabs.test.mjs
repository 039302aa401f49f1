// Two tabs editing the same saved assessment merge instead of overwriting each other.
import assert from "node:assert/strict";
import { test } from "node:test";

import { mergeTabStates } from "../../overrides/assets/javascripts/assessment/tabs.js";

const base = { profile: { model: "dtc" }, answers: { a: "l1", b: 20, c: "l2" } };

test("an answer only the other tab changed is taken", () => {
  const theirs = { profile: base.profile, answers: { ...base.answers, a: "l3" } };
  const { state, conflicts, changed } = mergeTabStates(base, base, theirs);
  assert.deepEqual(state.answers, { a: "l3", b: 20, c: "l2" });
  assert.deepEqual(conflicts, []);
  assert.equal(changed, true);
});

test("an answer only this tab changed is kept, beside the other tab's changes", () => {
  const mine = { profile: base.profile, answers: { ...base.answers, b: 35 } };
  const theirs = { profile: { model: "b2b-export" }, answers: { ...base.answers, d: "unknown" } };
  const { state, conflicts } = mergeTabStates(base, mine, theirs);
  assert.deepEqual(state, { profile: { model: "b2b-export" }, answers: { a: "l1", b: 35, c: "l2", d: "unknown" }, notes: {}, actions: {} });
  assert.deepEqual(conflicts, []);
});

test("a cleared answer is cleared in the merge, whichever tab cleared it", () => {
  const theirs = { profile: base.profile, answers: { a: "l1", b: 20 } };
  assert.deepEqual(mergeTabStates(base, base, theirs).state.answers, { a: "l1", b: 20 });
  const mine = { profile: base.profile, answers: { b: 20, c: "l2" } };
  assert.deepEqual(mergeTabStates(base, mine, base).state.answers, { b: 20, c: "l2" });
});

test("both tabs changing one answer differently is a conflict that keeps this tab's value", () => {
  const mine = { profile: base.profile, answers: { ...base.answers, a: "l2" } };
  const theirs = { profile: base.profile, answers: { ...base.answers, a: "l0" } };
  const { state, conflicts } = mergeTabStates(base, mine, theirs);
  assert.equal(state.answers.a, "l2");
  assert.deepEqual(conflicts, ["a"]);
});

test("the same change in both tabs is no conflict, and a merge that changes nothing says so", () => {
  const both = { profile: base.profile, answers: { ...base.answers, a: "l3" } };
  const { conflicts, changed } = mergeTabStates(base, both, both);
  assert.deepEqual(conflicts, []);
  assert.equal(changed, false);
});

test("channels (a list) compare by value", () => {
  const withChannels = { profile: { channels: ["amazon", "own-site"] }, answers: {} };
  const theirs = { profile: { channels: ["amazon", "own-site"] }, answers: { a: "l1" } };
  const { conflicts, state } = mergeTabStates(withChannels, { ...withChannels, profile: { channels: ["amazon", "own-site"] } }, theirs);
  assert.deepEqual(conflicts, []);
  assert.deepEqual(state.profile.channels, ["amazon", "own-site"]);
});

test("notes, action states and labels merge like answers", () => {
  const start = { ...base, notes: { a: "from the Q1 report" }, actions: {}, company: "Acme" };
  const mine = { ...start, actions: { "a.fix": "done" } };
  const theirs = { ...start, notes: { a: "from the Q2 report" }, respondent: "Ops lead" };
  const { state, conflicts } = mergeTabStates(start, mine, theirs);
  assert.deepEqual(state.notes, { a: "from the Q2 report" });
  assert.deepEqual(state.actions, { "a.fix": "done" });
  assert.equal(state.respondent, "Ops lead");
  assert.equal(state.company, "Acme");
  assert.deepEqual(conflicts, []);
  const clash = mergeTabStates(start, { ...start, notes: { a: "mine" } }, { ...start, notes: { a: "theirs" } });
  assert.deepEqual(clash.conflicts, ["notes:a"]);
});
