// Measures what the issue asks to report: the size of what the first load fetches (raw and
// gzip), time from navigation to the first rendered qualification list (median of 10 cold
// loads), and time from a checkbox click to the updated summary on the largest
// qualification (median of 20 clicks). Run after scripts/build-web.sh:
//   node scripts/measure.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { serve, launch } from '../tests/e2e/helpers.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let raw = 0;
let gz = 0;
for (const f of readdirSync('dist')) {
  const bytes = readFileSync(`dist/${f}`);
  const g = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gz += g;
  console.log(`${f.padEnd(36)} ${String(bytes.length).padStart(8)} B  ${String(g).padStart(7)} B gzip`);
}
console.log(`${'total first load'.padEnd(36)} ${String(raw).padStart(8)} B  ${String(gz).padStart(7)} B gzip`);

const server = await serve();
const browser = await launch();
const loads = [];
for (let i = 0; i < 10; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.qual-list li').first().waitFor();
  loads.push(await page.evaluate(() => performance.now()));
  await context.close();
}
console.log(`navigation to first qualification list: median ${median(loads).toFixed(1)} ms (10 cold loads: ${loads.map((x) => x.toFixed(0)).join(', ')})`);

const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${server.url}#/q/cg-l3-nvq-dip-cs`);
await page.locator('.summary').waitFor();
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
