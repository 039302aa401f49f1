// @ts-check
// The self-assessment page: the session (session/session.js, no DOM) and the
// views that show it (views/*.js), wired together. Every change the reader makes
// is an intent sent to the session; what it reports (notices, a file to hand
// over, whether the answers shown changed) is rendered here. Loaded only on the
// assessment page.

import { decodeShare } from "./assessment/answers.js";
import { inAppView, mayEvictStorage } from "./assessment/browsers.js";
import { readContract } from "./assessment/contract.js";
import { startEngine } from "./assessment/engine-start.js";
import { Reports } from "./assessment/report.js";
import { Records } from "./assessment/session/records.js";
import { fileName } from "./assessment/session/reports.js";
import { complete, progress, quickSet, whereNext } from "./assessment/session/progress.js";
import { Session } from "./assessment/session/session.js";
import { documentOf } from "./assessment/state.js";
import { alternativesView, appViewText, openInBrowserText } from "./assessment/views/alternatives.js";
import { wireControls } from "./assessment/views/controls.js";
import { formView } from "./assessment/views/form.js";
import { historyView } from "./assessment/views/history.js";
import { notesView } from "./assessment/views/notes.js";
import { download, noticeBoard } from "./assessment/views/notices.js";
import { scoringView } from "./assessment/views/scoring.js";
import { stepsView } from "./assessment/views/steps.js";

/** @typedef {import("./assessment/types.js").Report} Report */

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const data = (id) => JSON.parse(byId(id).textContent || "null");

class AssessmentPage {
  /** @param {HTMLElement} root #assessment */
  constructor(root) {
    this.root = root;
    const strings = data("rf-strings");
    /** @param {string} key */
    this.t = (key) => strings[key] ?? key;
    this.contract = readContract(data("rf-contract"));
    this.quick = data("rf-quick");
    this.form = /** @type {HTMLFormElement} */ (byId("rf-form"));
    this.lang = root.dataset.lang || "en";
    this.records = new Records(window.__rfStorageBlocked ? null : window.localStorage, root.dataset.storageKey || "rf");
    this.session = new Session({ contract: this.contract, records: this.records, bankVersion: root.dataset.bankVersion || "", lang: this.lang, quick: this.quick });
    // The engine loads first: it takes longest, and nothing waits on it.
    const started = startEngine(root, this.t, {
      onReady: () => this.render(),
      onFailed: (text) => this.board.show({ kind: "error", key: "", text, actions: [{ label: "export", op: "exportOwn" }] }).classList.add("rf-engine-failed"),
    });
    this.engine = started.engine;
    const results = byId("rf-results").dataset;
    this.reports = new Reports({ engine: this.engine, lang: this.lang, brand: results.reportBrand, bands: results.bands, t: this.t });
    const views = this.makeViews(started.status);
    this.board = views.board;
    this.questions = views.questions;
    this.notes = views.notes;
    this.steps = views.steps;
    this.earlier = views.earlier;
    this.results = views.results;
    /** The app whose built-in browser this is (WeChat ...), or null: it cannot print or save files. */
    this.appView = inAppView(navigator.userAgent);
    this.alternatives = alternativesView(this);
    this.storageCared = false;
  }

  /**
   * Once the reader has answers to lose: ask the browser to keep them (persistent storage,
   * where it grants that), and where it may still delete them after a week (Safari), say
   * so once, with the export at hand.
   */
  careForStorage() {
    // In an app's web view the page has said already what keeps the answers (the link, the text).
    if (this.storageCared || this.appView || !Object.keys(this.session.own.answers).length) return;
    this.storageCared = true;
    const told = `${this.records.key}:told-eviction`;
    const homeScreen = window.matchMedia?.("(display-mode: standalone)").matches || /** @type {any} */ (navigator).standalone === true;
    const asked = navigator.storage?.persist ? navigator.storage.persist().catch(() => false) : Promise.resolve(false);
    asked.then((kept) => {
      if (kept || !mayEvictStorage({ userAgent: navigator.userAgent, touchPoints: navigator.maxTouchPoints, homeScreen })) return;
      try {
        if (window.localStorage.getItem(told)) return;
        window.localStorage.setItem(told, "1");
      } catch {
        return; // storage refused: nothing is kept to lose
      }
      this.board.show({ kind: "info", key: "storage_may_evict", actions: [{ label: "export", op: "exportOwn" }] });
    });
  }

