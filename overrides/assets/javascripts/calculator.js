// @ts-check
// The calculator on the "Unit economics" page: reads the form, computes with
// economics.js (the engine's formulas in JavaScript) and writes each result into
// its <output>, inside a polite live region. No data leaves the page.
import { unitEconomics } from "./economics.js";

function format(value, form, lang, unit) {
  if (value === null || Number.isNaN(value)) return form.dataset.none || "–";
  if (value === Infinity) return form.dataset.never || "∞";
  const text = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
  return unit ? text + unit : text;
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
  const results = unitEconomics(readInputs(form));
  for (const output of form.querySelectorAll("output[data-figure]")) {
    const value = results[output.dataset.figure];
    const text = format(value, form, lang, output.dataset.unit || "");
    output.dataset.value = value === null ? "" : String(value);
    if (output.textContent !== text) output.textContent = text;
  }
}

export function start(root = document) {
  const form = root.getElementById("rf-econ");
  if (!form) return;
  form.addEventListener("input", () => update(form));
  form.addEventListener("submit", (event) => event.preventDefault());
  update(form);
  form.dataset.ready = "true";
}

// The theme swaps pages in place only with navigation.instant, which this site does not use.
start();
