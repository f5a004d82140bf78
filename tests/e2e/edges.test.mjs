// End-to-end tests of the record's edges: a note longer than is kept, a note on two lines,
// closed qualifications a review, a carried plan or a shared link leads to, the caution on
// units carried by title, notices of success apart from warnings, and credit achieved that
// the specification does not state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, visit } from './helpers.mjs';

let server;
let browser;
const VTCT = '#/q/vtct-l1-cert-principles-cs';
const CLOSED = /^⚠ Closed: this qualification's last certification or end date \(31\/07\/2017\) has passed\.$/;

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const open = (context, hash = '') => visit(context, server.url + hash);
const unit = (page, code) => page.getByRole('checkbox', { name: new RegExp(`^${code} (?!not offered)`) });

test('a note longer than 280 characters says what was cut, and a note on two lines keeps its words apart', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  const note = page.getByRole('textbox', { name: /^A note on this plan/ });
  await note.fill(`${'a'.repeat(280)}${'b'.repeat(20)}`);
  await note.press('Tab');
  await page.getByRole('status').filter({ hasText: /^A note keeps up to 280 characters, so the end was left out: “b{20}”$/ }).waitFor();
  assert.equal(await note.inputValue(), 'a'.repeat(280));
  await note.fill('Ask about CSP15\nbefore March');
  await note.press('Tab');
  for (let i = 0; i < 50 && (await note.inputValue()) !== 'Ask about CSP15 before March'; i++) await page.waitForTimeout(100);
  assert.equal(await note.inputValue(), 'Ask about CSP15 before March');
  assert.equal(await page.getByText(/so the end was left out/).count(), 0, 'a note that fits says nothing was cut');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the adviser is told that a note is too long before sending the review', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await page.getByText('I am the adviser: review this plan').click();
  await page.getByRole('textbox', { name: /^Note/ }).fill('c'.repeat(300));
  await page.getByRole('status').filter({ hasText: /^A note keeps up to 280 characters, so the end was left out: “c{20}”$/ }).waitFor();
  await context.close();
});

test('carrying units to a closed qualification says it is closed before starting, and the new plan keeps the caution on title matches', async () => {
  const context = await browser.newContext();
  const page = await open(context, '#/q/ncfe-l1-nvq-cert-cs');
  await unit(page, 'R/601/1212').check();
  const destination = page.getByRole('region', { name: 'What my units count toward' })
    .getByRole('article').filter({ hasText: 'Level 3 NVQ Diploma in Customer Service' });
  await destination.getByText(CLOSED).waitFor();
  const text = await destination.innerText();
  assert.ok(text.indexOf('⚠ Closed') < text.indexOf('Start a plan there'), 'the closure is said before the button');
  await destination.getByRole('button', { name: /^Start a plan for Level 3 NVQ Diploma/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Level 3 NVQ Diploma in Customer Service' }).waitFor();
  const row = page.getByRole('listitem').filter({ has: unit(page, '4430-202') });
  await row.getByText(/credit transfer from NCFE Level 1 NVQ Certificate in Customer Service: probably the same unit \(same title; no reference printed\) — your centre must confirm it$/).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a shared plan or review for a closed qualification says so before it is saved', async () => {
  const context = await browser.newContext();
  const page = await open(context, 'q/cg-l3-nvq-dip-cs/');
  const link = await page.getByRole('textbox', { name: 'Link' }).inputValue();
  const other = await newPage(await browser.newContext());
  await other.goto(link);
  const banner = other.getByRole('status').filter({ hasText: /You are looking at a shared plan/ });
  await banner.waitFor();
  assert.match(await banner.innerText(), /^⚠ Closed: .*\n+You are looking at a shared plan/);
  await other.getByText('I am the adviser: review this plan').click();
  assert.ok(await other.getByRole('group', { name: 'Verdict' }).isVisible());
  assert.ok(await other.locator('form').getByText(CLOSED).isVisible(), 'the adviser sees it before reviewing');
  await context.close();
});

test('a success notice is a status, not a warning; a refused file is a warning', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await page.getByRole('link', { name: '← All qualifications' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export my plans' }).click()]);
  await page.getByRole('status').filter({ hasText: /^✓ Exported 1 plan\(s\) to unit-planner-plans-[\d-]+\.json\.Dismiss$/ }).waitFor();
  assert.equal(await page.getByRole('alert').count(), 0, 'no warning for a success');
  await page.getByLabel('Import plans from a file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await page.getByRole('alert').filter({ hasText: /^⚠ Import: this file is not a unit-planner export/ }).waitFor();
  await context.close();
});

test('"Achieved so far" with credits the specification does not state reads as not known, never 0', async () => {
  const context = await browser.newContext();
  const page = await open(context, '#/q/ncfe-l1-nvq-cert-cs');
  await unit(page, 'R/601/1209').check();
  await page.getByRole('combobox', { name: 'Progress of R/601/1209' }).selectOption('achieved');
  await page.getByText(/^Achieved so far: not known: the credits of R\/601\/1209 are not stated$/).waitFor();
  assert.equal(await page.getByText(/^Achieved so far: 0 /).count(), 0);
  await context.close();
});
