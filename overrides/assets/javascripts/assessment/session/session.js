// @ts-check
// The assessment's session: one company's answers, profile, notes, action
// states and labels, the shared view over them, the history of what was
// replaced, and another tab's changes. No DOM: storage comes in as Records
// (records.js) and every operation returns a Report (types.js) that a view
// renders. tests/js/session*.test.mjs drive it with a fake storage.
//
// The invariant every operation keeps: no operation and no failure loses the
// visitor's own answers without telling them and offering an undo that
// restores exactly them. Concretely:
// 1. An operation that replaces the own answers (import, adopt shared, start
//    over, restore, another tab's answers) keeps an exact copy in memory and
//    offers it back ("Undo"), and copies it into the stored history first.
// 2. The stored record is replaced or removed only once that copy is stored
//    (or, for an unreadable record, once it is kept aside). When the copy cannot
//    be stored, the record is held: nothing overwrites it until the visitor has
//    been told and chooses (export it, or save the new answers over it).
// 3. A write that fails says so (once per run of failures), offers an export,
//    and leaves the previous record as it was.
// 4. Text is normalised (NFC, plaintext.js) before its limit is checked, so the
//    page never stores a record it could not read back.

import { checkDocument, parseDocument } from "../answers.js";
import { clean, length } from "../plaintext.js";
import { emptyState, isEmpty, stateFrom } from "../state.js";
import { mergeTabStates } from "../tabs.js";
import { HISTORY_LIMIT, parseRecord, recorded } from "./records.js";
import { announceChecked, bankChanged, same, storageTrouble } from "./reports.js";
import { quickSet } from "./progress.js";
import { StoredSession, copy } from "./stored.js";

/** @typedef {import("../types.js").State} State */
/** @typedef {import("../types.js").Report} Report */
/** @typedef {import("../types.js").Notice} Notice */
/** @typedef {import("../types.js").Contract} Contract */
/** @typedef {import("../types.js").Checked} Checked */
/** @typedef {import("./records.js").Records} Records */

/** Operations a notice's button may run (Session.run): nothing else is callable by name. */
const OPERATIONS = new Set(["undo", "restore", "keepThese", "useOtherTab", "exportOwn", "exportAside", "discardAside", "saveOverHeld", "exportHeld"]);

export class Session extends StoredSession {
  /** @param {{contract: Contract, records: Records, bankVersion: string, lang: string, quick?: import("./progress.js").Quick}} deps */
  constructor(deps) {
    super(deps);
    this.quick = deps.quick ?? { by: "", sets: [] };
    /** @type {"quick" | "full"} the quick check (its few questions, a provisional root) or the full assessment */
    this.mode = this.records.mode() === "quick" ? "quick" : "full";
  }

  /** The questions that count now: the quick check's for the answers shown, or null (all of them). */
  asked() {
    return this.mode === "quick" ? quickSet(this.quick, this.shown) : null;
  }

  /** Switch between the quick check and the full assessment; every answer is kept either way. @param {"quick" | "full"} mode */
  setMode(mode) {
    this.mode = mode;
    this.records.setMode(mode);
  }

  /** Run the operation a notice's button names. @param {import("../types.js").Action} action @returns {Report} */
  run(action) {
    if (!OPERATIONS.has(action.op)) throw new Error(`not a session operation: ${action.op}`);
    return /** @type {any} */ (this)[action.op](...(action.args || []));
  }

  // -- Start ------------------------------------------------------------------------------
  /** Read the saved answers. @returns {Report} */
  open() {
    const loaded = this.records.loadOwn();
    if (loaded.status === "unavailable") {
      this.warned = true;
      return { changed: false, notices: [storageTrouble("unavailable")] };
    }
    if (loaded.status === "empty") return { changed: false, notices: [] };
    if (loaded.status === "unreadable") return this.keepAside(loaded.raw, "saved");
    const checked = readSaved(loaded.record, this.contract);
    if ("error" in checked) return this.keepAside(loaded.raw, "saved");
    this.own = stateFrom(checked);
    this.know(loaded.record.rev, this.own);
    this.stored = { rev: loaded.record.rev, state: copy(this.own) };
    const older = loaded.record.bank_version !== this.bankVersion && Object.keys(loaded.record.answers).length > 0;
    const lost = checked.setAside.length + checked.hidden.length + (checked.profileSetAside?.length ?? 0);
    if (!older && !lost) return { changed: true, notices: [] };
    // Earlier answers are kept in the history before the record is rewritten for this bank.
    const notices = [bankChanged(checked)];
    const kept = this.records.remember(loaded.record, loaded.record.bank_version, "before_bank_update");
    if (kept.outcome === "ok") notices.push(...this.save());
    else notices.push(this.hold(loaded.raw, "held_bank_update"));
    return { changed: true, notices };
  }

