// End-to-end tests of the plan as a shared record: two tabs, export and import, the
// adviser's review, credit transfer and exemption, and carrying units to another
// qualification. Things are found by role and name, as a person finds them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, newPage, started, visit } from './helpers.mjs';

let server;
let browser;
const VTCT = '#/q/vtct-l1-cert-principles-cs';
const KEY = 'unit-planner/v1/plans';

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A new page at `hash` (or a path) on the test server, once the app has started. */
const open = (context, hash = '') => visit(context, server.url + hash);

const unit = (page, code) => page.getByRole('checkbox', { name: new RegExp(`^${code} (?!not offered)`) });
const progress = (page, code) => page.getByRole('combobox', { name: `Progress of ${code}` });
const shareLink = (page) => page.getByRole('textbox', { name: 'Link' }).inputValue();
const storedPlans = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '{"plans":[]}').plans, KEY);

test('two tabs never lose each other\'s choices, and a deletion in one sticks', async () => {
  const context = await browser.newContext();
  const first = await open(context, VTCT);
  await unit(first, 'CSP14').check();
  const second = await open(context, VTCT);
  await assert.doesNotReject(() => unit(second, 'CSP14').isChecked().then((c) => assert.ok(c)));
  await unit(second, 'CSP15').check();
  // The first tab hears of the second's change, and its own next choice keeps both.
  await first.waitForFunction(() => document.querySelector('input[type=checkbox]:checked') !== null);
  await assert.doesNotReject(async () => {
    for (let i = 0; i < 50 && !(await unit(first, 'CSP15').isChecked()); i++) await first.waitForTimeout(100);
    assert.ok(await unit(first, 'CSP15').isChecked(), 'the first tab shows the second tab\'s choice');
  });
  await unit(first, 'CSP16').check();
  await second.reload();
  await started(second);
  for (const code of ['CSP14', 'CSP15', 'CSP16']) {
    assert.ok(await unit(second, code).isChecked(), `${code} survives the reload`);
  }

  // Delete on the home page of one tab; the other's older copy must not bring it back.
  const home = await open(context, '#/');
  await home.getByRole('button', { name: /^Delete / }).click();
  await home.getByText(/^Deleted “/).waitFor();
  await first.reload();
  await second.reload();
  await started(second);
  await unit(second, 'CSP17').check();
  await home.reload();
  await home.getByRole('button', { name: /^Open / }).first().waitFor();
  const names = await home.getByRole('button', { name: /^Open / }).allInnerTexts();
  assert.equal(names.length, 1, `one plan: the new one, not the deleted one (${names})`);
  const plans = await storedPlans(home);
  assert.equal(plans.length, 1);
  assert.equal(plans[0].doc.units.length, 1, 'the deleted plan\'s units did not come back');
  assert.deepEqual([first.errors, second.errors, home.errors], [[], [], []]);
  await context.close();
});

test('export, then import into a fresh browser; a foreign file changes nothing', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await page.getByRole('link', { name: '← All qualifications' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my plans' }).click(),
  ]);
  const file = await download.path();
  assert.match(download.suggestedFilename(), /^unit-planner-plans-\d{4}-\d\d-\d\d\.json$/);

  const fresh = await browser.newContext();
  const other = await open(fresh, '#/');
  const picker = other.getByLabel('Import plans from a file');
  await picker.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await other.getByText(/not a unit-planner export/).waitFor();
  assert.equal((await storedPlans(other)).length, 0, 'nothing was imported');
  await picker.setInputFiles(file);
  await other.getByText('Imported: 1 plan added.').waitFor();
  await other.getByRole('button', { name: 'Open Plan 1' }).click();
  assert.ok(await unit(other, 'CSP14').isChecked());
  await other.getByRole('link', { name: '← All qualifications' }).click();
  await other.getByLabel('Import plans from a file').setInputFiles(file);
  await other.getByText('Imported: 0 plans added, 1 plan already here.').waitFor();
  assert.equal((await storedPlans(other)).length, 1, 'importing again duplicates nothing');
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).kind, 'unit-planner plans');
  await fresh.close();
  await context.close();
});

