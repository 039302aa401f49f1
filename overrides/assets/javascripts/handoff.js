// The margin the unit-economics calculator hands over (assessment/?margin=38.2), offered on
// the question the break-even ROAS is computed from. Nothing is filled in unasked: the offer
// says what would change, and "Use it" types the figure into the field as a person would
// (input and change events), so the page's own code scores and saves it.

// @ts-check

/**
 * The margin in the address, or null when there is none or it is not a margin (0–100).
 * @param {string} search
 * @returns {number | null}
 */
export function handedMargin(search) {
  const raw = new URLSearchParams(search).get("margin");
  if (raw === null || raw.trim() === "") return null;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

/**
 * The offer's text: the margin, and the answer it would replace when there is one.
 * @param {{offer: string, replace: string}} texts
 * @param {number} margin
 * @param {string} current
 */
export function offerText(texts, margin, current) {
  const offer = texts.offer.replace("{margin}", String(margin));
  if (current === "" || Number(current) === margin) return offer;
  return `${offer} ${texts.replace.replace("{current}", current)}`;
}

/**
 * @param {Document} doc
 * @param {Location} location
 * @param {History} history
 */
export function start(doc = document, location = window.location, history = window.history) {
  const margin = handedMargin(location.search);
  const notice = /** @type {HTMLElement | null} */ (doc.querySelector("[data-handoff]"));
  if (margin === null || !notice) return;
  const input = /** @type {HTMLInputElement | null} */ (doc.getElementById(`in-${notice.dataset.handoff}`));
  const text = /** @type {HTMLElement | null} */ (notice.querySelector("[data-handoff-text]"));
  const use = /** @type {HTMLElement | null} */ (notice.querySelector("[data-handoff-use]"));
  if (!input || !text || !use) return;
  const texts = { offer: text.dataset.offer || "", replace: text.dataset.replace || "" };
  const show = () => { text.textContent = offerText(texts, margin, input.value); };
  show();
  notice.hidden = false;
  input.addEventListener("input", show);
  use.addEventListener("click", () => {
    input.value = String(margin);
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
    input.removeEventListener("input", show);
    text.textContent = (text.dataset.done || "").replace("{margin}", String(margin));
    use.hidden = true;
    // Reloading should not offer it again: the figure is now an answer like any other.
    const url = new URL(location.href);
    url.searchParams.delete("margin");
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  });
}

if (typeof document !== "undefined") start();
