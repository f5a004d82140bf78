// End-to-end tests: a person using the planner in Chromium, finding things by role and name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, newPage, started, visit } from './helpers.mjs';

let server;
let browser;
const VTCT = '#/q/vtct-l1-cert-principles-cs';

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A new page at `hash` (or a path) on the test server, once the app has started. */
const open = (context, hash = '') => visit(context, server.url + hash);

/** The checkbox that puts a unit in the plan. */
const unit = (page, code) => page.getByRole('checkbox', { name: new RegExp(`^${code} (?!not offered)`) });

/**
 * The overall status banner's exact opening words. A string in `hasText` is a
 * case-insensitive substring ("Complete" is inside "Incomplete"), so each is an anchored
 * regular expression.
 */
const STATUS = {
  complete: /^✓ Complete: every rule is met$/,
  incomplete: /^✗ Incomplete: /,
  unconfirmed: /^\? Can't be confirmed: /,
};

/** The status banner, whatever it says. */
const status = (page) => page.getByRole('status').filter({ hasText: /^(✓ Complete|✗ Incomplete|\? Can't be confirmed|✗ Blocked): / }).first();

/** The status banner when it shows one of `patterns`. */
const statusIs = (page, ...patterns) =>
  page.getByRole('status').filter({ hasText: new RegExp(patterns.map((p) => p.source).join('|')) });

test('the home page lists and searches qualifications and marks closed ones', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const links = page.getByRole('list').last().getByRole('link');
  assert.equal(await links.count(), 5);
  await page.getByRole('searchbox', { name: /Search by title/ }).fill('600/4940');
  assert.equal(await links.count(), 1);
  await page.getByRole('searchbox', { name: /Search by title/ }).fill('city & guilds');
  assert.equal(await links.count(), 1);
  assert.ok(await page.getByText('⚠ Closed').isVisible());
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('choosing units changes the rules live, and a barred unit says why', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await assert.doesNotReject(statusIs(page, STATUS.incomplete).waitFor());
  await page.getByRole('checkbox', { name: /CSP14 Create a good impression/ }).check();
  await page.getByText('6 more credits', { exact: true }).waitFor();
  const csp04 = page.getByRole('checkbox', { name: /CSP04 The importance/ });
  assert.ok(await csp04.isDisabled());
  assert.ok(await page.getByText(/Can't add: barred with CSP14, which is in your plan/).isVisible());
  assert.ok(await page.getByText(/Can't add: barred with mandatory unit CSP02/).isVisible());
  for (const code of ['CSP15', 'CSP16', 'CSP17']) {
    await unit(page, code).check();
  }
  await statusIs(page, STATUS.complete).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('complete my plan says so when the engine cannot load, changes nothing, and works once it can', async () => {
  const context = await browser.newContext();
  await context.route(/\/engine[-_.][^/]*$/, (route) => route.abort());
  const page = await newPage(context);
  await page.goto(server.url + VTCT);
  await page.waitForFunction(() => !document.querySelector('fieldset:disabled') && document.querySelector('fieldset.plain'));
  await unit(page, 'CSP14').check();
  await page.getByRole('button', { name: 'Complete my plan' }).click();
  await page.getByRole('status').filter({ hasText: /^The planner's engine did not load \(you may be offline\); your plan is unchanged\. Try again when online\.$/ }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Proposed units' }).count(), 0);
  assert.ok(await unit(page, 'CSP14').isChecked());
  await context.unroute(/\/engine[-_.][^/]*$/);
  const button = page.getByRole('button', { name: 'Complete my plan' });
  await button.click();
  await page.getByRole('region', { name: 'Proposed units' }).waitFor();
  assert.deepEqual(page.errors.filter((e) => !/ERR_FAILED/.test(e)), []);
  await context.close();
});

test('complete my plan shows "Working…" while the engine module loads', async () => {
  const context = await browser.newContext();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route('**/engine_bg.wasm', async (route) => { await held; await route.continue(); });
  const page = await newPage(context);
  await page.goto(server.url + VTCT);
  await page.waitForFunction(() => !document.querySelector('fieldset:disabled') && document.querySelector('fieldset.plain'));
  await page.getByRole('button', { name: 'Complete my plan' }).click();
  await page.getByRole('button', { name: 'Working…' }).waitFor();
  release();
  await page.getByRole('region', { name: 'Proposed units' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Complete my plan' }).isVisible());
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('complete my plan previews units, and accepting them completes the plan', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await page.getByRole('checkbox', { name: /CSP04 not offered/ }).check();
  await page.getByRole('button', { name: 'Complete my plan' }).click();
  const proposal = page.getByRole('region', { name: 'Proposed units' });
  await proposal.waitFor();
  assert.ok(!(await proposal.textContent()).includes('CSP04'), 'units not offered are left out');
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await statusIs(page, STATUS.complete).waitFor();
  await context.close();
});

test('plans are saved as the learner works and survive a reload', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await page.getByRole('combobox', { name: 'Progress of CSP14' }).selectOption('achieved');
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await started(page);
  assert.ok(await unit(page, 'CSP14').isChecked());
  assert.ok(await page.getByText('Achieved so far: 2 of 13 credits').isVisible());
  await page.getByRole('link', { name: /All qualifications/ }).click();
  await page.getByRole('heading', { name: 'My plans' }).waitFor();
  await page.getByRole('button', { name: 'Delete Plan 1' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.ok(await page.getByRole('button', { name: 'Open Plan 1' }).isVisible());
  await context.close();
});

test('a copied link opens the same plan in a fresh browser without touching saved plans', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await unit(page, 'CSP15').check();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText('Link copied.').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/q\/vtct-l1-cert-principles-cs\/#p\/\.[A-Za-z0-9_-]+$/);
  assert.ok(link.length - server.url.length + 1 < 120);
  const fresh = await browser.newContext();
  const other = await newPage(fresh);
  await other.goto(link);
  await other.getByText(/You are looking at a shared plan/).waitFor();
  assert.ok(await unit(other, 'CSP15').isChecked());
  const savedPlans = () => other.evaluate(() => JSON.parse(localStorage.getItem('unit-planner/v1/plans') ?? '{"plans":[]}').plans.length);
  assert.equal(await savedPlans(), 0, 'opening a link saves nothing');
  await unit(other, 'CSP16').check();
  assert.equal(await savedPlans(), 0, 'editing a shared plan saves nothing until asked');
  await other.getByRole('button', { name: 'Save to my plans' }).click();
  await other.getByRole('combobox', { name: 'Plan' }).waitFor();
  assert.match(await other.evaluate(() => localStorage.getItem('unit-planner/v1/plans')), /vtct-l1-cert-principles-cs/);
  await fresh.close();
  await context.close();
});

test('a mangled link gets a clear message and the app keeps working', async () => {
  const context = await browser.newContext();
  const page = await open(context, `${VTCT}/p/AQQAAAAA`);
  await page.getByRole('alert').filter({ hasText: 'cannot be opened' }).waitFor();
  await page.getByRole('link', { name: 'Open this qualification' }).click();
  await unit(page, 'CSP14').waitFor();
  const unknown = await open(context, '#/q/nope/p/AQ');
  assert.ok(await unknown.getByRole('alert').isVisible());
  const future = await open(context, `${VTCT}/p/BQAAAAAAAA`);
  await future.getByRole('alert').filter({ hasText: 'newer version of the planner' }).waitFor();
  await context.close();
});

test('corrupt stored data is kept aside, reported, and not overwritten', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('unit-planner/v1/plans', '{not json');
      localStorage.setItem('unit-planner/v1/plans.unreadable', 'kept aside last month');
      sessionStorage.setItem('seeded', '1');
    }
  });
  const page = await open(context, VTCT);
  await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('unit-planner/v1/plans.unreadable')), 'kept aside last month',
    'data kept aside earlier is never written over');
  assert.equal(await page.evaluate(() => localStorage.getItem('unit-planner/v1/plans.unreadable.2')), '{not json');
  await unit(page, 'CSP14').check();
  await status(page).waitFor();
  await context.close();
});

test('print shows the chosen units, the rules and the link', async () => {
  const context = await browser.newContext();
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.getByText('Create a good impression to customers').isVisible());
  assert.ok(!(await page.getByText('The customer service job role').isVisible()), 'unchosen units are left off');
  assert.ok(await page.getByText('Status: Planned').first().isVisible(), 'chosen units show their status');
  assert.ok(await status(page).isVisible(), 'the overall status is printed');
  assert.ok(await page.getByText(/\/q\/vtct-l1-cert-principles-cs\/#p\//).last().isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000);
  await context.close();
});

test('the home and qualification pages pass an axe-core accessibility audit', async () => {
  const axe = await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  const context = await browser.newContext({ bypassCSP: true });
  for (const hash of ['', VTCT, '#/q/ncfe-l1-nvq-cert-cs']) {
    const page = await open(context, hash);
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
    const summary = result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`);
    assert.deepEqual(summary, [], `axe on ${hash || 'home'}`);
  }
  await context.close();
});

test('the whole flow works by keyboard alone', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  await page.getByRole('link', { name: /VTCT \(Skillsfirst\)/ }).focus();
  await page.keyboard.press('Enter');
  await unit(page, 'CSP14').waitFor();
  await unit(page, 'CSP14').focus();
  await page.keyboard.press('Space');
  assert.ok(await unit(page, 'CSP14').isChecked());
  await page.getByRole('button', { name: 'Complete my plan' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Accept' }).focus();
  await page.keyboard.press('Enter');
  await statusIs(page, STATUS.complete).waitFor();
  await context.close();
});

test('values entered for unstated credits count, marked as entered by you', async () => {
  const context = await browser.newContext();
  const page = await open(context, '#/q/ncfe-l1-nvq-cert-cs');
  await unit(page, 'R/601/1209').check();
  await page.getByText("Enter values for R/601/1209 from your centre's unit list").click();
  await page.getByRole('spinbutton', { name: 'Credits for R/601/1209' }).fill('4');
  await page.getByRole('spinbutton', { name: 'Credits for R/601/1209' }).press('Tab');
  await page.getByText('4 credits (entered by you)').waitFor();
  assert.ok(await page.getByText('4 / 14').isVisible(), 'the entered credits count towards the optional groups');
  assert.ok(await page.getByText('Includes values entered by you: R/601/1209 4 credits').isVisible());
  await statusIs(page, STATUS.incomplete, STATUS.unconfirmed).waitFor();
  await context.close();
});

test('full or disabled storage gets a message and the plan keeps working', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };
  });
  const page = await open(context, VTCT);
  await unit(page, 'CSP14').check();
  await page.getByRole('alert').filter({ hasText: 'could not be saved' }).waitFor();
  await unit(page, 'CSP15').check();
  assert.ok(await unit(page, 'CSP14').isChecked() && await unit(page, 'CSP15').isChecked());
  await page.getByText('3 more credits', { exact: true }).waitFor();
  await context.close();
});