  /** An edit of the own answers (the form is read-only over a shared view). @param {(state: State) => void} change @returns {Report} */
  edit(change) {
    if (this.shared) return { changed: false, notices: [] };
    const before = copy(this.own);
    change(this.own);
    if (same(this.own, before)) return { changed: false, notices: [] };
    return { changed: true, notices: this.save() };
  }

  // -- Edits --------------------------------------------------------------------------------
  /** @param {string} id @param {import("../types.js").Answer | undefined} value undefined clears it @returns {Report} */
  answer(id, value) {
    return this.edit((state) => {
      if (value === undefined) delete state.answers[id];
      else state.answers[id] = value;
    });
  }

  /** @param {Record<string, string | string[]>} profile @returns {Report} */
  setProfile(profile) {
    return this.edit((state) => { state.profile = { ...profile }; });
  }

  /** A note as typed: cleaned as the engine cleans it; over the limit it is refused, not cut. @param {string} id @param {string} typed @returns {Report} */
  setNote(id, typed) {
    const text = clean(typed, true);
    if (length(text) > this.contract.limits.note_chars) return { changed: false, notices: [], refused: "note_too_long" };
    return this.edit((state) => {
      if (text) state.notes[id] = text;
      else delete state.notes[id];
    });
  }

  /** The company or respondent: one line, normalised before its limit is checked. @param {"company" | "respondent"} name @param {string} typed @returns {Report} */
  setLabel(name, typed) {
    const text = clean(typed, false);
    if (length(text) > this.contract.limits.label_chars) return { changed: false, notices: [], refused: "label_too_long" };
    return this.edit((state) => {
      if (text) state[name] = text;
      else delete state[name];
    });
  }

  /** @param {string} id @param {string} value "", "in-progress" or "done" @returns {Report} */
  setActionState(id, value) {
    if (!this.contract.actions.includes(id)) return { changed: false, notices: [] };
    return this.edit((state) => {
      if (value === "in-progress" || value === "done") state.actions[id] = value;
      else delete state.actions[id];
    });
  }

  // -- Replacing the own answers --------------------------------------------------------------
  /**
   * The own answers become `next`; what they were is kept (invariant 1 and 2).
   * @param {State} next @param {string} reason the history's word for it @param {Notice} said
   * @returns {Report}
   */
  replace(next, reason, said) {
    const previous = this.own;
    this.own = copy(next);
    if (isEmpty(previous) || same(previous, next)) return { changed: true, notices: [said, ...this.saveOrRemove()] };
    const undo = this.undoButton(previous, reason === "before_start_over" ? "undo" : "restore_previous");
    /** @type {Notice[]} */
    const notices = [{ ...said, actions: [...(said.actions || []), undo], tag: "undo" }];
    const kept = this.held ? { outcome: "held", dropped: null } : this.records.remember(previous, this.bankVersion, reason);
    if (kept.outcome === "ok") notices.push(...this.saveOrRemove());
    else if (!this.held) notices.push(...this.protectRecord(kept.outcome));
    if (kept.dropped) notices.push({ kind: "info", key: "history_dropped", values: { date: kept.dropped.saved_at.slice(0, 10), limit: HISTORY_LIMIT }, actions: [{ label: "export", op: "exportOwn", args: [kept.dropped, kept.dropped.bank_version] }] });
    return { changed: true, notices };
  }

  /** An answers file's text. @param {string} text @returns {Report} */
  importText(text) {
    const checked = parseDocument(text, this.contract);
    if ("error" in checked) return { changed: false, notices: [{ kind: "error", key: "import_invalid", values: reasonValues(checked) }] };
    this.shared = null; // an import is the visitor's own: it ends a shared view
    const said = { kind: /** @type {const} */ ("info"), key: "import_done", values: { count: Object.keys(checked.answers).length } };
    const report = this.replace(stateFrom(checked), "before_import", said);
    return { ...report, notices: [...report.notices, ...announceChecked(checked)] };
  }

  /** A share link's answers (answers.js decodeShare), shown read-only. @param {Checked | import("../types.js").Refusal} decoded @returns {Report} */
  viewShared(decoded) {
    if ("error" in decoded) return { changed: false, notices: [{ kind: "error", key: "share_invalid", values: reasonValues(decoded) }] };
    this.shared = stateFrom(decoded);
    return { changed: true, notices: announceChecked(decoded) };
  }

  /** @returns {Report} */
  adoptShared() {
    if (!this.shared) return { changed: false, notices: [] };
    const next = this.shared;
    this.shared = null;
    return this.replace(next, "before_shared", { kind: "info", key: "adopted_shared" });
  }

  /** @returns {Report} */
  leaveShared() {
    const changed = this.shared !== null;
    this.shared = null;
    return { changed, notices: [] };
  }

