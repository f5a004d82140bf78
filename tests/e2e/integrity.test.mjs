// An export file edited by one byte is refused on import with a message, and the plans
// saved in the browser are left exactly as they were.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, visit } from './helpers.mjs';

let server;
let browser;
const KEY = 'unit-planner/v1/plans';

before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('an export edited by one byte is reported as damaged and changes nothing', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await visit(context, `${server.url}#/q/vtct-l1-cert-principles-cs`);
  await page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ }).check();
  await page.getByRole('link', { name: '← All qualifications' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export my plans' }).click(),
  ]);
  const exported = await readFile(await download.path(), 'utf8');
  // One byte: the last digit of the first unit key, so the plan keeps its timestamp.
  const at = exported.search(/"units": \[\s*\d+/);
  assert.ok(at >= 0, 'the export lists the plan\'s units');
  const digit = exported.slice(at).search(/\d(?!\d)/) + at;
  const edited = exported.slice(0, digit) + String((Number(exported[digit]) + 1) % 10) + exported.slice(digit + 1);
  assert.equal(edited.length, exported.length);

  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  await page.getByLabel('Import plans from a file').setInputFiles({
    name: 'edited.json', mimeType: 'application/json', buffer: Buffer.from(edited),
  });
  await page.getByRole('alert').filter({
    hasText: /^⚠ Import: this export file has been changed or damaged since it was exported \(its check does not match\); nothing was imported\.Dismiss$/,
  }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), before, 'the saved plans are untouched');

  // The file as exported still imports, and changes nothing either.
  await page.getByLabel('Import plans from a file').setInputFiles({
    name: 'intact.json', mimeType: 'application/json', buffer: Buffer.from(exported),
  });
  await page.getByRole('status').filter({ hasText: /^✓ Imported: 0 plans added, 1 plan already here\.Dismiss$/ }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
