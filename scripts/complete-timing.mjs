// Times "Complete my plan" from the click to the proposal shown, on the built dist/ served
// from loopback with its precompressed copies: cold (a first visit, clicked as soon as the
// page is usable, so the engine module may still be loading), warm (the engine module
// running, its first request) and again (a second request, after Dismiss). Median of 5
// each, on an empty plan of vtct-l1-cert-principles-cs.
// Run after scripts/build-web.sh:  node scripts/complete-timing.mjs
import { serve, launch } from '../tests/e2e/helpers.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await serve({ compressed: true });
const browser = await launch();
const PLAN = 'q/vtct-l1-cert-principles-cs/';

/** Clicks "Complete my plan" and resolves to the milliseconds until the proposal shows. */
const clickToProposal = () => new Promise((resolve) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Complete my plan');
  const observer = new MutationObserver(() => {
    if (document.querySelector('[aria-label="Proposed units"]')) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true });
  const start = performance.now();
  button.click();
});

const times = { cold: [], warm: [], again: [] };
for (const kind of ['cold', 'warm']) {
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(server.url + PLAN);
    await page.waitForFunction(() => window.wasmBindings && !document.querySelector('fieldset:disabled'));
    if (kind === 'warm') await page.waitForFunction(() => window.unitPlanner);
    times[kind].push(await page.evaluate(clickToProposal));
    if (kind === 'warm') {
      await page.getByRole('button', { name: 'Dismiss' }).click();
      times.again.push(await page.evaluate(clickToProposal));
    }
    await context.close();
  }
}
for (const [kind, xs] of Object.entries(times)) {
  console.log(`complete my plan, click to proposal shown, ${kind}: median ${median(xs).toFixed(1)} ms (${xs.map((x) => x.toFixed(0)).join(', ')})`);
}
await browser.close();
await server.close();
