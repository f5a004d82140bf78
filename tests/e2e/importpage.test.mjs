// The importer's page: a specification's text pasted, read in the tools worker into a
// draft reviewed beside its source lines (each value with its line and that line's text,
// values not read listed, never guessed), then added as the centre's qualification; text
// that is no specification gets a short message and nothing is added.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serve, launch, newPage } from './helpers.mjs';

let server;
let browser;

const SEEDS = '../shared/seeds';
const SEED = readdirSync(SEEDS).find((f) => f.startsWith('001_'));
const TEXT = readFileSync(`${SEEDS}/${SEED}`, 'utf8');
const LINES = TEXT.split('\n');

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The import page, once the app runs there (its buttons are disabled until then). */
async function importPage(context) {
  const page = await newPage(context);
  await page.goto(`${server.url}import/`);
  await page.getByRole('heading', { level: 1, name: /^Make a qualification file from its specification$/ }).waitFor();
  await page.waitForFunction(() => window.unitPlanner
    && !document.querySelector('.import-form button:disabled'));
  return page;
}

/** What localStorage holds, every key. */
const storage = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

test('a pasted specification is drafted and reviewed beside its source lines', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const home = await newPage(context);
  await home.goto(server.url);
  await home.getByRole('link', { name: /^Make a qualification file from its specification$/ }).click();
  await home.waitForURL(/\/import\/$/);
  await home.close();

  const page = await importPage(context);
  await page.getByLabel(/^Specification text$/).fill(TEXT);
  await page.getByRole('button', { name: /^Make a draft$/ }).click();
  await page.getByRole('status').filter({
    hasText: /^Read 15 values with the line each is printed on; 5 values left unknown; the draft loads as a qualification file\. Check every value against the text before you use the file\.$/,
  }).waitFor();

  // A stated value beside its line: the number, on line 35, with that line's text.
  const qualification = page.getByRole('table', { name: /^The qualification$/ });
  const number = qualification.getByRole('row', { name: /^Qualification number 600\/7736\/0 35 / });
  const cells = number.getByRole('cell');
  assert.deepEqual(await cells.allTextContents(), ['600/7736/0', '35', LINES[34].replace('\t', '  ')]);

  // The unit's values beside their line; the credits, printed for no unit, are not
  // guessed: they are listed once as not read.
  const unit = page.getByRole('table', { name: /^Unit 1: Y\/501\/4375 Principles of customer service \(group G1\)$/ });
  await unit.getByRole('row', { name: /^Level 1 55 / }).waitFor();
  assert.equal(await unit.getByRole('row', { name: /^Credits/ }).count(), 0);
  const notRead = page.getByRole('region', { name: /^Not read \(5\)$/ });
  await notRead.getByRole('listitem').filter({ hasText: /^units: credits: not found for any of the 1 units \(by key\)$/ }).waitFor();
  await page.getByText(/^15 values stated with their lines, 0 inferred, 5 left unknown$/).waitFor();

  // The draft file itself, viewable and downloadable.
  await page.getByText(/^The draft file \(TOML\)$/).click();
  await page.getByText(/number = \{ value = "600\/7736\/0", line = 35 \}/).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download the draft$/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'draft-600-7736-0.toml');
  assert.match(readFileSync(await download.path(), 'utf8'), /^id = "draft-600-7736-0"$/m);

  // Added as the centre's qualification, it is listed on the home page beside the
  // built-in one of the same title, kept in this browser.
  await page.getByRole('button', { name: /^Add this qualification$/ }).click();
  await page.getByRole('status').filter({
    hasText: /^✓ Added “ProQual Level 1 Award in the Principles of Customer Service” as your centre's qualification\.Dismiss$/,
  }).waitFor();
  await page.getByRole('link', { name: /^← All qualifications$/ }).click();
  const title = /^ProQual Level 1 Award in the Principles of Customer Service$/;
  await page.getByRole('link', { name: title }).nth(1).waitFor();
  const ours = page.getByRole('listitem').filter({ has: page.getByText(/^Your centre's$/) });
  assert.equal(await ours.count(), 1);
  assert.equal(await ours.getByRole('link', { name: title }).getAttribute('href'), '/q/draft-600-7736-0/');
  assert.match(await page.evaluate(() => localStorage.getItem('unit-planner/v1/centre')), /draft-600-7736-0/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a draft that does not validate shows its problems; adding it changes nothing and keeps the text', async () => {
  const context = await browser.newContext();
  const page = await importPage(context);
  const text = 'Qualification title\tACME Level 2 Certificate in Widget Care\nQualification number\t601/2345/X\n\n'
    + 'Learners must achieve a total of at least 500 credits.\n\n'
    + 'Code\tUnit title\tLevel\tCredit\tUnit reference number\nMandatory units (Group M)\t\t\t\t\n'
    + 'WC01\tLook after widgets\t2\t8\tA/100/0001\nOptional units (Group A)\t\t\t\t\nWC02\tPolish widgets\t2\t4\tB/100/0002\n';
  await page.getByLabel(/^Specification text$/).fill(text);
  await page.getByRole('button', { name: /^Make a draft$/ }).click();
  await page.getByRole('status').filter({ hasText: /; the draft has 1 problem to fix before it loads\. / }).waitFor();
  const problems = page.getByRole('alert').filter({ hasText: /^The draft cannot be added as it stands/ });
  await problems.getByRole('listitem').filter({
    hasText: /rule 1 \(At least 500 credits in total\) can never be met: only 12 credits can count towards 500$/,
  }).waitFor();
  const stored = await storage(page);
  await page.getByRole('button', { name: /^Add this qualification$/ }).click();
  await page.getByRole('alert').filter({ hasText: /^⚠ .*can never be met.*Dismiss$/ }).waitFor();
  assert.equal(await storage(page), stored, 'nothing stored changed');
  assert.equal(await page.getByLabel(/^Specification text$/).inputValue(), text, 'the text is kept');
  await page.getByRole('table', { name: /^Rules of combination$/ }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('text that is no specification gets a short message and nothing is added', async () => {
  const context = await browser.newContext();
  const page = await importPage(context);
  const stored = await storage(page);
  await page.getByRole('button', { name: /^Make a draft$/ }).click();
  await page.getByRole('status').filter({ hasText: /^Paste the specification's text first \(or open it as a text file\)\.$/ }).waitFor();
  await page.getByLabel(/^Specification text$/).fill('lorem ipsum\n\u001b[2J dolor sit amet\n'.repeat(50));
  await page.getByRole('button', { name: /^Make a draft$/ }).click();
  await page.getByRole('status').filter({
    hasText: /^No units could be read from this text, so there is no draft: is it a qualification's specification\? Nothing was added\.$/,
  }).waitFor();
  assert.equal(await page.getByRole('table').count(), 0);
  assert.equal(await storage(page), stored, 'nothing stored changed');
  assert.match(await page.getByLabel(/^Specification text$/).inputValue(), /^lorem ipsum/, 'the text is kept');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a specification opened as a text file is drafted the same way', async () => {
  const context = await browser.newContext();
  const page = await importPage(context);
  await page.getByLabel(/^Or open a text file/).setInputFiles({
    name: 'proqual.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT),
  });
  await page.waitForFunction(() => document.getElementById('spec-text').value.length > 0);
  await page.getByRole('button', { name: /^Make a draft$/ }).click();
  await page.getByRole('table', { name: /^The qualification$/ }).waitFor();
  await page.getByText(/^The draft file \(TOML\)$/).click();
  await page.getByText(/^id = "draft-proqual"$/m).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the import page, with a draft shown, passes an axe-core accessibility audit', async () => {
  const axe = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  const context = await browser.newContext({ bypassCSP: true });
  const page = await importPage(context);
  await page.getByLabel(/^Specification text$/).fill(TEXT);
  await page.getByRole('button', { name: /^Make a draft$/ }).click();
  await page.getByRole('table', { name: /^The qualification$/ }).waitFor();
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.length} (${v.nodes[0]?.target})`), []);
  await context.close();
});
