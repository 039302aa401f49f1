// @ts-check
// What the assessment keeps in this browser, under one key per brand: the
// company's own record, the history of states something replaced, records the
// page could not read (kept aside, never overwritten), snapshots and the mode.
// No DOM: the storage is injected (window.localStorage in the page, a fake in
// tests/js), and every write reports "ok", "full" or "unavailable" instead of
// throwing, so a caller can keep the previous record when a write fails.

/** @typedef {import("../types.js").State} State */
/** @typedef {import("../types.js").Outcome} Outcome */
/** @typedef {import("../types.js").StorageLike} StorageLike */
/** @typedef {{v: number, rev: string, base: string | null, bank_version: string, saved_at: string} & State} OwnRecord */
/** @typedef {{reason: string, saved_at: string, bank_version: string} & State} HistoryEntry */
/** @typedef {{raw: string, saved_at: string, from: string}} AsideEntry */
/** @typedef {{id: string, saved_at: string, document: Record<string, any>}} Snapshot */

export const HISTORY_LIMIT = 20;
export const SNAPSHOT_LIMIT = 20;
const ASIDE_LIMIT = 5;

import { canonical } from "./reports.js";

/** @param {unknown} error @returns {Outcome} */
export function failure(error) {
  const name = error && typeof error === "object" && "name" in error ? error.name : "";
  return name === "QuotaExceededError" || name === "NS_ERROR_DOM_QUOTA_REACHED" ? "full" : "unavailable";
}

/** The parts of a state that are kept; whatever else a record holds is dropped. @param {any} source @returns {State} */
export function recorded(source) {
  /** @type {State} */
  const kept = { profile: source.profile || {}, answers: source.answers || {}, notes: source.notes || {}, actions: source.actions || {} };
  if (source.respondent) kept.respondent = source.respondent;
  if (source.company) kept.company = source.company;
  return kept;
}

/** @param {unknown} value */
const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** A record as JSON text -> the record, or null when it is not one. @param {string} raw @returns {OwnRecord | null} */
export function parseRecord(raw) {
  try {
    const saved = JSON.parse(raw);
    if (!isObject(saved) || !isObject(saved.answers)) return null;
    return { ...recorded(saved), v: saved.v, rev: String(saved.rev ?? ""), base: saved.base ?? null, bank_version: saved.bank_version, saved_at: saved.saved_at };
  } catch {
    return null;
  }
}

const randomRev = () => Math.random().toString(36).slice(2, 10) + Date.now().toString(36);

export class Records {
  /**
   * @param {StorageLike | null} storage null: the browser refuses storage (nothing is kept)
   * @param {string} key the brand's storage key
   * @param {{now?: () => string, rev?: () => string}} [clock]
   */
  constructor(storage, key, { now = () => new Date().toISOString(), rev = randomRev } = {}) {
    this.storage = storage;
    this.key = key;
    this.historyKey = `${key}:history`;
    this.asideKey = `${key}:unreadable`;
    this.snapshotKey = `${key}:snapshots`;
    this.modeKey = `${key}:mode`;
    this.legacyBackupKey = `${key}:before-share`; // an earlier page's single backup, read into the history
    this.now = now;
    this.newRev = rev;
  }

  /** @param {string} key @returns {string | null | undefined} undefined: storage unavailable */
  read(key) {
    if (!this.storage) return undefined;
    try {
      return this.storage.getItem(key);
    } catch {
      return undefined;
    }
  }

  /** @param {string} key @param {string | null} value null removes @returns {Outcome} */
  write(key, value) {
    if (!this.storage) return "unavailable";
    try {
      if (value === null) this.storage.removeItem(key);
      else this.storage.setItem(key, value);
      return "ok";
    } catch (error) {
      return failure(error);
    }
  }

  /** @param {string} key @returns {any[]} */
  list(key) {
    try {
      const entries = JSON.parse(this.read(key) || "[]");
      return Array.isArray(entries) ? entries.filter(isObject) : [];
    } catch {
      return [];
    }
  }

  // -- The company's own record --------------------------------------------------------
  /** @returns {{status: "empty"} | {status: "unavailable"} | {status: "ok", record: OwnRecord, raw: string} | {status: "unreadable", raw: string}} */
  loadOwn() {
    const raw = this.read(this.key);
    if (raw === undefined) return { status: "unavailable" };
    if (raw === null) return { status: "empty" };
    const record = parseRecord(raw);
    return record ? { status: "ok", record, raw } : { status: "unreadable", raw };
  }

  /** @param {State} state @param {string} bankVersion @param {string | null} base the record it was made from @returns {{outcome: Outcome, record: OwnRecord}} */
  saveOwn(state, bankVersion, base) {
    const record = { v: 3, rev: this.newRev(), base, bank_version: bankVersion, ...recorded(state), saved_at: this.now() };
    return { outcome: this.write(this.key, JSON.stringify(record)), record };
  }

