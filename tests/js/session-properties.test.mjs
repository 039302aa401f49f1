// The session's invariant, checked on random sequences of what a visitor, the
// browser and another tab do: no operation and no failure loses the visitor's own
// answers without telling them and offering an undo that restores exactly them.
// Seeded, so a failure names a sequence that replays (SEED=... node --test ...).
import assert from "node:assert/strict";
import { test } from "node:test";

import { canonical } from "../../overrides/assets/javascripts/assessment/session/reports.js";
import { isEmpty } from "../../overrides/assets/javascripts/assessment/state.js";
import { SharedStorage } from "./support/fake-storage.mjs";
import { KEY, answersOf, choices, file, openPage, sharedLink } from "./support/session.mjs";

const SEED = Number(process.env.SEED || 24);
const SEQUENCES = Number(process.env.SEQUENCES || 150);
const STEPS = 40;

/** mulberry32: a small seeded generator. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const json = canonical;
const undoButtons = (report) => report.notices.flatMap((n) => n.actions || []).filter((a) => a.op === "undo");
const warned = (report) => report.notices.some((n) => n.kind !== "info");

/** Whether anything `before` held is gone or different in `after` (an addition is no loss). */
function lostFrom(before, after) {
  const parts = ["profile", "answers", "notes", "actions"];
  const changed = parts.some((part) => Object.entries(before[part]).some(([id, value]) => json(after[part][id]) !== json(value)));
  return changed || ["company", "respondent"].some((label) => before[label] && before[label] !== after[label]);
}

/** What a visitor does on the page: edits of their own answers. */
function edits(pick) {
  const q = () => choices[Math.floor(pick() * choices.length)];
  return {
    answer: (s) => { const c = q(); return s.answer(c.id, c.values[Math.floor(pick() * c.values.length)]); },
    clear: (s) => s.answer(q().id, undefined),
    note: (s) => s.setNote(q().id, pick() < 0.2 ? "x".repeat(400) : `from report ${Math.floor(pick() * 9)}`),
    label: (s) => s.setLabel("company", pick() < 0.2 ? "\u0958".repeat(80) : `Oak ${Math.floor(pick() * 9)}`),
    action: (s) => s.setActionState("product.positioning.one-pager", pick() < 0.5 ? "done" : ""),
  };
}

/** What replaces the own answers, or shows others over them. */
function replacing(pick) {
  return {
    import: (s) => s.importText(pick() < 0.1 ? "{broken" : file(answersOf(Math.floor(pick() * 7), 1 + Math.floor(pick() * 8)))),
    share: (s) => s.viewShared(sharedLink(answersOf(Math.floor(pick() * 7), 3))),
    adopt: (s) => s.adoptShared(),
    leave: (s) => s.leaveShared(),
    startOver: (s) => s.startOver(),
    restore: (s) => {
      const entries = s.records.history();
      return entries.length ? s.restore(entries[Math.floor(pick() * entries.length)].saved_at) : { changed: false, notices: [] };
    },
  };
}