test('learner → adviser → learner: the approval shows, then goes out of date with the changes listed', async () => {
  const learnerContext = await browser.newContext();
  const learner = await open(learnerContext, VTCT);
  await unit(learner, 'CSP14').check();
  await unit(learner, 'CSP15').check();
  const sent = await shareLink(learner);

  const adviserContext = await browser.newContext();
  const adviser = await newPage(adviserContext);
  await adviser.goto(sent);
  await adviser.getByText(/You are looking at a shared plan/).waitFor();
  await adviser.getByText('I am the adviser: review this plan').click();
  await adviser.getByRole('textbox', { name: 'Your name' }).fill('Sam Okafor');
  await adviser.getByRole('radio', { name: 'Approved' }).check();
  await adviser.getByRole('textbox', { name: /^Note/ }).fill('<b>Good</b> choice');
  await adviser.getByRole('button', { name: 'Add review' }).click();
  await adviser.getByText(/^✓ Approved by Sam Okafor on \d\d\/\d\d\/\d{4}$/).waitFor();
  const returned = await shareLink(adviser);
  assert.notEqual(returned, sent);
  assert.ok(returned.length < 2000);
  assert.equal((await storedPlans(adviser)).length, 0, 'reviewing saves nothing in the adviser\'s browser');

  const back = await newPage(learnerContext);
  await back.goto(returned);
  await back.getByText(/^✓ Approved by Sam Okafor on /).waitFor();
  assert.ok(await back.getByText('Adviser\'s note: <b>Good</b> choice').isVisible(), 'the note is text, not markup');
  await back.getByRole('button', { name: 'Save to my plans' }).click();
  await unit(back, 'CSP16').check();
  await back.getByText(/— out of date: the plan has changed since the review$/).waitFor();
  assert.ok(await back.getByRole('listitem').filter({ hasText: /^Added CSP16 / }).isVisible());
  await back.getByRole('combobox', { name: 'Compare this plan with' }).selectOption({ label: 'The version the adviser reviewed' });
  const table = back.getByRole('table', { name: 'Optional units in either plan' });
  assert.equal(await table.getByRole('row', { name: /^CSP16 / }).getByRole('cell').first().innerText(), '✓ Planned');
  assert.equal(await table.getByRole('row', { name: /^CSP16 / }).getByRole('cell').last().innerText(), '—');
  assert.deepEqual([learner.errors, adviser.errors, back.errors], [[], [], []]);
  await adviserContext.close();
  await learnerContext.close();
});

test('a unit marked credit transfer counts as achieved; an exempt unit is listed apart', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await unit(page, 'CSP15').check();
  await progress(page, 'CSP14').selectOption({ label: 'Credit transfer' });
  await page.getByRole('textbox', { name: 'Qualification CSP14 was achieved in' }).fill('NCFE Level 1 NVQ Certificate');
  await page.getByRole('textbox', { name: 'Qualification CSP14 was achieved in' }).press('Tab');
  await progress(page, 'CSP15').selectOption({ label: 'Exempt' });
  const achieved = page.getByText(/^Achieved so far: /);
  await achieved.filter({ hasText: /not counting exempt units, which are not credit gained: CSP15\)$/ }).waitFor();
  assert.match(await achieved.innerText(), /^Achieved so far: [1-9]\d* of \d+ credits/);
  assert.ok(await page.getByText(/^Credit transfer: a unit achieved in another qualification counts/).isVisible());
  assert.ok(await page.getByText(/^Exempt: .*None of the specifications in this catalogue describes exemptions/).isVisible());
  await page.reload();
  await started(page);
  assert.equal(await progress(page, 'CSP14').inputValue(), 'transferred');
  assert.equal(await page.getByRole('textbox', { name: 'Qualification CSP14 was achieved in' }).inputValue(), 'NCFE Level 1 NVQ Certificate');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('units carry to another qualification as credit transfer, matched by title with a caution', async () => {
  const context = await browser.newContext();
  const page = await open(context, '#/q/ncfe-l1-nvq-cert-cs');
  await unit(page, 'R/601/1212').check();
  const panel = page.getByRole('region', { name: 'What my units count toward' });
  const destination = panel.getByRole('article').filter({ hasText: 'Level 3 NVQ Diploma in Customer Service' });
  await destination.waitFor();
  assert.ok(await destination.getByText(/your centre must confirm it/).first().isVisible());
  await destination.getByRole('button', { name: /^Start a plan for Level 3 NVQ Diploma in Customer Service/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Level 3 NVQ Diploma in Customer Service' }).waitFor();
  assert.equal(await progress(page, '4430-202').inputValue(), 'transferred');
  assert.ok(await unit(page, '4430-202').isChecked());
  assert.match(await page.getByRole('combobox', { name: 'Plan' }).innerText(), /^Carried from NCFE Level 1 NVQ Certificate in Customer Servi…$/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
