// End-to-end test of the worked example that uses every construct together
// (specs/examples/centre-example.toml): added by paste as a centre's file, planned on each
// pathway, a GLH rule beside the credit rules shown met and not met, and a credit from
// elsewhere added through its panel. Things are found by role and name, as a person does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, visit, started } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const FILE = readFileSync('specs/examples/centre-example.toml', 'utf8');
const TITLE = 'Example Level 2 Certificate in Customer and Kitchen Skills';
const GLH = 'At least 140 guided learning hours';

const unit = (page, code) => page.getByRole('checkbox', { name: new RegExp(`^${code} (?!not offered)`) });
const pathway = (page, name) => page.getByRole('radiogroup', { name: 'Pathway' }).getByRole('radio', { name: new RegExp(`^${name}$`) });
const status = (page, text) => page.getByRole('status').filter({ hasText: new RegExp(`^${text}$`) });
/** A rule's row by its text and the word for its state ("met", "still needed", …). */
const rule = (page, text, word) => page.getByText(new RegExp(`^${text} — ${word}$`));
const bar = (page, text, have, need) => page.getByRole('progressbar', { name: new RegExp(`^${text}: ${have} of ${need}$`) });

test('the worked example plans on a pathway, shows its GLH rule and counts credit from elsewhere', async () => {
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  await page.getByRole('textbox', { name: "Or paste the file's text" }).fill(FILE);
  await page.getByRole('button', { name: /^Add this qualification$/ }).click();
  await page.getByText(new RegExp(`^✓ Added “${TITLE}” as your centre's qualification\\.$`)).waitFor();
  await page.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await started(page);

  await status(page, '✗ Incomplete: choose a pathway').waitFor();
  await pathway(page, 'Pathway C: Customer service').check();
  await unit(page, 'O301').check();
  await unit(page, 'O302').check();
  // Credits are enough; the hours are not.
  await status(page, '✗ Incomplete: some rules are not met yet \\(checked against Pathway C: Customer service\\)').waitFor();
  await rule(page, 'At least 16 credits in total', 'met').waitFor();
  await rule(page, GLH, 'still needed').waitFor();
  await bar(page, GLH, 129, 140).waitFor();

  await unit(page, 'O304').check();
  await status(page, '✓ Complete: every rule is met \\(checked against Pathway C: Customer service\\)').waitFor();
  await rule(page, GLH, 'met').waitFor();
  await bar(page, GLH, 144, 140).waitFor();
  await rule(page, 'At least 4 credits at level 1 or below', 'not checked on this pathway').waitFor();

  // The same units on the other pathway: its own rule is not met.
  await pathway(page, 'Pathway K: Kitchen').check();
  await status(page, '✗ Incomplete: some rules are not met yet \\(checked against Pathway K: Kitchen\\)').waitFor();
  await rule(page, 'At least 4 credits at level 1 or below', 'still needed').waitFor();
  await pathway(page, 'Pathway C: Customer service').check();
  await status(page, '✓ Complete: every rule is met \\(checked against Pathway C: Customer service\\)').waitFor();

  // Credit from elsewhere, through its panel: counted, as entered by you.
  const panel = page.getByRole('region', { name: 'Credit from elsewhere' });
  await panel.getByRole('button', { name: /^Add credit from elsewhere to O$/ }).click();
  const title = panel.getByRole('textbox', { name: /^Title of credit from elsewhere 1$/ });
  await title.fill('Food hygiene');
  await title.blur();
  const credits = panel.getByRole('spinbutton', { name: /^Credits of credit from elsewhere 1$/ });
  await credits.fill('3');
  await credits.blur();
  await panel.getByText(/^“Food hygiene” \(entered by you\): 3 credits counted in Optional units \(all pathways\)$/).waitFor();
  await bar(page, 'At least 16 credits in total', 22, 16).waitFor();
  // Its level is not known, so the band's maximum cannot be confirmed; never met on it.
  await rule(page, 'At most 4 credits at levels Entry 3 to 1', "can't be confirmed").waitFor();
  assert.equal(await rule(page, 'At most 4 credits at levels Entry 3 to 1', 'met').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('complete my plan on the centre\'s worked example proposes a pathway, leaving out a unit not offered', async () => {
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  await page.getByRole('textbox', { name: "Or paste the file's text" }).fill(FILE);
  await page.getByRole('button', { name: /^Add this qualification$/ }).click();
  await page.getByRole('link', { name: new RegExp(`^${TITLE}$`) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${TITLE}$`) }).waitFor();
  await started(page);
  await page.getByRole('checkbox', { name: /^O304 not offered/ }).check();
  await page.getByRole('button', { name: 'Complete my plan' }).click();
  const proposal = page.getByRole('region', { name: 'Proposed units' });
  await proposal.getByText(/^Proposes Pathway C: Customer service/).waitFor();
  const text = await proposal.textContent();
  assert.ok(text.includes('O305') && !text.includes('O304'), text);
  await proposal.getByRole('button', { name: 'Accept' }).click();
  await status(page, '✓ Complete: every rule is met \\(checked against Pathway C: Customer service\\)').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
