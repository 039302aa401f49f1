// @ts-check
// The home page only: once the reader shows they are about to open the assessment
// (a pointer over its link, a touch on it, keyboard focus), ask the browser to fetch
// the engine's runtime into its cache, so the assessment page's worker finds it there.
// Nothing is fetched before that intent, nothing from another origin, and no docs page
// loads this script (main.html includes it on the home page alone). The files are the
// build's (data-prefetch on this script's tag); rel=prefetch is low priority and never
// competes with the page the reader is on.

(function () {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  /** @type {string[]} */
  const files = JSON.parse(script.dataset.prefetch || "[]");
  const target = new URL(script.dataset.assessment || "", document.baseURI).pathname;
  let warmed = false;
  /** @param {Event} event */
  function warm(event) {
    const link = /** @type {Element | null} */ (event.target instanceof Element ? event.target.closest("a[href]") : null);
    if (warmed || !link) return;
    const href = new URL(/** @type {HTMLAnchorElement} */ (link).href, document.baseURI);
    if (href.origin !== location.origin || href.pathname !== target) return;
    warmed = true;
    for (const file of files) {
      const hint = document.createElement("link");
      hint.rel = "prefetch";
      hint.href = new URL(file, document.baseURI).href;
      document.head.append(hint);
    }
  }
  for (const name of ["pointerover", "touchstart", "focusin"]) document.addEventListener(name, warm, { passive: true });
})();
