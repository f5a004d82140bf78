// End-to-end tests of a centre's own qualification file in the browser: added by picker
// and by paste, planned on, shared into a browser without the file (it says what it
// needs, then opens the plan once the file is added), a changed file reported, exported
// and imported with the plans, removal asked first, and bad files refused with nothing
// lost. Things are found by role and name, as a person finds them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, visit, started } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TITLE = 'Our Centre Certificate in Customer Service';
const PLANS = 'unit-planner/v1/plans';
const CENTRE = 'unit-planner/v1/centre';

/** A small valid file in the specs/ format: a built-in's rules under our own id and title. */
const ours = (title = TITLE) => readFileSync('specs/vtct-l1-cert-principles-cs.toml', 'utf8')
  .replace(/^id = ".*"$/m, 'id = "ours-l1-cert"')
  .replace(/^title = \{ value = "[^"]*"/m, `title = { value = "${title}"`);

const open = (context, path = '') => visit(context, server.url + path);
const unit = (page, code) => page.getByRole('checkbox', { name: new RegExp(`^${code} (?!not offered)`) });
const added = (page, title = TITLE) => page.getByText(new RegExp(`^✓ Added “${title}” as your centre's qualification\\.$`));
const picker = (page) => page.getByLabel('Choose a qualification file');
const stored = (page) => page.evaluate(([p, c]) => [localStorage.getItem(p), localStorage.getItem(c)], [PLANS, CENTRE]);

/** Adds our file by pasting it on `page`'s home page. */
async function paste(page, text) {
  await page.getByRole('textbox', { name: "Or paste the file's text" }).fill(text);
  await page.getByRole('button', { name: /^Add this qualification$/ }).click();
}

test('a pasted file is listed as the centre\'s, planned on, kept, and its link needs the file elsewhere', async () => {
  const context = await browser.newContext();
  const home = await open(context);
  await paste(home, ours());
  await added(home).waitFor();
  const item = home.getByRole('listitem').filter({ has: home.getByRole('link', { name: new RegExp(`^${TITLE}$`) }) });
  await item.getByText(/^Your centre's$/).waitFor();
  await home.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).click();
  await home.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await started(home);
  await unit(home, 'CSP14').check();
  const link = await home.getByRole('textbox', { name: 'Link' }).inputValue();
  assert.match(link, /\/#c\/1\/ours-l1-cert\/600%2F4940%2F6\/[0-9a-f]{16}\/Our%20Centre/);
  // Kept in this browser: a reload still lists it and has the plan.
  await home.goto(server.url);
  await started(home);
  await home.getByRole('button', { name: /^Open (?!a qualification file$)/ }).first().waitFor();
  await home.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).waitFor();

  // A fresh browser has no such file: the page says which qualification and file, and
  // opens the plan once the file is added (here by the picker).
  const other = await browser.newContext();
  const page = await open(other, link.replace(/^https?:\/\/[^/]+\//, ''));
  await page.getByRole('heading', { level: 1, name: /^This plan needs your centre's qualification file$/ }).waitFor();
  const needs = await page.getByRole('alert').first().innerText();
  assert.match(needs, /600\/4940\/6 “Our Centre Certificate in Customer Service”/);
  assert.match(needs, /fingerprint [0-9a-f]{16}/);
  await picker(page).setInputFiles({ name: 'ours.toml', mimeType: 'text/plain', buffer: Buffer.from(ours()) });
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await started(page);
  assert.ok(await unit(page, 'CSP14').isChecked(), 'the shared plan opened');
  assert.equal(await page.getByText(/has changed since this link was made/).count(), 0);

  // Another version of the file (same qualification): the plan opens, reported as changed.
  const third = await browser.newContext();
  const changed = await open(third);
  await paste(changed, `${ours()}\n# edited by the centre\n`);
  await added(changed).waitFor();
  await changed.goto(link);
  await changed.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await changed.getByRole('alert').filter({ hasText: /^The file of 600\/4940\/6 “Our Centre Certificate in Customer Service” has changed since this link was made/ }).waitFor();
  await started(changed);
  assert.ok(await unit(changed, 'CSP14').isChecked());
  assert.deepEqual([home.errors, page.errors, changed.errors], [[], [], []]);
  await Promise.all([context.close(), other.close(), third.close()]);
});

test('an export carries the centre\'s file, so its plans import into a browser without it', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  await picker(page).setInputFiles({ name: 'ours.toml', mimeType: 'text/plain', buffer: Buffer.from(ours()) });
  await added(page).waitFor();
  await page.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await started(page);
  await unit(page, 'CSP15').check();
  await page.getByRole('link', { name: '← All qualifications' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my plans' }).click(),
  ]);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  assert.equal(JSON.parse(text).version, 3);

  const elsewhere = await browser.newContext();
  const other = await open(elsewhere);
  await other.getByLabel('Import plans from a file').setInputFiles(file);
  await other.getByText(/^✓ Imported: 1 plan added\. It added 1 centre's qualification\.$/).waitFor();
  await other.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).waitFor();
  await other.getByRole('button', { name: /^Open (?!a qualification file$)/ }).first().click();
  await other.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await started(other);
  assert.ok(await unit(other, 'CSP15').isChecked());
  assert.deepEqual([page.errors, other.errors], [[], []]);
  await Promise.all([context.close(), elsewhere.close()]);
});

test('damaged, hostile and oversized files get a short message and nothing saved is touched', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  await paste(page, ours());
  await added(page).waitFor();
  await page.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).click();
  await started(page);
  await unit(page, 'CSP14').check();
  await page.getByRole('link', { name: '← All qualifications' }).click();
  await page.getByRole('heading', { name: 'My plans' }).waitFor();
  const before = await stored(page);

  const cases = [
    ['a TOML syntax error, with its line', `${ours()}\ntitle = = 3\n`, /^pasted text: .*line \d+/],
    ['a file the CLI refuses, with its line', ours().replace(/^\[\[groups\]\]$/m, '[[grops]]'), /^pasted text: .*grops.*line \d+/],
    ['markup', ours().replace(TITLE, '<script>alert(1)</script>'), /^pasted text: line 5 has markup/],
    ['a control character', ours().replace('Customer', 'Cust\u0007omer'), /^pasted text: line 5 has a control character/],
    ['a huge line', ours().replace(TITLE, 'x'.repeat(5000)), /^pasted text: line 5 is longer than 2000 characters/],
  ];
  for (const [what, text, message] of cases) {
    await paste(page, text);
    const refusal = page.getByRole('alert').filter({ hasText: message });
    await refusal.waitFor();
    assert.match(await refusal.innerText(), /Nothing was added or changed\.$/, what);
    assert.deepEqual(await stored(page), before, `${what}: storage untouched`);
  }
  await picker(page).setInputFiles({ name: 'big.toml', mimeType: 'text/plain', buffer: Buffer.alloc(600 * 1024, 'a') });
  await page.getByRole('alert').filter({ hasText: /^big\.toml: the file is 600 KB, more than the 512 KB a qualification file may have\. Nothing was added or changed\.$/ }).waitFor();
  assert.deepEqual(await stored(page), before);

  // Removing asks first and says what happens to the plan; the plan stays.
  await page.getByRole('button', { name: new RegExp(`^Remove ${TITLE}$`) }).click();
  const question = page.getByRole('alertdialog', { name: new RegExp(`^Remove ${TITLE}\\?$`) });
  assert.match(await question.innerText(), /Its 1 saved plan stays in My plans, but cannot be opened until its file is added again\./);
  await question.getByRole('button', { name: /^Keep it$/ }).click();
  await page.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Remove ${TITLE}$`) }).click();
  await page.getByRole('button', { name: /^Remove it$/ }).click();
  await page.getByText(/^✓ Removed “Our Centre Certificate in Customer Service”\. Its 1 saved plan stays in My plans; add its file again to open them\.$/).waitFor();
  assert.equal(await page.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).count(), 0);
  const kept = await page.getByRole('button', { name: /^Open (?!a qualification file$)/ }).allInnerTexts();
  assert.equal(kept.length, 1, `the plan is kept (${kept})`);
  assert.deepEqual(page.errors, []);
  await context.close();
});
