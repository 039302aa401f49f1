// The profile and answers, saved in this browser only (localStorage), under one
// key per brand. Never throws: a full, disabled or corrupt store is reported,
// and nothing else in storage is touched.

const HISTORY_LIMIT = 10;

// The parts of a state that are kept: profile, answers, notes, action states, labels.
// Whatever else a stored record holds is dropped; answers.js checks what is kept.
function recorded(state) {
  const kept = { profile: state.profile || {}, answers: state.answers || {}, notes: state.notes || {}, actions: state.actions || {} };
  if (state.respondent) kept.respondent = state.respondent;
  if (state.company) kept.company = state.company;
  return kept;
}
const SNAPSHOT_LIMIT = 20;

export class AnswerStore {
  constructor(key) {
    this.key = key;
    this.backupKey = `${key}:before-share`; // the single backup of earlier versions, folded into the history
    this.historyKey = `${key}:history`;
    this.modeKey = `${key}:mode`;
    this.snapshotKey = `${key}:snapshots`;
    // The page's head replaced a storage the browser refuses with one that lasts for this page only
    // (partials/javascripts/storage-guard.html): answers are not kept, and the page says so.
    this.blocked = Boolean(window.__rfStorageBlocked);
  }

  // The assessment's length last chosen here: "quick" or "full" (null if never chosen or unreadable).
  loadMode() {
    try {
      return window.localStorage.getItem(this.modeKey);
    } catch {
      return null;
    }
  }

  saveMode(mode) {
    try {
      window.localStorage.setItem(this.modeKey, mode);
    } catch {
      /* storage unavailable: the mode lasts for this visit */
    }
  }

  // -> {status: "empty" | "ok" | "corrupt" | "unavailable", saved: {profile, answers, bank_version}}
  load() {
    if (this.blocked) return { status: "unavailable" };
    let raw;
    try {
      raw = window.localStorage.getItem(this.key);
    } catch {
      return { status: "unavailable" };
    }
    if (raw === null) return { status: "empty" };
    try {
      const saved = JSON.parse(raw);
      if (!saved || typeof saved !== "object" || !saved.answers || typeof saved.answers !== "object" || Array.isArray(saved.answers)) {
        return { status: "corrupt" };
      }
      return { status: "ok", saved: { ...recorded(saved), bank_version: saved.bank_version } };
    } catch {
      return { status: "corrupt" };
    }
  }

  // -> "ok" | "full" | "unavailable"
  save(state, bankVersion, key = this.key) {
    if (this.blocked) return "unavailable";
    const record = JSON.stringify({ v: 2, bank_version: bankVersion, ...recorded(state), saved_at: new Date().toISOString() });
    try {
      window.localStorage.setItem(key, record);
      return "ok";
    } catch (error) {
      return error && error.name === "QuotaExceededError" ? "full" : "unavailable";
    }
  }

  clear(key = this.key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      /* storage unavailable: nothing to clear */
    }
  }

  // -- History: earlier states the visitor can go back to ------------------------
  // Before anything replaces the answers (an import, a shared link made theirs, a
  // restore, starting over) the state it replaces is remembered, newest first, at
  // most HISTORY_LIMIT of them. -> [{reason, saved_at, bank_version, profile, answers}]
  history() {
    try {
      const entries = JSON.parse(window.localStorage.getItem(this.historyKey) || "[]");
      const kept = Array.isArray(entries) ? entries.filter((e) => e && typeof e === "object" && e.answers && typeof e.answers === "object") : [];
      const old = JSON.parse(window.localStorage.getItem(this.backupKey) || "null");
      if (old && old.answers) kept.push({ reason: "before_shared", saved_at: old.saved_at, bank_version: old.bank_version, profile: old.profile || {}, answers: old.answers });
      return kept;
    } catch {
      return [];
    }
  }

  // -> "ok" | "full" | "unavailable" | "empty" (nothing worth remembering)
  remember(state, bankVersion, reason) {
    const kept = recorded(state);
    if (!Object.keys(kept.answers).length && !Object.keys(kept.profile).length && !Object.keys(kept.notes || {}).length) return "empty";
    const entries = this.history();
    if (entries.length && JSON.stringify(recorded(entries[0])) === JSON.stringify(kept)) return "ok";
    const entry = { reason, saved_at: new Date().toISOString(), bank_version: bankVersion, ...kept };
    return this.writeHistory([entry, ...entries].slice(0, HISTORY_LIMIT));
  }

  forget(index) {
    const entries = this.history();
    entries.splice(index, 1);
    return this.writeHistory(entries);
  }

  writeHistory(entries) {
    if (this.blocked) return "unavailable";
    try {
      window.localStorage.setItem(this.historyKey, JSON.stringify(entries));
      window.localStorage.removeItem(this.backupKey);
      return "ok";
    } catch (error) {
      return error && error.name === "QuotaExceededError" ? "full" : "unavailable";
    }
  }

  // -- Snapshots: dated copies the company saves on purpose, to compare later ----
  // -> [{saved_at, document: {profile, answers, bank_version, notes?, actions?, respondent?, company?}}], newest first
  snapshots() {
    try {
      const entries = JSON.parse(window.localStorage.getItem(this.snapshotKey) || "[]");
      return Array.isArray(entries) ? entries.filter((e) => e && e.document && typeof e.document.answers === "object") : [];
    } catch {
      return [];
    }
  }

  // -> "ok" | "full" | "unavailable"
  saveSnapshot(document) {
    const entries = [{ saved_at: new Date().toISOString(), document }, ...this.snapshots()].slice(0, SNAPSHOT_LIMIT);
    return this.writeList(this.snapshotKey, entries);
  }

  deleteSnapshot(index) {
    const entries = this.snapshots();
    entries.splice(index, 1);
    return this.writeList(this.snapshotKey, entries);
  }

  writeList(key, entries) {
    if (this.blocked) return "unavailable";
    try {
      window.localStorage.setItem(key, JSON.stringify(entries));
      return "ok";
    } catch (error) {
      return error && error.name === "QuotaExceededError" ? "full" : "unavailable";
    }
  }

  // The record another tab just wrote (a `storage` event's newValue). -> {profile, answers} | null
  static parse(raw) {
    try {
      const saved = JSON.parse(raw);
      return saved && typeof saved === "object" && saved.answers && typeof saved.answers === "object" && !Array.isArray(saved.answers)
        ? recorded(saved)
        : null;
    } catch {
      return null;
    }
  }
}
