// The service worker: after one visit the planner opens and works with no network.
// The pre-renderer (src/site/offline.rs) prepends VERSION (a hash of every file it lists)
// and FILES (the pages and hashed assets). Each version has its own cache, filled when the
// worker installs; the previous one is deleted once the new one is active, so a new
// release is picked up on the next visit. Saved plans live in localStorage: no version
// touches them.
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

// A page comes from the network, so that a new release shows on the next visit, and from
// the cache when the network fails or is slow (over 3 s). A share link (`/q/{id}/#p/…`)
// asks for its qualification's page (the fragment never reaches the worker), also without
// its last `/`; a page not cached falls back to the home page (the app routes itself).
// Other files come from the cache first: hashed assets never change.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  const key = url.pathname.endsWith('/index.html') ? url.pathname.slice(0, -'index.html'.length) : url.pathname;
  event.respondWith(request.mode === 'navigate' ? page(request, key) : asset(request, key));
});

async function page(request, key) {
  const cache = await caches.open(CACHE);
  const cached = (await cache.match(key)) ?? (await cache.match(`${key}/`)) ?? (await cache.match('/'));
  if (!cached) return fetch(request);
  const slow = new Promise((resolve) => { setTimeout(resolve, 3000); });
  try {
    const fresh = await Promise.race([fetch(request), slow]);
    if (fresh) return fresh;
  } catch {
    // offline: the cached page below
  }
  return cached;
}

async function asset(request, key) {
  const cached = await (await caches.open(CACHE)).match(key);
  return cached ?? fetch(request);
}
