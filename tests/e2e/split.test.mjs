// A qualification's page, and so every share link, loads its own wasm (`plan_bg.wasm`),
// which holds only the planning page: the home page, the importer and the centre's
// screens are in the other pages' wasm (`app-…_bg.wasm`), fetched only when one of those
// pages is opened, where they work on what the planning page saved.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, visit, specs } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const VTCT = specs().find((s) => s.id === 'vtct-l1-cert-principles-cs');
/** CSP07, CSP09, CSP10 and CSP14: a complete plan. */
const LINK = `q/${VTCT.id}/#p/.AxSgEQAA14gDPCJ`;
const APP = /\/app-[0-9a-f]{16}_bg\.wasm$/;
const PLAN = /\/plan_bg\.wasm$/;

/**
 * The wasm files the context's pages fetch, by address (not the service worker's own
 * fetches, which keep every file for offline use once a page is usable).
 */
function fetched(context) {
  const wasm = [];
  context.on('request', (request) => {
    if (request.url().endsWith('.wasm') && !request.serviceWorker()) wasm.push(request.url());
  });
  return wasm;
}

test('a share link fetches the planning wasm, not the home page\'s screens', async () => {
  const context = await browser.newContext();
  const wasm = fetched(context);
  const page = await visit(context, server.url + LINK);
  await page.getByRole('status').filter({ hasText: /^✓ Complete: every rule is met$/ }).waitFor();
  await page.getByRole('button', { name: /^Copy link$/ }).waitFor();
  assert.ok(wasm.some((url) => PLAN.test(url)), `the planning wasm is fetched: ${wasm}`);
  assert.deepEqual(wasm.filter((url) => APP.test(url)), [], 'the other pages\' wasm is not fetched');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the home page\'s screens, fetched when it is opened, show the plan saved from the link', async () => {
  const context = await browser.newContext();
  const wasm = fetched(context);
  const page = await visit(context, server.url + LINK);
  await page.getByRole('button', { name: /^Save to my plans$/ }).click();
  await page.getByRole('link', { name: /^← All qualifications$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^Choose your qualification$/ }).waitFor();
  await page.getByRole('button', { name: /^Open Shared plan$/ }).click();
  await page.getByRole('heading', { level: 1, name: VTCT.title, exact: true }).waitFor();
  assert.ok(await page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ }).isChecked());
  assert.ok(wasm.some((url) => APP.test(url)), `the other pages' wasm is fetched with the home page: ${wasm}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});
