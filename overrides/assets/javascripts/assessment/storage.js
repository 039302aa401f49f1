// The profile and answers, saved in this browser only (localStorage), under one
// key per brand. Never throws: a full, disabled or corrupt store is reported,
// and nothing else in storage is touched.

export class AnswerStore {
  constructor(key) {
    this.key = key;
    this.backupKey = `${key}:before-share`;
    this.modeKey = `${key}:mode`;
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
      return { status: "ok", saved: { profile: saved.profile || {}, answers: saved.answers, bank_version: saved.bank_version } };
    } catch {
      return { status: "corrupt" };
    }
  }

  // -> "ok" | "full" | "unavailable"
  save({ profile, answers }, bankVersion, key = this.key) {
    const record = JSON.stringify({ v: 2, bank_version: bankVersion, profile, answers, saved_at: new Date().toISOString() });
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

  backup(state, bankVersion) {
    return this.save(state, bankVersion, this.backupKey);
  }

  // -> {profile, answers} | null
  takeBackup() {
    try {
      const raw = window.localStorage.getItem(this.backupKey);
      window.localStorage.removeItem(this.backupKey);
      const saved = raw && JSON.parse(raw);
      return saved && saved.answers ? { profile: saved.profile || {}, answers: saved.answers } : null;
    } catch {
      return null;
    }
  }
}