/** One random sequence; returns a description of the first broken promise, or null. */
function runSequence(seed) {
  const pick = random(seed);
  const shared = new SharedStorage();
  const page = openPage(shared);
  const other = openPage(shared).session; // a second tab of the same site
  const byUser = edits(pick);
  const replacers = replacing(pick);
  const log = [];
  let unsaved = false; // a write failed or a record is held since the saved record last matched
  for (let step = 0; step < STEPS; step += 1) {
    const session = page.session;
    const roll = pick();
    if (roll < 0.05) shared.fill();
    else if (roll < 0.1) shared.quota = Infinity;
    else if (roll < 0.14) {
      const c = choices[Math.floor(pick() * choices.length)];
      log.push(`other tab answers ${c.id}`);
      const before = structuredClone(session.own.answers);
      session.tabReports = [];
      other.answer(c.id, c.values[0]);
      const conflict = session.lastTabReport?.notices.some((n) => n.key === "other_tab_conflict");
      // Another tab's write may add answers (it was told, and kept its own, if this one started over)
      // and sets the one it gave; it never takes away one of this tab's.
      const lost = Object.keys(before).filter((id) => id !== c.id && session.own.answers[id] !== before[id]);
      const keeps = (state) => state && Object.entries(before).every(([id, value]) => state.answers[id] === value);
      const undo = session.tabReports.flatMap(undoButtons).find((a) => keeps(session.undoable.get(a.args[0])));
      if (lost.length && !undo) return `${log.join(" → ")}: another tab's write took away ${lost}${process.env.DEBUG ? ` ${json(before)} ${json(session.own.answers)} ${json(other.own.answers)} ${json(session.tabReports)}` : ""}`;
      const given = session.own.answers[c.id];
      if (!conflict && given !== c.values[0] && given !== before[c.id]) return `${log.join(" → ")}: another tab's answer was not merged as given`;
      continue;
    }
    if (process.env.TRACE) console.error(step, log.at(-1), "A", Object.keys(session.own.answers).join(","), "| B", Object.keys(other.own.answers).join(","), "| S", Object.keys(JSON.parse(shared.items.get(KEY) || '{"answers":{}}').answers).join(","), shared.quota);
    const table = pick() < 0.55 ? byUser : replacers;
    const names = Object.keys(table);
    const name = names[Math.floor(pick() * names.length)];
    log.push(name);
    const before = structuredClone(session.own);
    session.tabReports = [];
    const report = table[name](session);
    if (warned(report) || session.tabReports.some(warned)) unsaved = true;
    // 1. Answers replaced (anything of them lost or changed) come with an undo that restores exactly them.
    if (!(name in byUser) && lostFrom(before, session.own)) {
      const undos = [report, ...session.tabReports].flatMap(undoButtons);
      if (!undos.length) return `${log.join(" → ")}: the answers were replaced without an undo${process.env.DEBUG ? ` ${json(before)} ${json(session.own)} ${json(report)}` : ""}`;
      if (!undos.some((undo) => json(session.undoable.get(undo.args[0])) === json(before))) {
        return `${log.join(" → ")}: no undo would restore exactly the answers before`;
      }
    }
    // 2. What a reload finds is what the page shows, unless the page said it could not save.
    const reloaded = new SharedStorage();
    reloaded.items = new Map(shared.items);
    const later = openPage(reloaded).session;
    // (The page's warning stands until a write succeeds again, or the visitor chooses about a held record.)
    if (json(later.own) === json(session.own) && !session.held && !session.warned) unsaved = false;
    else if (!unsaved) return `${log.join(" → ")}: a reload finds other answers, and nothing was said${process.env.DEBUG ? `\n${json(later.own)}\n${json(session.own)}\n${json(report)}` : ""}`;
    // 3. No unreadable record is ever written.
    const raw = shared.items.get(KEY);
    if (raw !== undefined && openPage(reloaded).opened.notices.some((n) => n.key.includes("unreadable"))) {
      return `${log.join(" → ")}: the page wrote a record it cannot read`;
    }
  }
  return null;
}

test(`random sequences of answers, imports, shared links, start-overs, restores, full storage and another tab (seed ${SEED})`, () => {
  for (let n = 0; n < SEQUENCES; n += 1) {
    const broken = runSequence(Number(process.env.ONLY || SEED * 1000 + n));
    assert.equal(broken, null, `sequence ${SEED * 1000 + n}`);
  }
});

test("undoing every replacement in turn walks back through exactly the answers replaced", () => {
  const pick = random(SEED);
  const { session } = openPage();
  const seen = [];
  const undos = [];
  for (let n = 0; n < 12; n += 1) {
    seen.push(structuredClone(session.own));
    const report = pick() < 0.5 ? session.importText(file(answersOf(n, 4))) : (session.viewShared(sharedLink(answersOf(n + 3, 2))), session.adoptShared());
    undos.push(undoButtons(report)[0]);
  }
  for (let n = undos.length - 1; n >= 1; n -= 1) {
    session.run(undos[n]);
    assert.deepEqual(session.own, seen[n]);
  }
});
