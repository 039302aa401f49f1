// @ts-check
// The session's storage side (see session.js for the invariant it serves): the
// own answers as this tab knows them, what the stored record holds, saving it
// (a failed write is said once, with an export), keeping an unreadable record
// aside or holding it, exact copies for "Undo", exports and snapshots.
// session.js builds the operations on top of this.

import { documentOf, emptyState, isEmpty, stateFrom } from "../state.js";
import { download, storageTrouble } from "./reports.js";

/** @typedef {import("../types.js").State} State */
/** @typedef {import("../types.js").Report} Report */
/** @typedef {import("../types.js").Notice} Notice */
/** @typedef {import("../types.js").Contract} Contract */
/** @typedef {import("./records.js").Records} Records */

const KNOWN_REVISIONS = 32;

/** @param {State} state @returns {State} */
export const copy = (state) => structuredClone(state);

export class StoredSession {
  /** @param {{contract: Contract, records: Records, bankVersion: string, lang: string}} deps */
  constructor({ contract, records, bankVersion, lang }) {
    this.contract = contract;
    this.records = records;
    this.bankVersion = bankVersion;
    this.lang = lang;
    /** @type {State} the visitor's own answers */
    this.own = emptyState();
    /** @type {State | null} someone else's answers from a share link, shown read-only over the own */
    this.shared = null;
    /** @type {{rev: string | null, state: State} | null} what the stored record holds, as this tab knows it */
    this.stored = null;
    /** @type {Map<string, State>} records this tab wrote or read, by revision: the bases of another tab's changes */
    this.known = new Map();
    /** @type {Map<string, State>} exact copies of replaced answers, for "Undo" */
    this.undoable = new Map();
    /** @type {{raw: string | null, key: string} | null} a record nothing may overwrite until the visitor chooses */
    this.held = null;
    this.warned = false; // a failed write was reported; said again only after a write succeeds
    this.nextToken = 1;
  }

  /** What the page shows: the shared answers while looking at a share link, else the own. */
  get shown() {
    return this.shared ?? this.own;
  }

  /** An unreadable record: copied aside (never overwritten), else held. @param {string} raw @param {string} from @returns {Report} */
  keepAside(raw, from) {
    const outcome = this.records.putAside(raw, from);
    if (outcome !== "ok") return { changed: false, notices: [this.hold(raw, "held_unreadable")] };
    const index = this.records.aside().findIndex((e) => e.raw === raw);
    return {
      changed: false,
      notices: [{
        kind: "warning",
        key: "saved_unreadable",
        actions: [{ label: "export_unreadable", op: "exportAside", args: [index] }, { label: "discard_unreadable", op: "discardAside", args: [index] }],
      }],
    };
  }

  /** @param {string | null} raw @param {string} key @returns {Notice} */
  hold(raw, key) {
    this.held = { raw, key };
    const actions = [{ label: "save_over_held", op: "saveOverHeld" }];
    if (raw !== null) actions.unshift({ label: "export_held", op: "exportHeld" });
    return { kind: "warning", key, actions };
  }

  /** Write the own answers; on failure say so once and keep the previous record. @returns {Notice[]} */
  save() {
    if (this.held) return this.warnOnce(this.hold(this.held.raw, this.held.key));
    const { outcome, record } = isEmpty(this.own) && this.stored === null
      ? { outcome: /** @type {const} */ ("ok"), record: null }
      : this.records.saveOwn(this.own, this.bankVersion, this.stored?.rev ?? null);
    if (outcome !== "ok") return this.warnOnce(storageTrouble(outcome));
    this.warned = false;
    if (record) {
      this.know(record.rev, this.own);
      this.stored = { rev: record.rev, state: copy(this.own) };
    }
    return [];
  }

  /** @param {Notice} notice @returns {Notice[]} */
  warnOnce(notice) {
    if (this.warned) return [];
    this.warned = true;
    return [notice];
  }

  /** @param {string} rev @param {State} state */
  know(rev, state) {
    this.known.set(rev, copy(state));
    if (this.known.size > KNOWN_REVISIONS) this.known.delete(this.known.keys().next().value ?? "");
  }

  /** The copy could not be stored: hold the stored record, if there is one to protect. @param {string} outcome @returns {Notice[]} */
  protectRecord(outcome) {
    const raw = this.records.read(this.records.key);
    if (typeof raw === "string") return [this.hold(raw, "held_no_copy")];
    return this.warnOnce(storageTrouble(outcome === "full" ? "full" : "unavailable"));
  }

  /** Empty answers are no record at all (another tab hears "started over"). @returns {Notice[]} */
  saveOrRemove() {
    if (!isEmpty(this.own) || this.held) return this.save();
    const outcome = this.records.removeOwn();
    if (outcome !== "ok") return this.warnOnce(storageTrouble(outcome));
    this.stored = null;
    return [];
  }

  /** The visitor chose to save over a held record (after being offered its export). @returns {Report} */
  saveOverHeld() {
    this.held = null;
    this.warned = false;
    return { changed: false, notices: this.saveOrRemove() };
  }

  /** @returns {Report} */
  exportHeld() {
    return { changed: false, notices: [], download: this.held?.raw ? download("answers_held", this.held.raw, this.today()) : null };
  }

  /** @param {number} index @returns {Report} */
  exportAside(index) {
    const entry = this.records.aside()[index];
    return { changed: false, notices: [], download: entry ? download("answers_unreadable", entry.raw, this.today()) : null };
  }

  /** @param {number} index @returns {Report} */
  discardAside(index) {
    const outcome = this.records.dropAside(index);
    return { changed: false, notices: outcome === "ok" ? [] : [storageTrouble(outcome)] };
  }

  /**
   * The answers shown (or a history entry, with the bank it was saved with) as an answers file.
   * @param {State} [state] @param {string} [bankVersion] @returns {Report}
   */
  exportOwn(state = this.shown, bankVersion = this.bankVersion) {
    const date = this.today();
    const document = documentOf(stateFrom(state), { bank_version: bankVersion, lang: this.lang, date });
    return { changed: false, notices: [], download: download("answers", JSON.stringify(document, null, 2), date) };
  }

  /** The day, as files and their names carry it (YYYY-MM-DD). */
  today() {
    return this.records.now().slice(0, 10);
  }

  /** @returns {Report} */
  saveSnapshot() {
    const document = documentOf(this.shown, { bank_version: this.bankVersion, lang: this.lang, date: this.records.now() });
    const outcome = this.records.addSnapshot(document);
    if (outcome !== "ok") return { changed: false, notices: [storageTrouble(outcome)] };
    return { changed: false, notices: [{ kind: "info", key: "snapshot_saved", values: { count: this.records.snapshots().length }, tag: "snapshot" }] };
  }

  /** An "Undo" that brings back exactly `state`. @param {State} state @param {string} label @returns {import("../types.js").Action} */
  undoButton(state, label) {
    const token = String(this.nextToken++);
    this.undoable.set(token, copy(state));
    return { label, op: "undo", args: [token] };
  }

}
