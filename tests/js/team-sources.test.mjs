// The team view's respondents and its merge, without a browser: the same answers
// added twice count once (and say so), bad sources are named, and thousands of
// files merge in batches with progress, so no single request to the engine grows
// with the team (one request for all used to time out near 500 files).
import assert from "node:assert/strict";
import { test } from "node:test";

import { BATCH, TeamSources, mergeInBatches } from "../../overrides/assets/javascripts/assessment/team/sources.js";
import { contract } from "./support/contract.mjs";
import { answersOf, file } from "./support/session.mjs";

const linkName = (n) => `Link ${n}`;

test("a second copy of the same answers is flagged, not counted twice, whatever the file is called", () => {
  const team = new TeamSources(contract, linkName);
  const owner = file(answersOf(0), { respondent: "Owner" });
  assert.equal(team.addFile("owner.json", owner, owner.length), null);
  const again = team.addFile("owner (copy).json", `\uFEFF${JSON.stringify(JSON.parse(owner), null, 2)}`, owner.length);
  assert.deepEqual(again, { name: "owner (copy).json", reason: { error: "reason_duplicate", id: "owner.json" } });
  assert.equal(team.addFile("ops.json", file(answersOf(1)), 100), null);
  assert.deepEqual(team.sources.map((s) => s.name), ["owner.json", "ops.json"]);
});

test("a source that does not read is named with its reason, and two files of one name stay apart", () => {
  const team = new TeamSources(contract, linkName);
  assert.deepEqual(team.addFile("a.json", "{not json", 9), { name: "a.json", reason: { error: "reason_json" } });
  assert.equal(team.addFile("a.json", file(answersOf(2)), 50), null);
  assert.equal(team.addFile("a.json", file(answersOf(3)), 50), null);
  assert.deepEqual(team.sources.map((s) => s.name), ["a.json", "a.json (2)"]);
  assert.equal(team.addFile("big.json", file({}), contract.limits.file_bytes + 1).reason.error, "reason_too_large");
  assert.equal(team.addLink("https://example.invalid/page", {}).reason.error, "reason_not_a_link");
});

test("2,000 files merge in batches, with progress after each, and one final merge of all that was read", async () => {
  const team = new TeamSources(contract, linkName);
  for (let n = 0; n < 2000; n += 1) {
    const text = file(answersOf(n % 7, 1 + (n % 9)), { respondent: `R${n}` });
    assert.equal(team.addFile(`r${n}.json`, text, text.length), null);
  }
  const calls = [];
  const engine = {
    async call(fn, json) {
      const sources = JSON.parse(json);
      calls.push([fn, sources.length]);
      if (fn === "team_read_json") {
        const read = sources.filter((s) => s.name !== "r13.json").map((s) => ({ name: s.name, label: s.label, document: s.document, own: {} }));
        const errors = sources.some((s) => s.name === "r13.json") ? [{ name: "r13.json", error: "unreadable" }] : [];
        return { ok: true, read, errors };
      }
      return { ok: true, team: { count: sources.length } };
    },
    async callScaled(times, fn, json) {
      calls.push(["scaled", times]);
      return this.call(fn, json);
    },
  };
  const seen = [];
  const outcome = await mergeInBatches(engine, team.sources, "en", { onProgress: (done, total) => seen.push([done, total]) });
  assert.equal(calls.filter(([fn]) => fn === "team_read_json").length, 2000 / BATCH);
  assert.ok(calls.every(([fn, size]) => fn !== "team_read_json" || size <= BATCH));
  assert.deepEqual(calls.at(-1), ["team_merge_json", 1999]);
  assert.deepEqual(calls.at(-2), ["scaled", 40], "the merge of 1,999 read may take as long as the 40 batches that read them");
  assert.deepEqual(seen.at(-1), [2000, 2000]);
  assert.equal(seen.length, 2000 / BATCH);
  assert.deepEqual(outcome.errors, [{ name: "r13.json", error: "unreadable" }]);
  assert.equal(outcome.team.count, 1999);
});

test("a merge overtaken by a change to the list stops, and an engine failure keeps the list", async () => {
  const team = new TeamSources(contract, linkName);
  for (let n = 0; n < 120; n += 1) team.addFile(`r${n}.json`, file(answersOf(n % 7, 1 + (n % 9)), { respondent: `R${n}` }), 10);
  let current = true;
  const engine = { async call() { current = false; return { ok: true, read: [], errors: [] }; } };
  assert.equal(await mergeInBatches(engine, team.sources, "en", { current: () => current }), null);
  const failing = { async call() { return { ok: false, error: "engine stopped", stale: true }; } };
  assert.deepEqual(await mergeInBatches(failing, team.sources, "en"), { error: "engine stopped", errors: [] });
  assert.equal(team.sources.length, 120);
});
