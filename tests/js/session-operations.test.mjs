// The session's everyday operations, as the page used to prove them only in a
// browser: start over and undo, a shared view that changes nothing until made
// yours, any number of adopted links with your own answers still restorable,
// history entries deleted, another tab's answers and its start-over, a record
// saved with an earlier bank, and a browser that refuses storage.
import assert from "node:assert/strict";
import { test } from "node:test";

import { contract } from "./support/contract.mjs";
import { SharedStorage } from "./support/fake-storage.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

import { fileName } from "../../overrides/assets/javascripts/assessment/session/reports.js";
import { ROOT } from "./support/contract.mjs";
import { KEY, answersOf, choices, file, openPage, press, reopen, sharedLink } from "./support/session.mjs";

const mine = answersOf(0, 3);

function withMine(shared = new SharedStorage()) {
  const page = openPage(shared);
  for (const [id, value] of Object.entries(mine)) page.session.answer(id, value);
  return page;
}

test("start over clears at once, saved too, and Undo brings back exactly the answers, notes and labels", () => {
  const { session, shared } = withMine();
  session.setNote(choices[0].id, "from the Q1 report");
  session.setLabel("company", "Oak & Pine");
  const before = structuredClone(session.own);
  const report = session.startOver();
  assert.deepEqual(reopen(shared).own.answers, {});
  assert.equal(shared.items.has(KEY), false);
  press(session, report, "undo");
  assert.deepEqual(session.own, before);
  assert.deepEqual(reopen(shared).own, before);
});

test("a shared link is shown read-only: nothing is saved, edits are not taken, and leaving brings your answers back", () => {
  const { session, shared } = withMine();
  const theirs = answersOf(4, 2);
  session.viewShared(sharedLink(theirs));
  assert.deepEqual(session.shown.answers, theirs);
  assert.equal(session.answer(choices[5].id, choices[5].values[0]).changed, false);
  assert.deepEqual(reopen(shared).own.answers, mine);
  session.leaveShared();
  assert.deepEqual(session.shown.answers, mine);
  session.viewShared(sharedLink(theirs));
  const adopted = session.adoptShared();
  assert.deepEqual(reopen(shared).own.answers, theirs);
  press(session, adopted, "restore_previous");
  assert.deepEqual(reopen(shared).own.answers, mine);
});

test("a refused share link says why and changes nothing", () => {
  const { session, shared } = withMine();
  const report = session.viewShared({ error: "reason_damaged" });
  assert.deepEqual(report.notices.map((n) => [n.kind, n.key, n.values.reason]), [["error", "share_invalid", "reason_damaged"]]);
  assert.equal(session.shared, null);
  assert.deepEqual(reopen(shared).own.answers, mine);
});

test("your own answers come back from the history however many shared links you made yours", () => {
  const { session, shared } = withMine();
  for (let n = 1; n <= 3; n += 1) {
    session.viewShared(sharedLink(answersOf(n, 2)));
    session.adoptShared();
  }
  const entries = reopen(shared).records.history().filter((e) => e.reason === "before_shared");
  const oldest = entries.at(-1);
  assert.deepEqual(oldest.answers, mine);
  session.restore(oldest.saved_at);
  assert.deepEqual(reopen(shared).own.answers, mine);
});

test("a history entry can be deleted, by its time, even after another tab added one", () => {
  const { session, shared } = withMine();
  session.importText(file(answersOf(5, 2)));
  const [entry] = session.records.history();
  const other = openPage(shared).session;
  other.importText(file(answersOf(6, 2))); // another tab: a newer entry in front
  session.forget(entry.saved_at);
  assert.ok(!reopen(shared).records.history().some((e) => e.saved_at === entry.saved_at));
  assert.equal(reopen(shared).records.history().length, 1);
});

test("another tab's answer joins this tab's, and this tab's next save carries both", () => {
  const shared = new SharedStorage();
  const one = withMine(shared).session;
  const two = openPage(shared).session;
  two.answer(choices[7].id, choices[7].values[1]);
  assert.equal(one.lastTabReport.notices[0].key, "other_tab_merged");
  one.answer(choices[8].id, choices[8].values[0]);
  const all = { ...mine, [choices[7].id]: choices[7].values[1], [choices[8].id]: choices[8].values[0] };
  assert.deepEqual(reopen(shared).own.answers, all);
  assert.deepEqual(two.own.answers, all);
});

