// A page carries the built-ins it shows (a qualification's page its own) as data, not in
// the app's wasm; moving to what it does not hold loads the rest, and when that fails the
// page says so and nothing saved changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, visit, specs } from './helpers.mjs';

let server;
let browser;
const VTCT = 'vtct-l1-cert-principles-cs';

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const carried = (page) => page.evaluate(() => {
  const data = JSON.parse(document.getElementById('builtins').textContent);
  return data.qualifications.map((q) => q.id);
});

test('a qualification\'s page carries its own, and the others arrive for the home page and the next page', async () => {
  const context = await browser.newContext();
  const page = await visit(context, `${server.url}q/${VTCT}/`);
  assert.deepEqual(await carried(page), [VTCT]);
  await page.getByRole('link', { name: '← All qualifications' }).click();
  const all = specs();
  for (const spec of all) await page.getByRole('link', { name: spec.title, exact: true }).waitFor();
  const other = all.find((s) => s.id !== VTCT);
  await page.getByRole('link', { name: other.title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: other.title }).waitFor();
  await page.getByText(other.unitTitles[0], { exact: true }).first().waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('when the others cannot be loaded the page says so briefly and keeps what was saved', async () => {
  const context = await browser.newContext();
  await context.route('**/catalogue.json', (route) => route.abort());
  const page = await visit(context, `${server.url}q/${VTCT}/`);
  await page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ }).check();
  const saved = await page.evaluate(() => localStorage.getItem('unit-planner/v1/plans'));
  assert.ok(saved?.includes(VTCT));
  // In-app to a qualification the page did not carry (the home page is a page of its own,
  // which carries every one).
  const other = specs().find((s) => s.id !== VTCT);
  await page.evaluate((id) => { history.pushState(null, '', `/q/${id}/`); dispatchEvent(new PopStateEvent('popstate')); }, other.id);
  await page.getByRole('alert').filter({ hasText: /^Not every qualification could be shown: the other qualifications could not be loaded \(offline\?\)\. Nothing you have saved has changed\.$/ }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('unit-planner/v1/plans')), saved);
  await context.close();
});
