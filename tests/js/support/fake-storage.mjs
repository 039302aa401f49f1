// Storage as the session meets it in a browser, with the faults the browser has:
// a quota (QuotaExceededError), a browser that refuses storage, a tab that dies
// after some writes (nothing after them lands), and other tabs of the same origin
// sharing one storage, each told of the others' writes as a `storage` event
// would tell it: at once, or held and delivered later ("in the same instant").

export class SharedStorage {
  constructor() {
    /** @type {Map<string, string>} */
    this.items = new Map();
    this.quota = Infinity; // characters, keys and values together
    this.refused = false;
    this.landing = Infinity; // writes that still land: a tab dying mid-operation
    this.held = false;
    this.delivering = false;
    /** @type {{tab: Tab, key: string, value: string | null}[]} */
    this.queue = [];
    /** @type {Tab[]} */
    this.tabs = [];
  }

  size(without = "") {
    let total = 0;
    for (const [key, value] of this.items) if (key !== without) total += key.length + value.length;
    return total;
  }

  /** A tab of this origin: its own `localStorage` view, and a listener for the others' writes. */
  tab() {
    const tab = new Tab(this);
    this.tabs.push(tab);
    return tab;
  }

  /** Fill the storage up to its quota: the next write that adds anything fails. */
  fill() {
    this.quota = this.size();
  }

  /** Deliver what is queued, in order; a write made while delivering is heard after, never inside another tab's handler. */
  deliver() {
    this.held = false;
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.queue.length) {
        const event = this.queue.shift();
        event.tab.listener?.(event.key, event.value);
      }
    } finally {
      this.delivering = false;
    }
  }

  /** @param {Tab} from @param {string} key @param {string | null} value */
  notify(from, key, value) {
    for (const tab of this.tabs) if (tab !== from && tab.listener) this.queue.push({ tab, key, value });
    if (!this.held) this.deliver();
  }
}

class Tab {
  /** @param {SharedStorage} shared */
  constructor(shared) {
    this.shared = shared;
    /** @type {((key: string, value: string | null) => void) | null} */
    this.listener = null;
  }

  guard() {
    if (this.shared.refused) throw new DOMException("The user denied storage", "SecurityError");
  }

  getItem(key) {
    this.guard();
    return this.shared.items.has(key) ? this.shared.items.get(key) : null;
  }

  setItem(key, value) {
    this.guard();
    const text = String(value);
    if (this.shared.size(key) + key.length + text.length > this.shared.quota) throw new DOMException("quota", "QuotaExceededError");
    if (this.shared.landing <= 0) return; // the tab is gone: nothing it writes lands
    this.shared.landing -= 1;
    this.shared.items.set(key, text);
    this.shared.notify(this, key, text);
  }

  removeItem(key) {
    this.guard();
    if (this.shared.landing <= 0) return;
    this.shared.landing -= 1;
    this.shared.items.delete(key);
    this.shared.notify(this, key, null);
  }
}
