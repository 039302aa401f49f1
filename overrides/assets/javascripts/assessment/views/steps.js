// @ts-check
// The questionnaire one pillar at a time: the step chips (with their counts),
// the progress bar, moving between pillars (heading focused, in full view below
// the sticky header and toolbar) and jumping to one question from the results.

import { format } from "../dom.js";

/** @typedef {import("../session/progress.js").Counts} Counts */

/**
 * @param {{root: HTMLElement, form: HTMLFormElement, t: (key: string) => string, dimensions: number}} page
 */
export function stepsView({ root, form, t, dimensions }) {
  const sections = /** @type {HTMLElement[]} */ ([...form.querySelectorAll(".rf-pillar")]);
  const toolbar = /** @type {HTMLElement} */ (root.querySelector(".rf-toolbar"));
  root.classList.add("rf-stepped");

  // In-page jumps land below the sticky header and toolbar (CSS scroll-margin reads this).
  function measureSticky() {
    const header = /** @type {HTMLElement | null} */ (document.querySelector(".md-header"));
    const height = (header ? header.offsetHeight : 0) + toolbar.offsetHeight;
    document.documentElement.style.setProperty("--rf-sticky", `${height}px`);
  }
  measureSticky();
  if (typeof ResizeObserver === "function") new ResizeObserver(measureSticky).observe(toolbar);

  /** @param {string} id the pillar (or "profile") @param {boolean} [focus] */
  function showPillar(id, focus = true) {
    for (const section of sections) section.classList.toggle("is-current", section.dataset.pillar === id);
    for (const step of root.querySelectorAll(".rf-step")) {
      const chip = /** @type {HTMLElement} */ (step);
      if (chip.dataset.step === id) chip.setAttribute("aria-current", "step");
      else chip.removeAttribute("aria-current");
    }
    keepInRow(/** @type {HTMLElement | null} */ (root.querySelector(`.rf-step[data-step="${id}"]`)));
    if (!focus) return;
    const heading = /** @type {HTMLElement} */ (document.getElementById(`pillar-${id}-title`));
    heading.setAttribute("tabindex", "-1");
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }

  /** Where the chips do not all fit (a long name in a brand's language), the current one is scrolled into the row. @param {HTMLElement | null} chip */
  function keepInRow(chip) {
    const row = chip?.closest("ol");
    if (!chip || !row) return;
    const [c, r] = [chip.getBoundingClientRect(), row.getBoundingClientRect()];
    if (c.left < r.left || c.right > r.right) row.scrollLeft += c.left - r.left - (r.width - c.width) / 2;
  }

  /** @param {HTMLElement} fieldset */
  function goToQuestion(fieldset) {
    showPillar(fieldset.dataset.pillar || "", false);
    fieldset.scrollIntoView({ block: "center" });
    /** @type {HTMLElement} */ (fieldset.querySelector("input")).focus({ preventScroll: true });
  }

  /** The counts on the chips and the bar. @param {Counts} counted @param {number} profileAnswered */
  function showProgress(counted, profileAnswered) {
    /** @type {HTMLElement} */ (document.getElementById("rf-progress-text")).textContent = format(t("progress"), counted);
    const bar = /** @type {HTMLProgressElement} */ (document.getElementById("rf-progress-bar"));
    bar.max = counted.total;
    bar.value = counted.answered;
    for (const counter of root.querySelectorAll("[data-count]")) {
      const pillar = /** @type {HTMLElement} */ (counter).dataset.count || "";
      const own = counted.byPillar[pillar];
      counter.textContent = pillar === "profile" ? `${profileAnswered}/${dimensions}` : `${own?.answered ?? 0}/${own?.total ?? 0}`;
    }
  }

  /** The pillar's name as its heading gives it. @param {string} id */
  const pillarName = (id) => sections.find((s) => s.dataset.pillar === id)?.querySelector("h2")?.firstChild?.textContent?.trim() || id;

  return { showPillar, goToQuestion, showProgress, pillarName, first: sections[0].dataset.pillar || "profile" };
}