test("another tab starting over leaves this tab showing its answers, and Keep these saves them again", () => {
  const shared = new SharedStorage();
  const one = withMine(shared).session;
  const two = openPage(shared).session;
  two.startOver();
  assert.deepEqual(one.own.answers, mine);
  assert.deepEqual(reopen(shared).own.answers, {});
  press(one, one.lastTabReport, "keep_these");
  assert.deepEqual(reopen(shared).own.answers, mine);
});

test("answers saved with an earlier bank keep what still applies, say how many were set aside, and keep the record in the history", () => {
  const shared = new SharedStorage();
  const [first, second] = choices;
  const record = { v: 1, bank_version: "an-older-bank", answers: { [first.id]: first.values[1], "product.retired-question": "yes", [second.id]: "an-option-since-renamed" } };
  shared.items.set(KEY, JSON.stringify(record));
  const { session, opened } = openPage(shared);
  assert.deepEqual(session.own.answers, { [first.id]: first.values[1] });
  assert.deepEqual(opened.notices[0].values, { kept: 1, removed: 2, moved: 0 });
  assert.deepEqual(reopen(shared).records.history()[0].answers, record.answers);
  assert.equal(JSON.parse(shared.items.get(KEY)).bank_version, contract.version);
});

test("a browser that refuses storage gets one calm message, and the page still works in memory", () => {
  const shared = new SharedStorage();
  shared.refused = true;
  const { session, opened } = openPage(shared);
  assert.deepEqual(opened.notices.map((n) => n.key), ["storage_unavailable"]);
  const report = session.answer(choices[0].id, choices[0].values[0]);
  assert.deepEqual(report.notices, [], "said once, not on every answer");
  assert.equal(session.own.answers[choices[0].id], choices[0].values[0]);
});

test("full storage is said once, with an export of the answers on screen", () => {
  const { session, shared } = withMine();
  shared.fill();
  const report = session.answer(choices[4].id, choices[4].values[0]);
  assert.deepEqual(report.notices.map((n) => [n.key, n.actions.map((a) => a.op)]), [["storage_full", ["exportOwn"]]]);
  assert.deepEqual(session.answer(choices[5].id, choices[5].values[0]).notices, []);
  const exported = JSON.parse(press(session, report, "export").download.text);
  assert.equal(exported.answers[choices[5].id], choices[5].values[0]);
  assert.equal(exported.bank_version, contract.version);
});

test("an export is named in the page's language and carries the day it was made, as the report's file does", () => {
  const strings = JSON.parse(readFileSync(join(ROOT, "assessment", "render", "strings.json"), "utf-8"));
  const { session } = withMine();
  const made = session.exportOwn().download;
  const day = JSON.parse(made.text).date;
  assert.match(day, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(made.date, day, "the name and the file carry the same day");
  const named = Object.fromEntries(Object.entries(strings).map(([lang, words]) => [lang, fileName(made, (key) => words[key])]));
  for (const [lang, name] of Object.entries(named)) {
    assert.ok(name.endsWith(`${day}.json`), `${lang}: ${name}`);
    assert.equal(name.replace(day, ""), strings[lang].answers_file.replace("{date}", ""), lang);
  }
  assert.equal(new Set(Object.values(named)).size, Object.keys(strings).length, "each language names it in its own words");
});

test("the quick check is the session's: it asks the chosen model's questions, lasts across a reload, and keeps every answer", () => {
  const shared = new SharedStorage();
  const page = openPage(shared);
  page.session.quick = { by: "model", sets: [["dtc", [choices[0].id, choices[1].id]], ["b2b-export", [choices[2].id]]] };
  assert.equal(page.session.asked(), null, "the full assessment asks everything");
  page.session.setMode("quick");
  assert.deepEqual([...page.session.asked()], [choices[0].id, choices[1].id], "no model yet: the first set");
  page.session.setProfile({ model: "b2b-export" });
  assert.deepEqual([...page.session.asked()], [choices[2].id]);
  page.session.answer(choices[2].id, choices[2].values[0]);
  assert.equal(reopen(shared).mode, "quick");
  page.session.setMode("full");
  assert.equal(reopen(shared).mode, "full");
  assert.deepEqual(reopen(shared).own.answers, { [choices[2].id]: choices[2].values[0] });
});