  /** @param {{current: () => void}} status */
  makeViews(status) {
    const { form, contract, t, session, lang } = this;
    const board = noticeBoard(byId("rf-notices"), t, (action) => this.act(action));
    const questions = formView({ form, contract, t }, {
      answer: (id, value) => this.apply(session.answer(id, value)),
      profile: (profile) => this.apply(session.setProfile(profile)),
    });
    const notes = notesView({ form, fieldsets: questions.fieldsets, t, limits: contract.limits }, {
      note: (id, text) => this.apply(session.setNote(id, text), { rescore: true }),
      label: (name, text) => this.apply(session.setLabel(name, text), { rescore: true }),
    });
    const steps = stepsView({ root: this.root, form, t, dimensions: contract.dimensions.size });
    const earlier = historyView({ t, lang }, {
      restore: (savedAt) => this.apply(session.restore(savedAt)),
      forget: (savedAt) => this.apply(session.forget(savedAt)),
    });
    const home = (this.root.dataset.home || "/").replace(/\/?$/, "/");
    const results = scoringView({
      engine: this.engine, reports: this.reports, lang, t, home, templates: data("rf-templates"), questionText: questions.questionText, onStatus: status,
      onError: (reason) => board.show({ kind: "error", key: "engine_error", values: { reason } }),
    });
    results.onActionState((id, value) => this.apply(session.setActionState(id, value)));
    return { board, questions, notes, steps, earlier, results };
  }

  /** A notice's button: moving on the page (the welcome's), or an operation of the session. @param {import("./assessment/types.js").Action} action */
  act(action) {
    const [argument] = action.args || [];
    if (action.op === "continueAt") this.steps.showPillar(String(argument));
    else if (action.op === "seeResults") byId("rf-results").scrollIntoView();
    else if (action.op === "openCompare") window.location.assign(/** @type {HTMLAnchorElement} */ (byId("rf-compare-link")).href);
    else this.apply(this.session.run(action));
  }

  /** The quick check's questions for the answers shown, or null in the full assessment. */
  asked() {
    return this.session.asked();
  }

  /** Show what the session holds now. */
  render() {
    const shown = this.session.shown;
    const readOnly = this.session.shared !== null;
    this.questions.show(shown, { readOnly });
    this.notes.show(shown);
    this.questions.focusOn(this.asked());
    const counted = progress(this.contract, shown, this.asked());
    this.steps.showProgress(counted, Object.keys(shown.profile).length);
    this.showModeOffers(complete(counted));
    byId("rf-shared-view").hidden = !readOnly;
    this.earlier.show(this.records.history());
    this.score();
  }

  score() {
    this.results.score(documentOf(this.session.shown), { quick: this.session.mode === "quick", readOnly: this.session.shared !== null });
  }

  /** The quick check's offer names its own count, and goes once everything is answered. @param {boolean} done */
  showModeOffers(done) {
    for (const count of this.root.querySelectorAll("[data-quick-count]")) count.textContent = String(quickSet(this.quick, this.session.shown).size);
    for (const element of this.root.querySelectorAll("[data-mode-offer]")) {
      const offer = /** @type {HTMLElement} */ (element);
      offer.hidden = offer.dataset.modeOffer !== this.session.mode || (done && this.session.mode === "full");
    }
  }

