// Each way the assessment page once lost a company's own answers (issue 24), as
// the session model now handles it: the answers survive, or the page says so and
// offers an undo that restores exactly them. A fake storage plays the browser's
// faults: a quota, unreadable records, other tabs, a tab that dies mid-write.
import assert from "node:assert/strict";
import { test } from "node:test";

import { contract } from "./support/contract.mjs";
import { SharedStorage } from "./support/fake-storage.mjs";
import { KEY, answersOf, choices, file, openPage, press, reopen, sharedLink } from "./support/session.mjs";

const mine = answersOf(0);
const theirs = answersOf(1);

/** A page whose own answers `mine` are saved. */
function withMine() {
  const page = openPage();
  for (const [id, value] of Object.entries(mine)) page.session.answer(id, value);
  assert.deepEqual(reopen(page.shared).own.answers, mine);
  return page;
}

const saidSomething = (report, kind) => report.notices.some((n) => n.kind === kind);

test("start over while viewing a share link clears your own answers, and Undo brings back yours, not the shared ones", () => {
  const { session, shared } = withMine();
  session.viewShared(sharedLink(theirs));
  const report = session.startOver();
  assert.equal(session.shared, null, "starting over leaves the shared view");
  const later = reopen(shared);
  assert.deepEqual(later.own.answers, {});
  assert.deepEqual(later.records.history()[0].answers, mine, "the history keeps your answers, not the shared ones");
  press(session, report, "undo");
  assert.deepEqual(session.own.answers, mine);
  assert.deepEqual(reopen(shared).own.answers, mine);
});

for (const [operation, run] of [
  ["an import", (session) => session.importText(file(theirs))],
  ["making shared answers yours", (session) => (session.viewShared(sharedLink(theirs)), session.adoptShared())],
  ["starting over", (session) => session.startOver()],
]) {
  test(`with storage full, ${operation} says so, keeps the saved answers, and Undo restores them`, () => {
    const { session, shared } = withMine();
    shared.fill();
    const report = run(session);
    assert.ok(saidSomething(report, "warning"), JSON.stringify(report.notices));
    assert.deepEqual(reopen(shared).own.answers, mine, "the saved record is the one from before");
    press(session, report, operation === "starting over" ? "undo" : "restore_previous");
    assert.deepEqual(session.own.answers, mine);
  });
}

test("with storage full, the history's Restore still works from memory, and what cannot be saved is said", () => {
  const { session, shared } = withMine();
  session.importText(file(theirs));
  shared.fill();
  const [entry] = session.records.history();
  const report = session.restore(entry.saved_at);
  assert.deepEqual(session.own.answers, mine);
  assert.ok(saidSomething(report, "warning"));
  assert.deepEqual(press(session, report, "restore_previous").changed, true);
  assert.deepEqual(session.own.answers, theirs);
});

test("an unreadable saved record is kept aside, offered for export, and never overwritten by the next answer", () => {
  const shared = new SharedStorage();
  shared.items.set(KEY, "{not json");
  shared.items.set("other-app", "keep me");
  const { session, opened } = openPage(shared);
  assert.equal(opened.notices[0].key, "saved_unreadable");
  session.answer(choices[0].id, choices[0].values[0]);
  assert.equal(press(session, opened, "export_unreadable").download.text, "{not json");
  assert.deepEqual(reopen(shared).records.aside().map((e) => e.raw), ["{not json"]);
  assert.equal(shared.items.get("other-app"), "keep me", "nothing else in storage is touched");
});

test("an unreadable record that cannot be kept aside (storage full) is held: no answer overwrites it until you choose", () => {
  const shared = new SharedStorage();
  shared.items.set(KEY, "{not json");
  shared.fill();
  const { session, opened } = openPage(shared);
  assert.equal(opened.notices[0].key, "held_unreadable");
  shared.quota = Infinity; // room again: still nothing overwrites the record unasked
  session.answer(choices[0].id, choices[0].values[0]);
  assert.equal(shared.items.get(KEY), "{not json");
  assert.equal(press(session, opened, "export_held").download.text, "{not json");
  press(session, opened, "save_over_held");
  assert.deepEqual(reopen(shared).own.answers, { [choices[0].id]: choices[0].values[0] });
});

test("a company name that grows past its limit under NFC is refused as typed, so the record always reads back", () => {
  const { session, shared } = withMine();
  const limit = contract.limits.label_chars;
  const typed = "\u0958".repeat(limit); // one UTF-16 unit each, two code points each after NFC
  assert.equal(session.setLabel("company", typed).refused, "label_too_long");
  assert.equal(session.setLabel("company", "\u0915\u093C".repeat(limit / 2)).refused, undefined);
  const later = openPage(shared);
  assert.deepEqual(later.opened.notices, []);
  assert.equal(later.session.own.company.length, limit);
});

