// The self-assessment page: the business profile and its effects, saving,
// pillar steps, share/export/import, and live results from the engine.
// Loaded only on the assessment page.

import { MAX_FILE_BYTES, checkDocument, decodeShare, encodeShare, isValidAnswer, parseDocument } from "./assessment/answers.js";
import { appliesTo, breakEven, readContract, scaleFor, toBase, toTyped } from "./assessment/contract.js";
import { format, h } from "./assessment/dom.js";
import { Engine } from "./assessment/engine.js";
import { engineStatus } from "./assessment/engine-status.js";
import { keepOffline } from "./assessment/offline.js";
import { Reports, wireReportButtons } from "./assessment/report.js";
import { renderResults, summarise } from "./assessment/results.js";
import { AnswerStore } from "./assessment/storage.js";
import { clean, length } from "./assessment/plaintext.js";
import { documentOf, emptyState, isEmpty, stateFrom } from "./assessment/state.js";
import { mergeTabStates } from "./assessment/tabs.js";

const NUMBER_SAVE_DELAY_MS = 300;

function init() {
  const root = document.getElementById("assessment");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";

  const strings = JSON.parse(document.getElementById("rf-strings").textContent);
  const t = (key) => strings[key] ?? key;
  const contract = readContract(JSON.parse(document.getElementById("rf-contract").textContent));
  const templates = JSON.parse(document.getElementById("rf-templates").textContent);
  const quick = JSON.parse(document.getElementById("rf-quick").textContent);
  const quickSets = new Map(quick.sets); // business model -> question ids; the first is the default
  const form = document.getElementById("rf-form");
  const bankVersion = root.dataset.bankVersion;
  const lang = root.dataset.lang;
  const home = root.dataset.home.endsWith("/") ? root.dataset.home : `${root.dataset.home}/`;
  const store = new AnswerStore(root.dataset.storageKey);
  const resultsBody = document.getElementById("rf-results-body");
  const resultsEmpty = document.getElementById("rf-results-empty");
  const live = document.getElementById("rf-live");
  const status = document.getElementById("rf-engine-status");
  const notices = document.getElementById("rf-notices");
  const fieldsets = new Map([...form.querySelectorAll("[data-question-id]")].map((f) => [f.dataset.questionId, f]));
  let state = emptyState();
  let lastSaved = state; // what this tab last saved or loaded: the base for merging another tab's changes
  let engine = null;
  let lastRoot;
  let scoring = 0;
  let pendingSave = null; // a typed figure waiting to be saved
  let sharedView = null; // {own}: a share link's answers shown read-only over the visitor's own
  let revealResults = false; // scroll to the results once they are rendered (a share link opens on them)
  let mode = "full"; // or "quick": the profile and the few questions that most often decide the root

  // -- The engine starts loading first: it takes longest, and nothing waits on it --
  const engineView = engineStatus({ status, results: document.getElementById("rf-results"), t });
  engineView.loading();
  engine = new Engine({
    pyodide: root.dataset.pyodide.endsWith("/") ? root.dataset.pyodide : `${root.dataset.pyodide}/`,
    wheel: root.dataset.wheel,
    snapshot: root.dataset.snapshot,
    snapshotSha256: root.dataset.snapshotSha256,
    bankVersion,
    onProgress: (message) => engineView.progress(message),
    onStale: (reason) => engineView.restarting(reason),
    onReady: (message) => {
      engineView.ready(message);
      score(); // after a restart: the current answers, scored again
      keepOffline(root.dataset.serviceWorker);
    },
    onFailed: (reason, { wasReady }) => {
      engineView.failed();
      const text = reason === "no_wasm" ? t("no_wasm") : reason;
      const message = format(t(wasReady ? "engine_stopped" : "engine_failed"), { reason: text });
      notice("error", message, [[t("export"), exportAnswers]]).classList.add("rf-engine-failed");
      resultsEmpty.textContent = message;
    },
  });

  // The printed report and the peer bands (report.js): the brand's data comes from the build.
  const resultsData = document.getElementById("rf-results").dataset;
  const reports = new Reports({ engine, lang, brand: resultsData.reportBrand, bands: resultsData.bands, t });

  // -- Notices --------------------------------------------------------------
  function notice(kind, text, actions = []) {
    const box = h(
      "div",
      { class: `rf-notice rf-notice--${kind}`, role: kind === "error" ? "alert" : "status", dataset: { notice: kind } },
      h("p", {}, text),
      actions.map(([label, handler]) => h("button", { type: "button", class: "md-button", onclick: () => { handler(); box.remove(); } }, label)),
      h("button", { type: "button", class: "rf-notice__close", "aria-label": t("dismiss"), onclick: () => box.remove() }, "×"),
    );
    notices.append(box);
    return box;
  }

  // Why a file or link was refused; an id is named only when it looks like one (answers.js).
  function reasonText({ error, id }) {
    return format(t(error), { id: id ?? t("unnamed_id") });
  }

  // -- The profile: which questions apply, which scale a figure is typed in --
  function readProfile() {
    const profile = {};
    for (const fieldset of form.querySelectorAll("[data-profile-id]")) {
      const id = fieldset.dataset.profileId;
      const checked = [...fieldset.querySelectorAll("input:checked")].map((input) => input.value);
      if (!checked.length) continue;
      profile[id] = fieldset.dataset.kind === "multiple" ? checked : checked[0];
    }
    return profile;
  }

  // -- The quick check: which questions it asks depends on the business model --
  function quickSet() {
    const chosen = [state.profile[quick.by] ?? []].flat();
    const key = chosen.find((value) => quickSets.has(value)) ?? quickSets.keys().next().value;
    return new Set(quickSets.get(key) ?? []);
  }

  function inPlay(id) {
    return mode !== "quick" || quickSet().has(id);
  }

  function applyMode() {
    const asked = quickSet();
    root.classList.toggle("is-quick", mode === "quick");
    for (const [id, fieldset] of fieldsets) fieldset.classList.toggle("is-outside-quick", mode === "quick" && !asked.has(id));
    for (const offer of root.querySelectorAll("[data-mode-offer]")) offer.hidden = offer.dataset.modeOffer !== mode;
  }

  function setMode(next, { resume = false } = {}) {
    mode = next;
    store.saveMode(mode);
    applyMode();
    updateProgress();
    score();
    if (resume) showPillar(firstOpenPillar());
  }

  function firstOpenPillar() {
    if (!Object.keys(state.profile).length) return sections[0].dataset.pillar;
    const open = sections.find((s) => s.dataset.pillar !== "profile" && [...s.querySelectorAll("[data-question-id]")].some((f) => {
      const id = f.dataset.questionId;
      return !(id in state.answers) && appliesTo(contract.questions.get(id), state.profile) && inPlay(id);
    }));
    return (open || sections[0]).dataset.pillar;
  }

  function applyProfile() {
    applyMode();
    for (const [id, fieldset] of fieldsets) {
      const question = contract.questions.get(id);
      const ruledOut = !appliesTo(question, state.profile) && state.answers[id] === undefined;
      fieldset.classList.toggle("is-by-profile", ruledOut);
      fieldset.querySelector("[data-by-profile]").hidden = !ruledOut;
      if (question.kind === "number") layoutNumber(fieldset, question);
    }
  }

  function layoutNumber(fieldset, question) {
    const scale = scaleFor(question, state.profile);
    const input = fieldset.querySelector("input[type=number]");
    const unit = fieldset.querySelector("[data-unit]");
    if (unit) unit.textContent = scale.unit;
    input.min = String(toTyped(question.min, scale));
    input.max = String(toTyped(question.max, scale));
    const value = state.answers[question.id];
    if (typeof value === "number" && document.activeElement !== input) input.value = String(toTyped(value, scale));
    const hint = fieldset.querySelector("[data-hint]");
    if (input.getAttribute("aria-invalid") !== "true") hint.textContent = scale.note || format(t("number_range"), { min: input.min, max: input.max });
    const breakEvenLine = fieldset.querySelector("[data-break-even]");
    if (breakEvenLine) {
      const margin = state.answers[question.break_even_from];
      const value = breakEven(margin);
      breakEvenLine.textContent = value === null ? t("break_even_missing") : format(t("break_even"), { margin, value: Number.isFinite(value) ? value.toFixed(2) : "∞" });
    }
  }

  // -- Answers <-> form -----------------------------------------------------
  function writeForm() {
    for (const input of form.querySelectorAll("[data-label]")) {
      if (document.activeElement !== input) input.value = state[input.dataset.label] || "";
    }
    for (const [id, fieldset] of fieldsets) {
      const text = state.notes[id];
      const box = fieldset.querySelector(".rf-note");
      if (text) noteBox(fieldset).querySelector("textarea").value = text;
      else if (box && !box.contains(document.activeElement)) closeNote(fieldset);
    }
    for (const fieldset of form.querySelectorAll("[data-profile-id]")) {
      const chosen = state.profile[fieldset.dataset.profileId];
      const values = Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [chosen];
      for (const input of fieldset.querySelectorAll("input")) input.checked = values.includes(input.value);
      fieldset.classList.toggle("is-answered", values.length > 0);
    }
    for (const [id, fieldset] of fieldsets) {
      const value = state.answers[id];
      if (fieldset.dataset.kind === "number") {
        const input = fieldset.querySelector("input[type=number]");
        const special = typeof value === "string" ? value : null;
        for (const box of fieldset.querySelectorAll("input[type=checkbox]")) box.checked = box.value === special;
        input.disabled = special !== null;
        input.value = typeof value === "number" ? String(toTyped(value, scaleFor(contract.questions.get(id), state.profile))) : "";
        input.removeAttribute("aria-invalid");
      } else {
        for (const input of fieldset.querySelectorAll("input[type=radio]")) input.checked = input.value === value;
      }
      markAnswered(fieldset, value !== undefined);
    }
    applyProfile();
  }

  // -- Evidence notes: a field per question, made when asked for or when a note exists --
  const noteLimit = contract.limits.note_chars;
  function noteBox(fieldset) {
    const existing = fieldset.querySelector(".rf-note");
    if (existing) return existing;
    const id = fieldset.dataset.questionId;
    const box = h(
      "div",
      { class: "rf-note" },
      h("label", { for: `note-${id}` }, t("note_label")),
      h("textarea", { id: `note-${id}`, rows: "2", maxlength: String(noteLimit), dataset: { note: id }, "aria-describedby": `note-count-${id}`, dir: "auto" }),
      h("p", { class: "rf-note__count", id: `note-count-${id}`, "aria-live": "polite" }),
    );
    fieldset.querySelector("[data-note-toggle]").hidden = true;
    fieldset.append(box);
    return box;
  }
  function closeNote(fieldset) {
    fieldset.querySelector(".rf-note")?.remove();
    fieldset.querySelector("[data-note-toggle]").hidden = false;
  }
  // A note or a label as typed: cleaned as the engine cleans it, saved shortly after, never over its limit.
  function readText(field) {
    if (field.dataset.label) {
      const text = clean(field.value, false);
      if (text) state[field.dataset.label] = text;
      else delete state[field.dataset.label];
      return;
    }
    const id = field.dataset.note;
    const text = clean(field.value, true);
    const count = field.closest(".rf-note").querySelector(".rf-note__count");
    const over = length(text) > noteLimit;
    field.setAttribute("aria-invalid", String(over));
    count.textContent = over ? format(t("note_too_long"), { limit: noteLimit }) : format(t("note_count"), { count: length(text), limit: noteLimit });
    if (over) return;
    if (text) state.notes[id] = text;
    else delete state.notes[id];
  }

  function markAnswered(fieldset, answered) {
    fieldset.classList.toggle("is-answered", answered);
    fieldset.querySelector("[data-clear]").hidden = !answered;
  }

  function readNumber(fieldset, { commit = true } = {}) {
    const id = fieldset.dataset.questionId;
    const question = contract.questions.get(id);
    const input = fieldset.querySelector("input[type=number]");
    const special = [...fieldset.querySelectorAll("input[type=checkbox]")].find((box) => box.checked);
    input.disabled = Boolean(special);
    if (special) return setAnswer(id, special.value);
    const scale = scaleFor(question, state.profile);
    const typed = input.value.trim() === "" ? undefined : Number(input.value);
    const value = typed === undefined ? undefined : toBase(typed, scale);
    const valid = value === undefined || isValidAnswer(question, value);
    input.setAttribute("aria-invalid", String(!valid));
    const hint = fieldset.querySelector("[data-hint]");
    hint.textContent = valid ? scale.note || format(t("number_range"), { min: input.min, max: input.max }) : format(t("number_invalid"), { min: input.min, max: input.max });
    if (valid) setAnswer(id, value, { commit });
  }

  function readChoice(fieldset) {
    const checked = fieldset.querySelector("input[type=radio]:checked");
    setAnswer(fieldset.dataset.questionId, checked ? checked.value : undefined);
  }

  function setAnswer(id, value, { commit = true } = {}) {
    if (value === undefined) delete state.answers[id];
    else state.answers[id] = value;
    markAnswered(fieldsets.get(id), value !== undefined);
    changed({ save: commit });
  }

  function changed({ save = true } = {}) {
    if (save) {
      clearTimeout(pendingSave);
      pendingSave = null;
      persist();
    }
    applyProfile();
    updateProgress();
    score();
  }

  let storageWarned = false;
  function persist() {
    if (sharedView) return; // someone else's answers are shown, never saved over the visitor's own
    const outcome = store.save(state, bankVersion);
    if (outcome === "ok") lastSaved = structuredClone(state);
    if (outcome !== "ok" && !storageWarned) {
      storageWarned = true;
      notice("warning", t(outcome === "full" ? "storage_full" : "storage_unavailable"), [[t("export"), exportAnswers]]);
    }
  }

  function counts() {
    const byPillar = {};
    let answered = 0;
    let total = 0;
    for (const [id, fieldset] of fieldsets) {
      const counted = (state.answers[id] !== undefined || appliesTo(contract.questions.get(id), state.profile)) && inPlay(id);
      const pillar = (byPillar[fieldset.dataset.pillar] ??= { answered: 0, total: 0 });
      if (!counted) continue;
      pillar.total += 1;
      total += 1;
      if (state.answers[id] !== undefined) {
        pillar.answered += 1;
        answered += 1;
      }
    }
    return { answered, total, byPillar };
  }

  function updateProgress() {
    const { answered, total, byPillar } = counts();
    document.getElementById("rf-progress-text").textContent = format(t("progress"), { answered, total });
    const bar = document.getElementById("rf-progress-bar");
    bar.max = total;
    bar.value = answered;
    for (const counter of root.querySelectorAll("[data-count]")) {
      const pillar = counter.dataset.count;
      if (pillar === "profile") counter.textContent = `${Object.keys(state.profile).length}/${contract.dimensions.size}`;
      else counter.textContent = `${byPillar[pillar]?.answered ?? 0}/${byPillar[pillar]?.total ?? 0}`;
    }
  }

  // -- Scoring ----------------------------------------------------------------
  function questionText(id) {
    return fieldsets.get(id)?.querySelector("legend")?.textContent.trim() || id;
  }

  async function score() {
    if (!engine || engine.state !== "ready") return;
    const ticket = ++scoring;
    const payload = await engine.assess(documentOf(state), lang);
    if (ticket !== scoring) return; // a newer answer is already being scored
    if (payload.stale) return; // the engine stopped: it restarts and scores again, or says it failed
    if (!payload.ok) {
      notice("error", format(t("engine_error"), { reason: payload.error }));
      return;
    }
    const result = payload.result;
    const peers = result.answered > 0 ? await reports.placement(documentOf(state)) : null;
    if (ticket !== scoring) return;
    const any = result.answered > 0;
    resultsEmpty.hidden = any;
    resultsBody.hidden = !any;
    const provisional = mode === "quick" ? { answered: result.answered } : null;
    // Re-drawing the results must not throw a keyboard user out of the status they just set.
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.actionState : undefined;
    if (any) renderResults(resultsBody, result, { t, home, questionText, templates, quick: provisional, readOnly: Boolean(sharedView), peers });
    if (focused) resultsBody.querySelector(`[data-action-state="${CSS.escape(focused)}"]`)?.focus();
    if (revealResults) {
      revealResults = false;
      document.getElementById("rf-results").scrollIntoView();
    }
    if (any && result.root !== lastRoot) live.textContent = summarise(result, t);
    lastRoot = result.root;
    resultsBody.dataset.answered = String(result.answered);
    engineView.current();
  }

  // -- Pillar steps -----------------------------------------------------------
  const sections = [...form.querySelectorAll(".rf-pillar")];
  root.classList.add("rf-stepped");
  // In-page jumps land below the sticky header and toolbar (CSS scroll-margin reads this).
  const toolbar = root.querySelector(".rf-toolbar");
  function measureSticky() {
    const header = document.querySelector(".md-header");
    const height = (header ? header.offsetHeight : 0) + toolbar.offsetHeight;
    document.documentElement.style.setProperty("--rf-sticky", `${height}px`);
  }
  measureSticky();
  if (typeof ResizeObserver === "function") new ResizeObserver(measureSticky).observe(toolbar);
  function showPillar(id, focus = true) {
    for (const section of sections) section.classList.toggle("is-current", section.dataset.pillar === id);
    for (const step of root.querySelectorAll(".rf-step")) {
      if (step.dataset.step === id) step.setAttribute("aria-current", "step");
      else step.removeAttribute("aria-current");
    }
    if (focus) {
      const heading = document.getElementById(`pillar-${id}-title`);
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
      heading.scrollIntoView({ block: "start" });
    }
  }
  function goToQuestion(id) {
    const fieldset = fieldsets.get(id);
    if (!fieldset) return;
    showPillar(fieldset.dataset.pillar, false);
    fieldset.scrollIntoView({ block: "center" });
    fieldset.querySelector("input").focus({ preventScroll: true });
  }
  for (const area of [root, document.getElementById("rf-results")]) {
    area.addEventListener("click", (event) => {
      const step = event.target.closest("[data-step]");
      const goto = event.target.closest("[data-goto]");
      const anyway = event.target.closest("[data-answer-anyway]");
      const modeSwitch = event.target.closest("[data-mode]");
      if (modeSwitch) {
        event.preventDefault();
        setMode(modeSwitch.dataset.mode, { resume: true });
      } else if (step) {
        event.preventDefault();
        showPillar(step.dataset.step);
      } else if (goto) {
        event.preventDefault();
        goToQuestion(goto.dataset.goto);
      } else if (anyway) {
        const fieldset = fieldsets.get(anyway.dataset.answerAnyway);
        fieldset.classList.remove("is-by-profile");
        fieldset.querySelector("[data-by-profile]").hidden = true;
        fieldset.querySelector("input").focus();
      }
    });
  }

  // Nothing here ever submits: the answers stay on the page.
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("change", (event) => {
    if (event.target.matches("[data-note], [data-label]")) return; // saved as typed (the input handler)
    const profileFieldset = event.target.closest("[data-profile-id]");
    if (profileFieldset) {
      state.profile = readProfile();
      profileFieldset.classList.toggle("is-answered", profileFieldset.querySelector("input:checked") !== null);
      changed();
      return;
    }
    const fieldset = event.target.closest("[data-question-id]");
    if (!fieldset) return;
    if (fieldset.dataset.kind === "number") {
      if (event.target.type === "checkbox" && event.target.checked) {
        for (const box of fieldset.querySelectorAll("input[type=checkbox]")) if (box !== event.target) box.checked = false;
      }
      readNumber(fieldset);
    } else readChoice(fieldset);
  });
  // A typed figure counts at once and is saved shortly after, without leaving the
  // field; leaving the page saves what is still pending (and only that: another
  // tab's newer answers are never overwritten by this page's stale state).
  function flushPending() {
    if (pendingSave === null) return;
    clearTimeout(pendingSave);
    pendingSave = null;
    persist();
  }
  form.addEventListener("input", (event) => {
    if (event.target.matches("[data-note], [data-label]")) {
      readText(event.target);
      clearTimeout(pendingSave);
      pendingSave = setTimeout(() => {
        flushPending();
        score(); // the results show notes and the company's name
      }, NUMBER_SAVE_DELAY_MS);
      return;
    }
    if (event.target.type !== "number") return;
    readNumber(event.target.closest("[data-question-id]"), { commit: false });
    clearTimeout(pendingSave);
    pendingSave = setTimeout(flushPending, NUMBER_SAVE_DELAY_MS);
  });
  window.addEventListener("pagehide", flushPending);
  form.addEventListener("click", (event) => {
    const toggle = event.target.closest("[data-note-toggle]");
    if (toggle) {
      noteBox(toggle.closest("[data-question-id]")).querySelector("textarea").focus();
      return;
    }
    const clear = event.target.closest("[data-clear]");
    if (!clear) return;
    const id = clear.dataset.clear;
    delete state.answers[id];
    writeForm();
    changed();
    fieldsets.get(id).querySelector("input").focus();
  });

  // -- Plan actions: not started, in progress, done ------------------------------
  resultsBody.addEventListener("change", (event) => {
    const select = event.target.closest("[data-action-state]");
    if (!select || sharedView) return;
    if (select.value) state.actions[select.dataset.actionState] = select.value;
    else delete state.actions[select.dataset.actionState];
    changed();
  });

  // -- Share, export, import, print, start over --------------------------------
  function announceMigration(checked) {
    const moved = checked.migrated.length;
    const aside = checked.setAside.length;
    if (moved || aside) notice("info", format(t("bank_changed"), { kept: Object.keys(checked.answers).length, removed: aside, moved }));
    if (checked.hidden.length) notice("info", format(t("hidden_set_aside"), { count: checked.hidden.length }));
  }

  function applyState(incoming, message) {
    const previous = state;
    if (!isEmpty(previous) && JSON.stringify(documentOf(previous)) !== JSON.stringify(documentOf(stateFrom(incoming)))) {
      remember(previous, "before_import");
      notice("info", message, [[t("restore_previous"), () => restoreEntry(0)]]);
    } else {
      notice("info", message);
    }
    state = stateFrom(incoming);
    writeForm();
    changed();
  }

  // -- History: every state replaced by an import, a shared link, a restore or a
  // start-over can be brought back (newest first, a bounded list) ---------------
  const historyBox = document.getElementById("rf-history");
  function remember(snapshot, reason) {
    store.remember(snapshot, bankVersion, reason);
    renderHistory();
  }
  function restoreEntry(index) {
    const entry = store.history()[index];
    if (!entry) return;
    const { reason, saved_at: when, ...kept } = entry;
    const checked = checkDocument(kept, contract, { saved: true });
    if (checked.error) {
      notice("error", format(t("import_invalid"), { reason: reasonText(checked) }));
      return;
    }
    remember(state, "before_restore");
    state = stateFrom(checked);
    writeForm();
    changed();
    notice("info", t("restored_previous"));
  }
  function renderHistory() {
    const entries = store.history();
    historyBox.hidden = entries.length === 0;
    document.getElementById("rf-history-summary").textContent = format(t("history_title"), { count: entries.length });
    const when = (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime()) ? "" : date.toLocaleString(document.documentElement.lang || undefined);
    };
    document.getElementById("rf-history-list").replaceChildren(
      ...entries.map((entry, index) =>
        h(
          "li",
          { class: "rf-history__entry", dataset: { reason: String(entry.reason) } },
          h("span", {}, `${when(entry.saved_at)} · ${t(`history_${entry.reason}`)} · ${format(t("history_count"), { count: Object.keys(entry.answers).length })} `),
          h("button", { type: "button", class: "md-button", onclick: () => restoreEntry(index) }, t("history_restore")),
          h("button", { type: "button", class: "md-button", onclick: () => { store.forget(index); renderHistory(); } }, t("history_delete")),
        ),
      ),
    );
  }

  document.getElementById("rf-share").addEventListener("click", async () => {
    const { link, omitted } = encodeShare(state, contract);
    const url = `${location.origin}${location.pathname}#${link}`;
    const output = document.getElementById("rf-share-output");
    const field = document.getElementById("rf-share-url");
    const status = document.getElementById("rf-share-status");
    output.hidden = false;
    field.value = url;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      status.textContent = t("share_copied");
    } catch {
      status.textContent = t("share_shown"); // the link is shown and selected; copying is up to the reader
    }
    // A link has room for only so many notes; the export file keeps them all.
    if (omitted.length) status.textContent += ` ${format(t("share_notes_left_out"), { count: omitted.length })}`;
  });

  function exportAnswers() {
    const document_ = documentOf(state, { bank_version: bankVersion, lang, date: new Date().toISOString().slice(0, 10) });
    const blob = new Blob([JSON.stringify(document_, null, 2)], { type: "application/json" });
    const link = h("a", { href: URL.createObjectURL(blob), download: "assessment-answers.json" });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }
  document.getElementById("rf-export").addEventListener("click", exportAnswers);

  const fileInput = document.getElementById("rf-import-file");
  document.getElementById("rf-import").addEventListener("click", () => fileInput.click());
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files[0];
    fileInput.value = "";
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      notice("error", format(t("import_invalid"), { reason: t("reason_too_large") }));
      return;
    }
    const checked = parseDocument(await file.text(), contract);
    if (checked.error) {
      notice("error", format(t("import_invalid"), { reason: reasonText(checked) }));
      return;
    }
    applyState(checked, format(t("import_done"), { count: Object.keys(checked.answers).length }));
    announceMigration(checked);
  });

  wireReportButtons(reports, {
    download: document.getElementById("rf-report"),
    print: document.getElementById("rf-print"),
    status: document.getElementById("rf-report-status"),
    document: () => documentOf(state),
    hasAnswers: () => Object.keys(state.answers).length > 0,
    onError: (text) => notice("error", text, [[t("export"), exportAnswers]]),
  });
  document.getElementById("rf-snapshot").addEventListener("click", () => {
    const outcome = store.saveSnapshot(documentOf(state, { bank_version: bankVersion, lang, date: new Date().toISOString() }));
    // The comparison's page, when the brand publishes it: where snapshots are compared and deleted.
    const compare = document.getElementById("rf-compare-link");
    const next = compare ? [[t("compare_open"), () => window.location.assign(compare.href)]] : [];
    if (outcome === "ok") notice("info", format(t("snapshot_saved"), { count: store.snapshots().length }), next).dataset.snapshot = "true";
    else notice("warning", t(outcome === "full" ? "storage_full" : "storage_unavailable"), [[t("export"), exportAnswers]]);
  });
  document.getElementById("rf-report-date").textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined);

  // Starting over asks nothing: it can be undone, at once from the notice or later from the history.
  document.getElementById("rf-reset").addEventListener("click", () => {
    if (isEmpty(state)) return;
    remember(state, "before_start_over");
    state = emptyState();
    store.clear();
    lastSaved = emptyState();
    writeForm();
    changed({ save: false });
    showPillar(sections[0].dataset.pillar);
    notice("info", t("started_over"), [[t("undo"), () => restoreEntry(0)]]).dataset.undo = "true";
  });

  // -- Another tab of this site changed the answers: merge, don't overwrite -------
  window.addEventListener("storage", (event) => {
    if (event.key === store.historyKey) return renderHistory();
    if (event.key !== store.key || store.blocked) return;
    const theirs = event.newValue === null ? null : AnswerStore.parse(event.newValue);
    if (sharedView) {
      if (theirs) sharedView.own = theirs; // shown after the shared view is left
      return;
    }
    if (theirs === null) {
      // The other tab started over: this one keeps what it shows, and can save it again.
      notice("info", t("other_tab_cleared"), [[t("keep_these"), persist]]);
      lastSaved = emptyState();
      return;
    }
    const { state: merged, conflicts, changed: different } = mergeTabStates(lastSaved, state, theirs);
    lastSaved = theirs;
    if (!different) return;
    state = merged;
    writeForm();
    if (conflicts.length) {
      changed(); // this tab's merge is saved, so the other tab converges on it
      notice("warning", format(t("other_tab_conflict"), { count: conflicts.length }), [[t("use_other_tab"), () => {
        state = theirs;
        writeForm();
        changed();
      }]]);
    } else {
      changed({ save: false });
      notice("info", t("other_tab_merged"));
    }
  });

  // -- Start: saved answers, then a share link on top -------------------------
  const loaded = store.load();
  if (loaded.status === "ok") {
    const checked = checkDocument(loaded.saved, contract, { saved: true });
    if (checked.error) {
      notice("warning", t("saved_corrupt"), [[t("reset_saved"), () => store.clear()]]);
    } else {
      state = stateFrom(checked);
      lastSaved = stateFrom(checked);
      if (loaded.saved.bank_version !== bankVersion && Object.keys(loaded.saved.answers).length) {
        notice("info", format(t("bank_changed"), { kept: Object.keys(checked.answers).length, removed: checked.setAside.length + checked.hidden.length, moved: checked.migrated.length }));
        store.remember(loaded.saved, loaded.saved.bank_version, "before_bank_update");
        store.save(state, bankVersion);
      }
    }
  } else if (loaded.status === "corrupt") {
    notice("warning", t("saved_corrupt"), [[t("reset_saved"), () => store.clear()]]);
  } else if (loaded.status === "unavailable") {
    storageWarned = true;
    notice("warning", t("storage_unavailable"), [[t("export"), exportAnswers]]);
  }

  // A share link opens the page, or arrives later as a pasted fragment. It is
  // shown read-only on the results: the visitor's own answers stay as they are
  // unless they choose to make the shared ones theirs.
  const sharedPanel = document.getElementById("rf-shared-view");
  function enterSharedView(shared) {
    if (!sharedView) sharedView = { own: state };
    state = stateFrom(shared);
    form.inert = true;
    sharedPanel.hidden = false;
    writeForm();
    changed({ save: false });
  }
  function leaveSharedView({ adopt }) {
    if (!sharedView) return;
    const { own } = sharedView;
    sharedView = null;
    form.inert = false;
    sharedPanel.hidden = true;
    if (adopt) {
      remember(own, "before_shared");
      changed();
      notice("info", t("adopted_shared"), [[t("restore_previous"), () => restoreEntry(0)]]);
    } else {
      state = own;
      writeForm();
      changed({ save: false });
    }
  }
  document.getElementById("rf-adopt-shared").addEventListener("click", () => leaveSharedView({ adopt: true }));
  document.getElementById("rf-leave-shared").addEventListener("click", () => leaveSharedView({ adopt: false }));

  // Layouts of earlier banks, fetched only for a link made with one (assets/engine/layouts.json).
  let layouts = {};
  async function openSharedLater(fragment) {
    try {
      const response = await fetch(root.dataset.layouts);
      if (response.ok) layouts = await response.json();
    } catch {
      /* offline or missing: the link is reported as unknown below */
    }
    openShared(fragment);
  }

  function openShared(fragment = location.hash) {
    const shared = decodeShare(fragment, contract, layouts);
    if (!shared) return false;
    history.replaceState(null, "", location.pathname + location.search);
    if (shared.error === "reason_unknown_version" && !Object.keys(layouts).length) {
      openSharedLater(fragment);
      return true;
    }
    if (shared.error) {
      notice("error", format(t("share_invalid"), { reason: reasonText(shared) }));
      return false;
    }
    enterSharedView(shared);
    announceMigration(shared);
    revealResults = true;
    document.getElementById("rf-results").scrollIntoView();
    return true;
  }
  const returning = loaded.status === "ok" && Object.keys(state.answers).length > 0;
  renderHistory();
  // "#quick" (the home page's link) opens the quick check; otherwise the mode last used here.
  if (location.hash === "#quick") {
    mode = "quick";
    store.saveMode(mode);
    history.replaceState(null, "", location.pathname + location.search);
  } else mode = store.loadMode() === "quick" ? "quick" : "full";
  const openedShared = openShared();
  window.addEventListener("hashchange", () => {
    if (location.hash !== "#quick") return openShared();
    history.replaceState(null, "", location.pathname + location.search);
    setMode("quick", { resume: true });
  });
  writeForm();
  updateProgress();
  // Resume at the profile if it is empty, else at the first pillar with unanswered questions.
  const resumeAt = firstOpenPillar();
  showPillar(resumeAt, false);
  if (returning && !openedShared) {
    const { answered, total } = counts();
    const name = sections.find((s) => s.dataset.pillar === resumeAt).querySelector("h2").firstChild.textContent.trim();
    notice("info", format(t("welcome_back"), { answered, total }), [
      [format(t("continue_at"), { pillar: name }), () => showPillar(resumeAt)],
      [t("see_results_now"), () => document.getElementById("rf-results").scrollIntoView()],
    ]).dataset.welcome = "true";
  }
}

// mkdocs-material's page-load hook when the theme provides it (instant
// navigation), otherwise run now: module scripts execute after parsing.
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
else init();
