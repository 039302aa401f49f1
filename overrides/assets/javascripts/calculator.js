// @ts-check
// The calculator on the "Unit economics" page: reads the form, computes with
// economics.js (the engine's formulas in JavaScript) and writes each result into
// its <output>, inside a polite live region. No data leaves the page. The link
// under the results carries the margin to the self-assessment, which offers to use it.
import { unitEconomics } from "./economics.js";

/** Currency symbols the calculator writes money with: the same in both languages. */
export const CURRENCIES = { CNY: "¥", USD: "US$" };

/**
 * A figure as the page shows it: money with its currency symbol and two decimals,
 * a share with "%", a ratio with up to two decimals; `never` for an unreachable value,
 * `none` for one that cannot be computed.
 */
export function formatFigure(value, { lang = "en", unit = "", money = false, currency = "CNY", never = "∞", none = "–" } = {}) {
  if (value === null || value === undefined || Number.isNaN(value)) return none;
  if (value === Infinity) return never;
  if (money) {
    const digits = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    const text = new Intl.NumberFormat(lang, digits).format(Math.abs(value));
    return (value < 0 ? "−" : "") + (CURRENCIES[currency] || "") + text;
  }
  const text = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  return unit ? text + unit : text;
}

/** Where the hand-off link points: the assessment with the margin (one decimal), or without one. */
export function handoffHref(base, margin) {
  if (margin === null || !Number.isFinite(margin) || margin < 0 || margin > 100) return base;
  return `${base}?margin=${Math.round(margin * 10) / 10}`;
}

function readInputs(form) {
  const inputs = {};
  for (const field of form.querySelectorAll("input[name]")) {
    const value = field.valueAsNumber;
    inputs[field.name] = Number.isFinite(value) ? value : 0;
  }
  return inputs;
}

export function update(form) {
  const lang = document.documentElement.lang || "en";
  const currency = form.querySelector("select[name='currency']")?.value || "CNY";
  const results = unitEconomics(readInputs(form));
  for (const output of form.querySelectorAll("output[data-figure]")) {
    const value = results[output.dataset.figure];
    const text = formatFigure(value, {
      lang, currency, unit: output.dataset.unit || "", money: "money" in output.dataset,
      never: form.dataset.never, none: form.dataset.none,
    });
    output.dataset.value = value === null ? "" : String(value);
    if (output.textContent !== text) output.textContent = text;
  }
  const handoff = form.querySelector("#rf-econ-handoff");
  if (handoff) {
    // The assessment asks for ROAS net of refunds, so it takes the margin on the sales buyers keep.
    const margin = results.settled_margin_percent;
    handoff.href = handoffHref(handoff.dataset.base, margin);
    handoff.closest("p").hidden = margin === null || margin < 0 || margin > 100;
  }
}

export function start(root = document) {
  const form = root.getElementById("rf-econ");
  if (!form) return;
  form.addEventListener("input", () => update(form));
  form.addEventListener("change", () => update(form));
  form.addEventListener("submit", (event) => event.preventDefault());
  update(form);
  form.dataset.ready = "true";
}

// The theme swaps pages in place only with navigation.instant, which this site does not use.
if (typeof document !== "undefined") start();
