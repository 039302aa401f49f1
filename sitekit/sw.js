// The site's service worker: the assessment offline after one visit (issue 10).
//
// Hand-written rather than Workbox: it does three things (precache one list, serve
// it, drop old caches), the build already knows the exact list and its hashes, and a
// Workbox build step would add an npm dependency and a generated runtime larger than
// this file. The build (sitekit/offline.py) writes OFFLINE above this text: the
// cache's name (the bank's version and a hash of every precached file, so any change
// to the site makes a new worker and a new cache) and the list.
//
// Registered by the assessment page once its engine is ready, never by the docs
// pages: the list holds the Python runtime, the engine's wheel and its snapshot.
// - Files under assets/engine/ are named by their content: served from the cache.
// - Everything else on the list (the pages, scripts and styles) goes to the network
//   first, so an updated site is seen at once, and falls back to the cache offline.
// - Anything not on the list is left to the browser.
// The snapshot is cached apart from the rest: refused storage (quota) leaves the
// site offline-capable, and the engine simply boots without it.

const PREFIX = "rf-offline-";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(OFFLINE.cache);
      await cache.addAll(OFFLINE.files);
      try {
        await cache.add(OFFLINE.snapshot);
      } catch {
        /* no room, or no network: the engine boots without a snapshot */
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // A new site replaces the old cache whole: no old page with a new engine, or the reverse.
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== OFFLINE.cache) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

const scope = new URL(self.registration.scope);
const listed = new Set([...OFFLINE.files, OFFLINE.snapshot].map((path) => new URL(path, scope).href));
const immutable = new URL("assets/engine/", scope).href;

// The cache is written only when this worker installs: what it holds is one build, whole.
async function networkFirst(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match(request, { cacheName: OFFLINE.cache, ignoreSearch: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: OFFLINE.cache });
  return cached || fetch(request);
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (!listed.has(url.href)) return;
  event.respondWith(url.href.startsWith(immutable) ? cacheFirst(request) : networkFirst(request));
});
