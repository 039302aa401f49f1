// @ts-check
// Offline after one visit: the site's service worker (sitekit/sw.js) is registered
// once the engine is ready, so its precaching (the runtime, the wheel, the engine's
// snapshot) never competes with a first visit's own downloads. Only the assessment
// page registers it: docs pages never load, or make anyone download, the runtime.

export function keepOffline(url) {
  if (!url || !("serviceWorker" in navigator) || !window.isSecureContext) return;
  navigator.serviceWorker.register(url).catch(() => {
    /* refused (private mode, blocked storage): the site works online as before */
  });
}
