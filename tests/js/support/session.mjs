// A session over fake storage, as the assessment page makes one (assessment.js).
import { Session } from "../../../overrides/assets/javascripts/assessment/session/session.js";
import { Records } from "../../../overrides/assets/javascripts/assessment/session/records.js";
import { contract } from "./contract.mjs";
import { SharedStorage } from "./fake-storage.mjs";

export const KEY = "rf-test";

let tick = 0;
/** A clock that moves on by a second each time it is read: entries never share a time. */
export const clock = () => new Date(Date.UTC(2026, 0, 1) + 1000 * tick++).toISOString();

/** A page open in a tab of `shared` (a new SharedStorage if none), its saved answers read. */
export function openPage(shared = new SharedStorage()) {
  const tab = shared.tab();
  const session = new Session({ contract, records: new Records(tab, KEY, { now: clock }), bankVersion: contract.version, lang: "en" });
  const opened = session.open();
  tab.listener = (key, value) => {
    if (key !== KEY) return;
    session.lastTabReport = session.fromOtherTab(value);
    session.tabReports = [...(session.tabReports || []), session.lastTabReport];
  };
  return { session, shared, tab, opened };
}

/** Choice questions of the bank, with their values: answers to pick from. */
export const choices = [...contract.questions.values()].filter((q) => q.kind === "choice").map((q) => ({ id: q.id, values: [...q.values] }));

/** Some answers: the n-th value (wrapping) of each of the first `count` choice questions. */
export function answersOf(n, count = 5) {
  return Object.fromEntries(choices.slice(0, count).map((q, i) => [q.id, q.values[(n + i) % q.values.length]]));
}

/** An answers file's text. */
export function file(answers, extra = {}) {
  return JSON.stringify({ profile: {}, answers, ...extra });
}

/** The decoded share link of some answers, as answers.js decodeShare gives it. */
export function sharedLink(answers) {
  return { profile: {}, answers, notes: {}, actions: {}, migrated: [], setAside: [], hidden: [], profileSetAside: [] };
}

/** The notice's action with this label, run: what pressing its button does. */
export function press(session, report, label) {
  const action = report.notices.flatMap((n) => n.actions || []).find((a) => a.label === label);
  if (!action) throw new Error(`no "${label}" button among ${JSON.stringify(report.notices.map((n) => n.key))}`);
  return session.run(action);
}

export function reopen(shared) {
  return openPage(shared).session;
}
