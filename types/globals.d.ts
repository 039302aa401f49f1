// What the page's modules find on `window`, set by the site's own inline scripts or the theme.
interface Window {
  /** partials/javascripts/storage-guard.html: the browser refused storage; a store for this page only stands in. */
  __rfStorageBlocked?: boolean;
  /** partials/assessment/engine-start.html: the engine's worker, started while the page parsed, and its early messages. */
  __rfEngine?: { worker: Worker; queue: any[] };
  /** mkdocs-material's page-load hook (instant navigation). */
  document$?: { subscribe: (callback: () => void) => void };
}
