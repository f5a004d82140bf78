// Measures the import page on a large paste: a specification's text of about 1 MB (seed
// 004 repeated) pasted and drafted, on the built dist/ served from loopback. Reports the
// time from "Make a draft" to the review shown, the longest task on the page's main thread
// meanwhile (the importer runs in the tools worker, so the page should stay responsive),
// how many animation frames the page drew while the worker read, and the tools worker's
// files, raw, gzip and brotli. Run after `cargo xtask build-web`:
//   node scripts/measure-import.mjs [BYTES]
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { serve, launch } from '../tests/e2e/helpers.mjs';

const bytes = Number(process.argv[2] ?? 1_000_000);
const seeds = '../shared/seeds';
const seed = readFileSync(`${seeds}/${readdirSync(seeds).find((f) => f.startsWith('004_'))}`, 'utf8');
const text = seed.repeat(Math.ceil(bytes / seed.length)).slice(0, bytes);

const size = (f) => (existsSync(f) ? statSync(f).size : 0);
for (const f of readdirSync('dist').filter((f) => /^tools.*\.(js|wasm)$/.test(f))) {
  console.log(`${f.padEnd(40)} ${size(`dist/${f}`)} B raw ${size(`dist/${f}.gz`)} B gzip ${size(`dist/${f}.br`)} B br`);
}

const server = await serve({ compressed: true });
const browser = await launch();
const runs = [];
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${server.url}import/`);
  await page.waitForFunction(() => !document.querySelector('.import-form button:disabled'));
  // As a paste puts it there (Playwright's typing of 1 MB would take minutes).
  await page.evaluate((t) => { document.getElementById('spec-text').value = t; }, text);
  await page.evaluate(() => {
    window.longest = 0;
    window.frames = 0;
    const tick = () => { window.frames += 1; window.ticking = requestAnimationFrame(tick); };
    tick();
    window.started = performance.now();
  });
  await page.getByRole('button', { name: 'Make a draft' }).click();
  await page.waitForFunction(() => document.querySelector('.draft-review, .import-status:not(:empty)')
    && !/^Reading/.test(document.querySelector('.import-status').textContent), null, { timeout: 120_000 });
  const run = await page.evaluate(() => {
    cancelAnimationFrame(window.ticking);
    return {
      ms: Math.round(performance.now() - window.started),
      longest: Math.round(window.longest),
      frames: window.frames,
      status: document.querySelector('.import-status').textContent.slice(0, 100),
      rows: document.querySelectorAll('table.draft tbody tr').length,
    };
  });
  runs.push(run);
  console.log(`run ${i + 1}: ${JSON.stringify(run)}`);
  await context.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`${text.length} characters: median ${median(runs.map((r) => r.ms))} ms to the review, longest main-thread task median ${median(runs.map((r) => r.longest))} ms`);
await browser.close();
await server.close();
