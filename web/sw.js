// The service worker: after one visit the planner opens and works with no network.
// scripts/offline.py prepends VERSION (a hash of every file it lists) and FILES (the
// pages and hashed assets). Each version has its own cache, filled when the worker
// installs; the previous one is deleted once the new one is active, so a new release is
// picked up on the next visit. Saved plans live in localStorage: no version touches them.
const CACHE = `unit-planner-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('unit-planner-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Cached files first (hashed assets never change; pages change only with a new version),
// then the network; a page not cached is fetched, and with no network the home page
// stands in for it (the app routes itself).
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const key = url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : url.pathname;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(key);
      if (cached) return cached;
      try {
        return await fetch(request);
      } catch (offline) {
        const home = request.mode === 'navigate' ? await cache.match('/') : undefined;
        if (home) return home;
        throw offline;
      }
    }),
  );
});
