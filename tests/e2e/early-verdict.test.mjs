// A share link's verdict before the app: the small first wasm (src/bin/verdict.rs) opens
// the link on its qualification's page and writes the plan's status into the summary, the
// same sentence the full app shows, which then hydrates the page without taking it back
// to "Checking your plan…". On a link it cannot open it writes nothing. Only a share
// link's page fetches it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, visit } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PAGE = 'q/vtct-l1-cert-principles-cs/';
/** CSP07, CSP09, CSP10 and CSP14: complete. */
const COMPLETE = '.AxSgEQAA14gDPCJ';
/** CSP07 alone (`link::encode` wrote it): not complete yet. */
const SMALL = '.AxQgAAAA14gv7_b';
const CHECKING = /^Checking your plan…$/;
const SMALL_WASM = /\/verdict(_bg\.wasm|\.js)$/;
// The app's wasm as a qualification's page loads it (the planning wasm), or the full app's.
const APP_WASM = /\/(app-[0-9a-f]+|plan)_bg\.wasm$/;

const status = (page) => page.getByRole('complementary', { name: 'Rules of combination' }).getByRole('status');

/**
 * Every text the summary's status has had, in order, from the page parsed (as the parser
 * writes it, a text may show in part): each mutation's old value too, so a text set and set
 * back within one task is seen.
 */
const RECORD = () => {
  window.statusTexts = [];
  const seen = (text) => { if (text && text !== window.statusTexts.at(-1)) window.statusTexts.push(text); };
  const status = () => document.querySelector('.summary [role=status]');
  document.addEventListener('DOMContentLoaded', () => seen(status()?.textContent));
  new MutationObserver((records) => {
    const element = status();
    if (document.readyState === 'loading' || !element) return;
    for (const r of records) {
      if (r.type === 'characterData' && element.contains(r.target)) seen(r.oldValue);
      if (r.type === 'childList' && r.target === element) r.removedNodes.forEach((n) => seen(n.textContent));
    }
    seen(element.textContent);
  }).observe(document, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
  // Counts the wasm modules instantiated, once each one's start has run.
  window.started = 0;
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    const made = instantiate.apply(this, args);
    made.then(() => setTimeout(() => { window.started += 1; }), () => {});
    return made;
  };
};

/** A page at a share link whose app wasm never arrives: what the small wasm showed alone. */
async function withoutTheApp(payload) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(RECORD);
  await page.route(APP_WASM, (route) => route.abort());
  const small = page.waitForResponse(SMALL_WASM);
  await page.goto(`${server.url}${PAGE}#p/${payload}`);
  await small;
  await page.waitForFunction(() => window.started >= 1);
  return { context, page };
}

for (const [name, payload] of [['complete', COMPLETE], ['not yet complete', SMALL]]) {
  test(`the small wasm shows a ${name} plan's verdict before the app, the sentence the app shows`, async () => {
    const early = await withoutTheApp(payload);
    const shown = await status(early.page).innerText();
    assert.doesNotMatch(shown, CHECKING, 'the verdict is shown with the app\'s wasm blocked');
    assert.equal(await early.page.evaluate(() => typeof window.wasmBindings), 'undefined', 'the app did not start');
    await early.context.close();

    const context = await browser.newContext();
    await context.addInitScript(RECORD);
    const requests = [];
    context.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const page = await visit(context, `${server.url}${PAGE}#p/${payload}`);
    const app = await status(page).innerText();
    assert.doesNotMatch(app, CHECKING);
    assert.equal(shown, app, 'the small wasm wrote the sentence the full app shows');
    const texts = await page.evaluate(() => window.statusTexts);
    assert.match(texts[0], CHECKING, 'the page is parsed checking');
    assert.deepEqual(texts.slice(1), [app], 'once the verdict shows, it never goes back to checking');
    const order = (re) => requests.findIndex((p) => re.test(p));
    assert.ok(order(SMALL_WASM) >= 0 && order(SMALL_WASM) < order(APP_WASM), `the small wasm first: ${requests}`);
    assert.deepEqual(page.errors, [], 'hydration raised no error');
    await context.close();
  });
}

test('a link the small wasm cannot open leaves "Checking your plan…" for the app', async () => {
  const { context, page } = await withoutTheApp('.AxSgEQAA14gDPCK');
  assert.match(await status(page).innerText(), CHECKING);
  await context.close();
});

test('the home page and a plain qualification page do not fetch the small wasm', async () => {
  const context = await browser.newContext();
  const fetched = [];
  // The page's own requests: the service worker keeps every file for offline use.
  context.on('request', (r) => { if (!r.serviceWorker() && SMALL_WASM.test(new URL(r.url()).pathname)) fetched.push(r.url()); });
  for (const address of ['', PAGE, `${PAGE}#units-heading`]) {
    const page = await visit(context, server.url + address);
    assert.deepEqual(page.errors, [], address);
    await page.close();
  }
  assert.deepEqual(fetched, []);
  await context.close();
});
