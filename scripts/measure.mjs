// Measures what the issues ask to report, on the built dist/ served from loopback with its
// precompressed copies (as a host would):
//   - the first load: every file the home page fetches until it is usable (the app started
//     and its controls enabled), raw, gzip and brotli; apart from it, the engine module the
//     app then starts (the JavaScript API and the solver) and what the service worker
//     fetches in the background for offline use; and the same for a share link
//     (`/q/{id}/#p/…`);
//   - navigation to the first qualification list visible (median of 10 cold loads);
//   - a checkbox click to the updated summary on the largest qualification (median of 20).
// Run after scripts/build-web.sh:  node scripts/measure.mjs
import { existsSync, statSync } from 'node:fs';
import { serve, launch, started } from '../tests/e2e/helpers.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const size = (file) => (existsSync(file) ? statSync(file).size : statSync(file.replace(/\.(gz|br)$/, '')).size);
const server = await serve({ compressed: true });
const browser = await launch();

/** The app has started and its controls work (the engine module may still be loading). */
const usable = () => window.wasmBindings && !document.querySelector('fieldset:disabled');

/**
 * The dist/ files a page at `path` fetches, in order, with service workers on or off:
 * until it is usable, and after (until the engine module is running, and the service
 * worker has kept the site).
 */
async function fetched(path, serviceWorkers) {
  const context = await browser.newContext({ serviceWorkers });
  const files = new Set();
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(server.url).origin) files.add(url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname);
  });
  const page = await context.newPage();
  await page.goto(server.url + path.replace(/^\//, ''));
  await page.waitForFunction(usable);
  const before = [...files];
  await page.waitForFunction(() => window.unitPlanner);
  if (serviceWorkers === 'allow') {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(500);
  }
  await context.close();
  return { before, after: [...files].filter((f) => !before.includes(f)) };
}

function table(title, files) {
  const total = { raw: 0, gz: 0, br: 0 };
  console.log(title);
  for (const f of files) {
    const raw = size(`dist${f}`);
    const gz = size(`dist${f}.gz`);
    const br = size(`dist${f}.br`);
    total.raw += raw; total.gz += gz; total.br += br;
    console.log(`  ${f.padEnd(44)} ${String(raw).padStart(8)} B ${String(gz).padStart(8)} B gzip ${String(br).padStart(8)} B br`);
  }
  console.log(`  ${'total'.padEnd(44)} ${String(total.raw).padStart(8)} B ${String(total.gz).padStart(8)} B gzip ${String(total.br).padStart(8)} B br`);
}

const SHARE_LINK = '/q/vtct-l1-cert-principles-cs/#p/.AxSgEQAA14gDPCJ';
const first = await fetched('/', 'block');
table('first load of the home page (what it fetches before it is usable):', first.before);
table('then, once it is usable, the engine module (the JavaScript API and the solver):', first.after);
const shared = await fetched(SHARE_LINK, 'block');
table(`first load of a share link (${SHARE_LINK}):`, shared.before);
table('then, once it is usable:', shared.after);
const all = await fetched('/', 'allow');
const seen = [...first.before, ...first.after];
table('and, in the background, the service worker keeps for offline use:', [...all.before, ...all.after].filter((f) => !seen.includes(f)));

const loads = [];
const paints = [];
for (let i = 0; i < 10; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    const look = () => {
      const item = document.querySelector('.qual-list li');
      if (item && item.getBoundingClientRect().height > 0) window.listShownAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.listShownAt);
  loads.push(await page.evaluate(() => window.listShownAt));
  paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
  await context.close();
}
console.log(`navigation to first qualification list visible: median ${median(loads).toFixed(1)} ms (10 cold loads: ${loads.map((x) => x.toFixed(0)).join(', ')}); first contentful paint median ${median(paints).toFixed(1)} ms`);

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${server.url}q/cg-l3-nvq-dip-cs/`);
await started(page);
const clicks = [];
for (let i = 0; i < 20; i++) {
  clicks.push(await page.evaluate(() => new Promise((resolve) => {
    const box = document.getElementById('unit-3');
    const summary = document.querySelector('.summary');
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(summary, { subtree: true, childList: true, characterData: true, attributes: true });
    const start = performance.now();
    box.click();
  })));
}
console.log(`checkbox click to updated summary (cg-l3-nvq-dip-cs, 59 units): median ${median(clicks).toFixed(2)} ms (20 clicks)`);
await browser.close();
await server.close();