  /** @returns {Outcome} */
  removeOwn() {
    return this.write(this.key, null);
  }

  // -- Records the page could not read: kept aside, offered for export ------------------------
  /** @returns {AsideEntry[]} */
  aside() {
    return this.list(this.asideKey).filter((e) => typeof e.raw === "string");
  }

  /** A copy of an unreadable record; an older copy is never overwritten. @param {string} raw @param {string} from @returns {Outcome} */
  putAside(raw, from) {
    const entries = this.aside();
    if (entries.some((e) => e.raw === raw)) return "ok";
    if (entries.length >= ASIDE_LIMIT) return "full";
    return this.write(this.asideKey, JSON.stringify([...entries, { raw, saved_at: this.now(), from }]));
  }

  /** @param {number} index @returns {Outcome} */
  dropAside(index) {
    const entries = this.aside();
    entries.splice(index, 1);
    return this.write(this.asideKey, entries.length ? JSON.stringify(entries) : null);
  }

  // -- History: states something replaced, newest first -------------------------------------
  /** @returns {HistoryEntry[]} */
  history() {
    const entries = this.list(this.historyKey).filter((e) => isObject(e.answers));
    const legacy = parseRecord(this.read(this.legacyBackupKey) || "null");
    if (legacy) entries.push({ ...legacy, reason: "before_shared" });
    return entries;
  }

  /**
   * Keep a copy of a state before it is replaced. At HISTORY_LIMIT the oldest entry
   * is dropped, and returned, so the caller can say so and offer it for export.
   * @param {State} state @param {string} bankVersion @param {string} reason
   * @returns {{outcome: Outcome, dropped: HistoryEntry | null}}
   */
  remember(state, bankVersion, reason) {
    const entries = this.history();
    const kept = recorded(state);
    const text = canonical(kept);
    if (entries.some((e) => canonical(recorded(e)) === text)) return { outcome: "ok", dropped: null };
    const all = [{ reason, saved_at: this.now(), bank_version: bankVersion, ...kept }, ...entries];
    const dropped = all.length > HISTORY_LIMIT ? all[all.length - 1] : null;
    const outcome = this.write(this.historyKey, JSON.stringify(all.slice(0, HISTORY_LIMIT)));
    if (outcome === "ok") this.write(this.legacyBackupKey, null);
    return { outcome, dropped: outcome === "ok" ? dropped : null };
  }

  /** @param {string} savedAt the entry's time: an index could point at another tab's new entry @returns {Outcome} */
  forget(savedAt) {
    const entries = this.history().filter((e) => e.saved_at !== savedAt);
    this.write(this.legacyBackupKey, null);
    return this.write(this.historyKey, JSON.stringify(entries));
  }

  // -- Snapshots: dated copies saved on purpose, to compare later -------------------------------
  /** @returns {Snapshot[]} */
  snapshots() {
    return this.list(this.snapshotKey)
      .filter((e) => isObject(e.document) && isObject(e.document.answers))
      .map((e) => ({ ...e, id: String(e.id ?? e.saved_at) }));
  }

  /** @param {Record<string, any>} document @returns {Outcome} */
  addSnapshot(document) {
    const entry = { id: this.newRev(), saved_at: this.now(), document };
    return this.write(this.snapshotKey, JSON.stringify([entry, ...this.snapshots()].slice(0, SNAPSHOT_LIMIT)));
  }

  /** Delete one snapshot by its id, re-reading the list: another tab may have saved one meanwhile. @param {string} id @returns {{outcome: Outcome, removed: Snapshot | null}} */
  deleteSnapshot(id) {
    const entries = this.snapshots();
    const removed = entries.find((e) => e.id === id) || null;
    if (!removed) return { outcome: "ok", removed };
    return { outcome: this.write(this.snapshotKey, JSON.stringify(entries.filter((e) => e !== removed))), removed };
  }

  /** Put a deleted snapshot back in its place by date, beside whatever was saved since. @param {Snapshot} snapshot @returns {Outcome} */
  restoreSnapshot(snapshot) {
    const entries = this.snapshots().filter((e) => e.id !== snapshot.id);
    entries.push(snapshot);
    entries.sort((a, b) => (a.saved_at < b.saved_at ? 1 : a.saved_at > b.saved_at ? -1 : 0));
    return this.write(this.snapshotKey, JSON.stringify(entries));
  }

  // -- The assessment's length last chosen here -------------------------------------------------
  /** @returns {"quick" | "full" | null} */
  mode() {
    const mode = this.read(this.modeKey);
    return mode === "quick" || mode === "full" ? mode : null;
  }

  /** @param {"quick" | "full"} mode */
  setMode(mode) {
    this.write(this.modeKey, mode);
  }
}
