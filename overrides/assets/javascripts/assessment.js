// The self-assessment page: saving, pillar steps, share/export/import, and
// live results from the engine. Loaded only on the assessment page.

import { MAX_FILE_BYTES, decodeShare, encodeShare, keepApplicable, parseDocument, questionsFromForm } from "./assessment/answers.js";
import { format, h } from "./assessment/dom.js";
import { Engine } from "./assessment/engine.js";
import { renderResults, summarise } from "./assessment/results.js";
import { AnswerStore } from "./assessment/storage.js";

function init() {
  const root = document.getElementById("assessment");
  if (!root || root.dataset.enhanced) return;
  root.dataset.enhanced = "true";

  const strings = JSON.parse(document.getElementById("rf-strings").textContent);
  const t = (key) => strings[key] ?? key;
  const form = document.getElementById("rf-form");
  const questions = questionsFromForm(form);
  const bankVersion = root.dataset.bankVersion;
  const lang = root.dataset.lang;
  const home = root.dataset.home.endsWith("/") ? root.dataset.home : `${root.dataset.home}/`;
  const store = new AnswerStore(root.dataset.storageKey);
  const resultsBody = document.getElementById("rf-results-body");
  const resultsEmpty = document.getElementById("rf-results-empty");
  const live = document.getElementById("rf-live");
  const status = document.getElementById("rf-engine-status");
  let answers = {};
  let engine = null;
  let lastRoot;
  let scoring = 0;
  const notices = document.getElementById("rf-notices");

  // -- The engine starts loading first: it takes longest, and nothing waits on it --
  document.documentElement.dataset.engine = "loading";
  status.hidden = false;
  status.textContent = t("engine_loading");
  engine = new Engine({
    pyodide: root.dataset.pyodide.endsWith("/") ? root.dataset.pyodide : `${root.dataset.pyodide}/`,
    wheel: root.dataset.wheel,
    overlay: root.dataset.overlay,
    onReady: () => {
      document.documentElement.dataset.engine = "ready";
      status.textContent = t("engine_ready");
      status.classList.add("rf-engine--ready");
      score();
    },
    onFailed: (reason) => {
      document.documentElement.dataset.engine = "failed";
      status.hidden = true;
      const text = reason === "no_wasm" ? t("no_wasm") : reason;
      notice("error", format(t("engine_failed"), { reason: text }), [[t("export"), exportAnswers]]).classList.add("rf-engine-failed");
      resultsEmpty.textContent = format(t("engine_failed"), { reason: text });
    },
  });

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

  // -- Answers <-> form -----------------------------------------------------
  function writeForm() {
    for (const fieldset of form.querySelectorAll("[data-question-id]")) {
      const id = fieldset.dataset.questionId;
      const value = answers[id];
      if (fieldset.dataset.kind === "number") {
        const input = fieldset.querySelector("input[type=number]");
        const na = fieldset.querySelector("input[type=checkbox]");
        input.value = typeof value === "number" ? String(value) : "";
        input.disabled = value === "na";
        if (na) na.checked = value === "na";
      } else {
        for (const input of fieldset.querySelectorAll("input[type=radio]")) input.checked = input.value === value;
      }
      fieldset.classList.toggle("is-answered", value !== undefined);
      fieldset.querySelector("[data-clear]").hidden = value === undefined;
    }
  }

  function readQuestion(fieldset) {
    const id = fieldset.dataset.questionId;
    if (fieldset.dataset.kind === "number") {
      const input = fieldset.querySelector("input[type=number]");
      const na = fieldset.querySelector("input[type=checkbox]");
      input.disabled = Boolean(na && na.checked);
      if (na && na.checked) return setAnswer(id, "na");
      const question = questions.get(id);
      const value = input.value.trim() === "" ? undefined : Number(input.value);
      const valid = value === undefined || (Number.isFinite(value) && value >= question.min && value <= question.max);
      input.setAttribute("aria-invalid", String(!valid));
      fieldset.querySelector(".rf-number__hint").textContent = valid
        ? format(t("number_range"), { min: question.min, max: question.max, unit: fieldset.dataset.unit })
        : format(t("number_invalid"), { min: question.min, max: question.max });
      if (valid) setAnswer(id, value);
      return;
    }
    const checked = fieldset.querySelector("input[type=radio]:checked");
    setAnswer(id, checked ? checked.value : undefined);
  }

  function setAnswer(id, value) {
    if (value === undefined) delete answers[id];
    else answers[id] = value;
    const fieldset = form.querySelector(`[data-question-id="${CSS.escape(id)}"]`);
    fieldset.classList.toggle("is-answered", value !== undefined);
    fieldset.querySelector("[data-clear]").hidden = value === undefined;
    changed();
  }

  function changed({ save = true } = {}) {
    if (save) persist();
    updateProgress();
    score();
  }

  let storageWarned = false;
  function persist() {
    const outcome = store.save(answers, bankVersion);
    if (outcome !== "ok" && !storageWarned) {
      storageWarned = true;
      notice("warning", t(outcome === "full" ? "storage_full" : "storage_unavailable"), [[t("export"), exportAnswers]]);
    }
  }

  function updateProgress() {
    const answered = Object.keys(answers).length;
    document.getElementById("rf-progress-text").textContent = format(t("progress"), { answered, total: questions.size });
    document.getElementById("rf-progress-bar").value = answered;
    for (const counter of root.querySelectorAll("[data-count]")) {
      const pillar = counter.dataset.count;
      const ids = [...form.querySelectorAll(`[data-pillar="${pillar}"][data-question-id]`)].map((f) => f.dataset.questionId);
      counter.textContent = `${ids.filter((id) => id in answers).length}/${ids.length}`;
    }
  }

  // -- Scoring ----------------------------------------------------------------
  async function score() {
    if (!engine || engine.state !== "ready") return;
    const ticket = ++scoring;
    const payload = await engine.assess(answers, lang);
    if (ticket !== scoring) return; // a newer answer is already being scored
    if (!payload.ok) {
      notice("error", format(t("engine_error"), { reason: payload.error }));
      return;
    }
    const result = payload.result;
    const any = result.answered > 0;
    resultsEmpty.hidden = any;
    resultsBody.hidden = !any;
    if (any) renderResults(resultsBody, result, t, home);
    if (any && result.root !== lastRoot) live.textContent = summarise(result, t);
    lastRoot = result.root;
    resultsBody.dataset.answered = String(result.answered);
  }

  // -- Pillar steps -----------------------------------------------------------
  const sections = [...form.querySelectorAll(".rf-pillar")];
  root.classList.add("rf-stepped");
  function showPillar(id, focus = true) {
    for (const section of sections) section.classList.toggle("is-current", section.dataset.pillar === id);
    for (const step of root.querySelectorAll(".rf-step")) {
      if (step.dataset.step === id) step.setAttribute("aria-current", "step");
      else step.removeAttribute("aria-current");
    }
    if (focus) {
      const heading = document.getElementById(`pillar-${id}-title`);
      heading.setAttribute("tabindex", "-1");
      heading.focus();
      heading.scrollIntoView({ block: "start" });
    }
  }
  root.addEventListener("click", (event) => {
    const step = event.target.closest("[data-step]");
    if (step) {
      event.preventDefault();
      showPillar(step.dataset.step);
      return;
    }
    const goto = event.target.closest("[data-goto]");
    if (goto) {
      event.preventDefault();
      goToQuestion(goto.dataset.goto);
    }
  });
  document.getElementById("rf-results").addEventListener("click", (event) => {
    const goto = event.target.closest("[data-goto]");
    if (goto) {
      event.preventDefault();
      goToQuestion(goto.dataset.goto);
    }
  });
  function goToQuestion(id) {
    const fieldset = form.querySelector(`[data-question-id="${CSS.escape(id)}"]`);
    if (!fieldset) return;
    showPillar(fieldset.dataset.pillar, false);
    fieldset.scrollIntoView({ block: "center" });
    fieldset.querySelector("input").focus();
  }

  form.addEventListener("change", (event) => {
    const fieldset = event.target.closest("[data-question-id]");
    if (fieldset) readQuestion(fieldset);
  });
  form.addEventListener("click", (event) => {
    const clear = event.target.closest("[data-clear]");
    if (!clear) return;
    const id = clear.dataset.clear;
    delete answers[id];
    writeForm();
    changed();
    form.querySelector(`[data-question-id="${CSS.escape(id)}"] input`).focus();
  });

  // -- Share, export, import, print, start over --------------------------------
  function applyAnswers(incoming, message) {
    const previous = answers;
    if (Object.keys(previous).length && JSON.stringify(previous) !== JSON.stringify(incoming)) {
      store.backup(previous, bankVersion);
      notice("info", message, [[t("restore_previous"), () => {
        answers = store.takeBackup() || previous;
        writeForm();
        changed();
        notice("info", t("restored_previous"));
      }]]);
    } else {
      notice("info", message);
    }
    answers = { ...incoming };
    writeForm();
    changed();
  }

  document.getElementById("rf-share").addEventListener("click", async () => {
    const url = `${location.origin}${location.pathname}#${encodeShare(answers)}`;
    const output = document.getElementById("rf-share-output");
    const field = document.getElementById("rf-share-url");
    output.hidden = false;
    field.value = url;
    field.select();
    try {
      await navigator.clipboard.writeText(url);
      notice("info", t("share_copied"));
    } catch {
      /* the link is shown and selected; copying is up to the reader */
    }
  });

  function exportAnswers() {
    const blob = new Blob([JSON.stringify({ answers, bank_version: bankVersion, lang }, null, 2)], { type: "application/json" });
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
    const checked = parseDocument(await file.text(), questions);
    if (checked.error) {
      notice("error", format(t("import_invalid"), { reason: format(t(checked.error), { id: checked.id ?? "" }) }));
      return;
    }
    applyAnswers(checked.answers, format(t("import_done"), { count: Object.keys(checked.answers).length }));
  });

  document.getElementById("rf-print").addEventListener("click", () => window.print());
  document.getElementById("rf-report-date").textContent = new Date().toLocaleDateString(document.documentElement.lang || undefined);

  document.getElementById("rf-reset").addEventListener("click", () => {
    if (!window.confirm(t("confirm_reset"))) return;
    answers = {};
    store.clear();
    writeForm();
    changed({ save: false });
    showPillar(sections[0].dataset.pillar);
  });

  // -- Start: saved answers, then a share link on top -------------------------
  const loaded = store.load();
  if (loaded.status === "ok") {
    const { kept, removed } = keepApplicable(loaded.saved.answers, questions);
    answers = kept;
    if (loaded.saved.bank_version !== bankVersion && Object.keys(loaded.saved.answers).length) {
      notice("info", format(t("bank_changed"), { kept: Object.keys(kept).length, removed }));
      store.backup(loaded.saved.answers, loaded.saved.bank_version);
      store.save(answers, bankVersion);
    }
  } else if (loaded.status === "corrupt") {
    notice("warning", t("saved_corrupt"), [[t("reset_saved"), () => store.clear()]]);
  } else if (loaded.status === "unavailable") {
    storageWarned = true;
    notice("warning", t("storage_unavailable"), [[t("export"), exportAnswers]]);
  }

  // A share link opens the page, or arrives later as a pasted fragment.
  function openShared() {
    const shared = decodeShare(location.hash, questions);
    if (!shared) return;
    history.replaceState(null, "", location.pathname + location.search);
    if (shared.error) {
      notice("error", format(t("share_invalid"), { reason: format(t(shared.error), { id: shared.id ?? "" }) }));
      return;
    }
    applyAnswers(shared.answers, t("share_loaded"));
    document.getElementById("rf-results").scrollIntoView();
  }
  openShared();
  window.addEventListener("hashchange", openShared);
  writeForm();
  updateProgress();
  // Resume at the first pillar that still has unanswered questions.
  const firstOpen = sections.find((s) => [...s.querySelectorAll("[data-question-id]")].some((f) => !(f.dataset.questionId in answers)));
  showPillar((firstOpen || sections[0]).dataset.pillar, false);

}

// mkdocs-material's page-load hook when the theme provides it (instant
// navigation), otherwise run now: module scripts execute after parsing.
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(init);
else init();
