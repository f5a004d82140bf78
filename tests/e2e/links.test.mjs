// Share links open where they point: a link is its qualification's page with the plan in
// the fragment (`/q/{id}/#p/…`), so the server sends that page, pre-rendered, and a link
// preview names the qualification; links of every earlier form still open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, started, visit, specs } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VTCT = specs().find((s) => s.id === 'vtct-l1-cert-principles-cs');
/** CSP07, CSP09, CSP10 and CSP14: a complete plan (`unit-planner link` wrote it). */
const COMPLETE = '.AxSgEQAA14gDPCJ';
const PAGE = `q/${VTCT.id}/`;
/** Links of earlier forms: format 1, and format 3 with a review, on the home page's address. */
const FORMAT_ONE = `#/q/${VTCT.id}/p/ARQkAAAICkFuYSdzIHBsYW7XiJ4`;
const REVIEWED = `#/q/${VTCT.id}/p/.AxQgEABICkFuYSdzIHBsYW4LU2FtIEFkdmlzZXIAC0dvb2QgY2hvaWNltKIBIBAAAAAAAAAAAADXiAxZBb`;

const unit = (page, code) => page.getByRole('checkbox', { name: new RegExp(`^${code} (?!not offered)`) });
const complete = (page) => page.getByRole('status').filter({ hasText: /^✓ Complete: every rule is met$/ });
const checking = (page) => page.getByRole('status').filter({ hasText: /^Checking your plan…$/ });
const shared = (page) => page.getByText(/^You are looking at a shared plan/);

test('with scripts disabled, a share link shows its qualification\'s page, not the home page', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const address of [`${PAGE}#p/${COMPLETE}`, `q/${VTCT.id}#p/${COMPLETE}`]) {
    const response = await page.goto(server.url + address);
    assert.equal(response.status(), 200, address);
    assert.equal(new URL(page.url()).pathname, `/${PAGE}`, 'an address without its last / is sent to the page');
    assert.equal(new URL(page.url()).hash, `#p/${COMPLETE}`, 'the plan stays in the fragment');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), VTCT.title);
    assert.equal(await page.getByRole('heading', { name: 'Choose your qualification' }).count(), 0);
    assert.equal(await page.title(), `${VTCT.title} · Unit planner`);
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), await page.title(), 'link previews name the qualification');
    assert.equal(await page.getByRole('checkbox', { name: /^(?!.*not offered)/ }).count(), VTCT.unitTitles.length);
    const text = await page.locator('main').innerText();
    for (const title of VTCT.unitTitles) assert.ok(text.includes(title), title);
    assert.ok(await checking(page).isVisible(), 'no status is claimed before the link is read');
  }
  await context.close();
});

test('with scripts, a share link paints its qualification\'s page, checking, then the plan\'s verdict', async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(`${server.url}${PAGE}#p/${COMPLETE}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), VTCT.title);
  assert.ok(await checking(page).isVisible());
  assert.ok(await unit(page, 'CSP14').isDisabled(), 'the plan is blank and disabled until it is read');
  await page.evaluate(() => { window.paintedHeading = document.querySelector('h1'); });
  release();
  await complete(page).waitFor();
  await started(page);
  assert.ok(await shared(page).isVisible());
  for (const code of ['CSP07', 'CSP09', 'CSP10', 'CSP14']) assert.ok(await unit(page, code).isChecked(), code);
  assert.ok(!(await unit(page, 'CSP04').isChecked()));
  assert.ok(await page.evaluate(() => document.querySelector('h1') === window.paintedHeading), 'the page was taken over, not drawn again');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('links of every earlier form still open', async () => {
  const context = await browser.newContext();
  const one = await visit(context, server.url + FORMAT_ONE);
  await shared(one).filter({ hasText: /^You are looking at a shared plan \(“Ana's plan”\)\./ }).waitFor();
  for (const code of ['CSP04', 'CSP07']) assert.ok(await unit(one, code).isChecked(), code);
  const reviewed = await visit(context, server.url + REVIEWED);
  await reviewed.getByText(/^✓ Approved by Sam Adviser on 01\/12\/2026$/).waitFor();
  for (const code of ['CSP07', 'CSP14']) assert.ok(await unit(reviewed, code).isChecked(), code);
  const bookmark = await visit(context, `${server.url}#/q/${VTCT.id}`);
  assert.equal(await bookmark.getByRole('heading', { level: 1 }).innerText(), VTCT.title);
  assert.equal(await shared(bookmark).count(), 0);
  for (const page of [one, reviewed, bookmark]) assert.deepEqual(page.errors, []);
  await context.close();
});

test('offline, the service worker sends a share link its qualification\'s page', async () => {
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  for (const address of [`${PAGE}#p/${COMPLETE}`, `q/${VTCT.id}#p/${COMPLETE}`]) {
    const response = await page.goto(server.url + address);
    assert.ok(response.fromServiceWorker(), address);
    assert.ok((await response.text()).includes(`<h1>${VTCT.title}</h1>`), `${address}: the worker sent the qualification's page`);
    await complete(page).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), VTCT.title, address);
    assert.ok(await unit(page, 'CSP09').isChecked(), address);
  }
  assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});