  /** Clears the visitor's own answers (and ends a shared view): undone at once, or later from the history. @returns {Report} */
  startOver() {
    if (isEmpty(this.own) && !this.shared) return { changed: false, notices: [] };
    this.shared = null;
    return this.replace(emptyState(), "before_start_over", { kind: "info", key: "started_over" });
  }

  /** @param {string} token @returns {Report} */
  undo(token) {
    const previous = this.undoable.get(token);
    if (!previous) return { changed: false, notices: [] };
    this.shared = null;
    return this.replace(previous, "before_restore", { kind: "info", key: "restored_previous" });
  }

  /** A history entry, by its time. @param {string} savedAt @returns {Report} */
  restore(savedAt) {
    const entry = this.records.history().find((e) => e.saved_at === savedAt);
    if (!entry) return { changed: false, notices: [] };
    const { reason, saved_at: when, bank_version: version, ...kept } = entry;
    const checked = checkDocument(kept, this.contract, { saved: true });
    if ("error" in checked) return { changed: false, notices: [{ kind: "error", key: "import_invalid", values: reasonValues(checked) }] };
    this.shared = null;
    return this.replace(stateFrom(checked), "before_restore", { kind: "info", key: "restored_previous" });
  }

  /** @param {string} savedAt @returns {Report} */
  forget(savedAt) {
    const outcome = this.records.forget(savedAt);
    return { changed: false, notices: outcome === "ok" ? [] : [storageTrouble(outcome)] };
  }

  // -- Another tab ------------------------------------------------------------------------------
  /**
   * Another tab wrote the record (a `storage` event's newValue). Merge, don't overwrite:
   * the base is the record the other tab's write was made from, when this tab knows it.
   * @param {string | null} raw @returns {Report}
   */
  fromOtherTab(raw) {
    if (raw === null) {
      this.stored = null;
      return { changed: false, notices: isEmpty(this.own) ? [] : [{ kind: "info", key: "other_tab_cleared", actions: [{ label: "keep_these", op: "keepThese" }] }] };
    }
    const record = parseRecord(raw);
    const checked = record && readSaved(record, this.contract);
    if (!record || !checked || "error" in checked) return this.keepAside(raw, "other_tab");
    const theirs = stateFrom(checked);
    const base = (record.base !== null && this.known.get(record.base)) || emptyState();
    this.know(record.rev, theirs);
    this.stored = { rev: record.rev, state: copy(theirs) };
    const previous = this.own;
    const { state: merged, conflicts, changed } = mergeTabStates(base, previous, theirs);
    this.own = /** @type {State} */ (merged);
    const notices = same(merged, theirs) ? [] : this.save(); // the other tab converges on the merge
    if (!changed) return { changed: false, notices };
    // Where the other tab's value replaced one of this tab's, this tab's answers can be had back.
    const actions = overwrote(previous, this.own) ? [this.undoButton(previous, "restore_previous")] : [];
    if (conflicts.length) actions.unshift({ label: "use_other_tab", op: "useOtherTab", args: [record.rev] });
    const said = conflicts.length
      ? { kind: /** @type {const} */ ("warning"), key: "other_tab_conflict", values: { count: conflicts.length }, actions }
      : { kind: /** @type {const} */ ("info"), key: "other_tab_merged", actions };
    return { changed: !this.shared, notices: [said, ...notices] };
  }

  /** After another tab started over: save this tab's answers again. @returns {Report} */
  keepThese() {
    return { changed: false, notices: this.save() };
  }

  /** Take another tab's answers where both changed one (this tab's can be undone). @param {string} rev @returns {Report} */
  useOtherTab(rev) {
    const theirs = this.known.get(rev);
    if (!theirs) return { changed: false, notices: [] };
    return this.replace(theirs, "before_other_tab", { kind: "info", key: "used_other_tab" });
  }
}

/** Whether `after` lost or changed anything `before` held (an added entry is no loss). @param {State} before @param {State} after */
function overwrote(before, after) {
  const parts = /** @type {const} */ (["profile", "answers", "notes", "actions"]);
  const lost = parts.some((part) => Object.entries(before[part]).some(([id, value]) => !same(after[part][id], value)));
  return lost || (before.company && before.company !== after.company) || (before.respondent && before.respondent !== after.respondent);
}

/** A stored record, checked as this site's own storage is (leniently). @param {import("./records.js").OwnRecord} record @param {Contract} contract */
function readSaved(record, contract) {
  return checkDocument({ ...recorded(record), bank_version: record.bank_version }, contract, { saved: true });
}

/** @param {import("../types.js").Refusal} refusal */
function reasonValues({ error, id }) {
  return { reason: error, ...(id ? { id } : {}) };
}
