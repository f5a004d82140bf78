// Link → verdict shown: a share link opened cold (a fresh browser context each time, so
// nothing cached and no service worker), timed from navigation start to the moment the
// summary's status no longer says "Checking your plan…" (the verdict, written by the small
// first wasm or the app) once the page is parsed (before, the parser may have written only
// part of "Checking…"), and to the moment the page is usable (the app started, its
// controls enabled). Median of 5 on two profiles:
// loopback as it is, and slow 4G (150 ms latency, 1.6 Mbps down, 750 kbps up) with the CPU
// slowed 4× (Chrome DevTools Protocol), served precompressed as a host would. Not part of
// CI (wall-clock numbers on a shared machine). Run after a build:
//   node scripts/link-timing.mjs [link path] [--without-small-wasm]
// (the second: the small first wasm's requests aborted, to time the app alone).
import { serve, launch } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const WITHOUT_SMALL_WASM = args.includes('--without-small-wasm');
const LINK = args.find((a) => !a.startsWith('--')) ?? '/q/vtct-l1-cert-principles-cs/#p/.AxSgEQAA14gDPCJ';
const RUNS = 5;
const PROFILES = {
  loopback: null,
  'slow 4G + 4x CPU': { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, cpu: 4 },
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve({ compressed: true });
const browser = await launch();
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    const times = [];
    const usable = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const page = await context.newPage();
      if (WITHOUT_SMALL_WASM) await page.route(/\/verdict(_bg\.wasm|\.js)$/, (route) => route.abort());
      if (profile) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      }
      await page.addInitScript(() => {
        const look = () => {
          const status = document.querySelector('.summary [role=status]');
          if (!window.verdictAt && document.readyState !== 'loading' && status && status.textContent !== 'Checking your plan…') window.verdictAt = performance.now();
          if (window.wasmBindings && status && !document.querySelector('fieldset:disabled')) window.usableAt = performance.now();
          else requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await page.goto(server.url + LINK.replace(/^\//, ''));
      await page.waitForFunction(() => window.verdictAt && window.usableAt, null, { timeout: 60_000 });
      times.push(await page.evaluate(() => window.verdictAt));
      usable.push(await page.evaluate(() => window.usableAt));
      await context.close();
    }
    const list = (xs) => xs.map((t) => t.toFixed(0)).join(', ');
    console.log(`${name}: link → verdict shown median ${median(times).toFixed(0)} ms (${RUNS} cold loads: ${list(times)})`);
    console.log(`${name}: link → usable median ${median(usable).toFixed(0)} ms (${list(usable)})`);
  }
} finally {
  await browser.close();
  await server.close();
}