test("a saved profile option a bank or brand change removed sets that option aside; the rest of the record still reads", () => {
  const shared = new SharedStorage();
  const record = { v: 2, bank_version: contract.version, profile: { model: "no-longer-offered", channels: ["alibaba", "gone"] }, answers: mine };
  shared.items.set(KEY, JSON.stringify(record));
  const { session, opened } = openPage(shared);
  assert.deepEqual(session.own.answers, mine);
  assert.deepEqual(session.own.profile, { channels: ["alibaba"] });
  assert.equal(opened.notices[0].key, "bank_changed");
  assert.deepEqual(session.records.history()[0].profile, record.profile, "the record as it was is in the history");
});

test("two tabs writing in the same instant both keep their answers", () => {
  const shared = new SharedStorage();
  const one = openPage(shared).session;
  const two = openPage(shared).session;
  shared.held = true; // neither tab hears of the other's write before making its own
  one.answer(choices[0].id, choices[0].values[1]);
  two.answer(choices[1].id, choices[1].values[2]);
  shared.deliver();
  shared.deliver(); // the merges each tab saved in turn
  const both = { [choices[0].id]: choices[0].values[1], [choices[1].id]: choices[1].values[2] };
  assert.deepEqual(one.own.answers, both);
  assert.deepEqual(two.own.answers, both);
  assert.deepEqual(reopen(shared).own.answers, both);
});

test("after many imports the first answers are still restorable, or their loss from the history is said with an export", () => {
  const { session, shared } = withMine();
  const reports = [];
  for (let n = 1; n <= 30; n += 1) reports.push(session.importText(file(answersOf(n, 6))));
  const inHistory = reopen(shared).records.history().some((e) => JSON.stringify(e.answers) === JSON.stringify(mine));
  const dropped = reports.flatMap((r) => r.notices).filter((n) => n.key === "history_dropped");
  assert.ok(inHistory || dropped.length, "the first answers went without a word");
  const exported = dropped.map((n) => session.run(n.actions[0]).download.text);
  assert.ok(inHistory || exported.some((text) => JSON.stringify(JSON.parse(text).answers) === JSON.stringify(mine)));
  assert.deepEqual(press(session, reports[0], "restore_previous").changed, true, "and the first import's undo still works");
  assert.deepEqual(session.own.answers, mine);
});

test("deleting a snapshot removes that one, even when another tab saved one meanwhile, and undoing keeps the new one", () => {
  const shared = new SharedStorage();
  const compare = openPage(shared).session.records;
  const assessment = openPage(shared).session.records;
  assessment.addSnapshot({ answers: mine });
  const [old] = compare.snapshots();
  assessment.addSnapshot({ answers: theirs }); // another tab, after the compare page listed the snapshots
  const { removed } = compare.deleteSnapshot(old.id);
  assert.deepEqual(compare.snapshots().map((s) => s.document.answers), [theirs]);
  compare.restoreSnapshot(removed);
  assert.deepEqual(compare.snapshots().map((s) => s.document.answers), [theirs, mine]);
});

test("an import made while viewing a share link is kept as your answers", () => {
  const { session, shared } = withMine();
  session.viewShared(sharedLink(theirs));
  const imported = answersOf(2);
  const report = session.importText(file(imported));
  session.leaveShared();
  assert.deepEqual(session.own.answers, imported);
  assert.deepEqual(reopen(shared).own.answers, imported);
  press(session, report, "restore_previous");
  assert.deepEqual(session.own.answers, mine);
});

test("a tab that dies in the middle of any replacing operation leaves your answers saved or in the history", () => {
  const operations = {
    import: (session) => session.importText(file(theirs)),
    adopt: (session) => (session.viewShared(sharedLink(theirs)), session.adoptShared()),
    startOver: (session) => session.startOver(),
  };
  for (const [name, run] of Object.entries(operations)) {
    for (let landing = 0; landing <= 3; landing += 1) {
      const { session, shared } = withMine();
      shared.landing = landing;
      run(session);
      shared.landing = Infinity;
      const later = reopen(shared);
      const kept = [later.own, ...later.records.history()].some((s) => JSON.stringify(s.answers) === JSON.stringify(mine));
      assert.ok(kept, `${name}, dying after ${landing} writes, lost the answers`);
    }
  }
});