  /** Render what an operation reported. @param {Report} report @param {{rescore?: boolean}} [how] @returns {Report} */
  apply(report, { rescore = false } = {}) {
    this.board.drop("welcome"); // its counts and "continue at" no longer hold
    this.board.showAll(report.notices);
    if (report.download) download({ name: fileName(report.download, this.t), text: report.download.text });
    if (report.changed) this.render();
    else if (rescore) this.score();
    else this.earlier.show(this.records.history());
    if (report.changed) this.careForStorage();
    return report;
  }

  /** @param {"quick" | "full"} mode */
  setMode(mode) {
    this.session.setMode(mode);
    this.render();
    this.steps.showPillar(whereNext(this.contract, this.session.shown, this.asked()) ?? this.steps.first);
  }

  /** A share link in the address: shown read-only, opening on the results. @param {string} fragment @returns {boolean} */
  openShare(fragment, layouts = {}) {
    const decoded = decodeShare(fragment, this.contract, layouts);
    if (!decoded) return false;
    window.history.replaceState(null, "", location.pathname + location.search);
    if ("error" in decoded && decoded.error === "reason_unknown_version" && !Object.keys(layouts).length) {
      // Layouts of earlier banks, fetched only for a link made with one (assets/engine/layouts.json).
      const known = fetch(this.root.dataset.layouts || "").then((r) => (r.ok ? r.json() : {}));
      known.catch(() => ({})).then((found) => this.openShare(fragment, found && Object.keys(found).length ? found : { none: true }));
      return true;
    }
    if (!("error" in decoded)) this.results.revealNext();
    this.apply(this.session.viewShared(decoded));
    return !("error" in decoded);
  }

  /** A returning visitor: what is saved, and where to go on (or the results, when all is answered). @param {string | null} resumeAt */
  welcome(resumeAt) {
    const counted = progress(this.contract, this.session.own, this.asked());
    const done = complete(counted) || resumeAt === null;
    /** @type {import("./assessment/types.js").Action[]} */
    const actions = [{ label: "see_results_now", op: "seeResults" }];
    if (!done) actions.unshift({ label: "continue_at", values: { pillar: this.steps.pillarName(String(resumeAt)) }, op: "continueAt", args: [resumeAt] });
    const key = done ? "welcome_back_complete" : "welcome_back";
    this.board.show({ kind: "info", key, values: { answered: counted.answered, total: counted.total }, actions, tag: "welcome" }, byId("rf-welcome"));
  }

  start() {
    wireControls(this);
    this.board.showAll(this.session.open().notices);
    if (this.appView) {
      // In the page, above the questions, not over them: on a phone the notice stack would cover the form.
      this.board.show({ kind: "info", key: "appview_notice", text: appViewText(this.appView, this.t), tag: "appview" }, byId("rf-welcome"));
      this.alternatives.offer(openInBrowserText(this.appView, this.t));
    }
    const openedShared = this.openShare(location.hash);
    if (location.hash === "#quick") {
      this.session.setMode("quick"); // the home page's link
      window.history.replaceState(null, "", location.pathname + location.search);
    }
    this.render();
    const resumeAt = whereNext(this.contract, this.session.shown, this.asked());
    this.steps.showPillar(resumeAt ?? this.steps.first, false);
    if (!openedShared && Object.keys(this.session.own.answers).length) this.welcome(resumeAt);
    this.careForStorage(); // a returning reader's saved answers
    window.addEventListener("hashchange", () => {
      if (location.hash !== "#quick") return void this.openShare(location.hash);
      window.history.replaceState(null, "", location.pathname + location.search);
      this.setMode("quick");
    });
    window.addEventListener("storage", (event) => {
      if (event.key === this.records.key) this.apply(this.session.fromOtherTab(event.newValue));
      else if (event.key === this.records.historyKey) this.earlier.show(this.records.history());
    });
  }
}

function init() {
  const root = document.getElementById("assessment");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  new AssessmentPage(root).start();
}

// mkdocs-material's page-load hook when the theme provides it (instant
// navigation), otherwise run now: module scripts execute after parsing.
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
else init();

/** @typedef {AssessmentPage} Page */
