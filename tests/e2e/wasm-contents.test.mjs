// The catalogue cannot creep back into the app: the app's wasm (as built in dist/) holds
// no built-in qualification's or unit's title and none of the spec-file reader's messages;
// pages carry the qualifications as data and the tools worker reads the centre's files.
// The worker's wasm, which does hold the reader, shows the search finds such text. The
// small first wasm (the early verdict) holds none of them, nor Yew.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';

const DIST = new URL('../../dist/', import.meta.url);

async function wasm(prefix) {
  const name = (await readdir(DIST)).find((f) => f.startsWith(prefix) && f.endsWith('_bg.wasm'));
  assert.ok(name, `dist/ has ${prefix}*_bg.wasm (run cargo xtask build-web)`);
  return (await readFile(new URL(name, DIST))).toString('latin1');
}

const CATALOGUE = [
  'Level 3 NVQ Diploma in Customer Service',
  'NCFE Level 2 Diploma for Customer Service Practitioners',
  'Demonstrate understanding of the rules that impact on improvements in customer service',
  'Understand an organisation and its customers',
];
// Only Yew's hydration says this.
const YEW = 'expected element of kind';
// Only the spec-file reader and its validation say this.
const READER = '`each_optional_group` with `min_units = 0` asks for nothing';

test('the app\'s wasm and the planning app\'s hold no built-in title and no spec-file reader', async () => {
  for (const prefix of ['app-', 'plan_']) {
    const app = await wasm(prefix);
    assert.ok(app.includes('Checking your plan'), `${prefix}: the app's own sentences are found`);
    for (const text of [...CATALOGUE, READER]) {
      assert.ok(!app.includes(text), `the ${prefix} wasm holds "${text}"`);
    }
  }
});

// Only reading an export file (the home page's import) and adding a centre's file say
// these; the planning app's pages never do either (the reducer's `screens`).
const SCREENS = ['this file is not a unit-planner export', 'as your centre\'s qualification.'];

test('the planning app\'s wasm holds no export-file reading and no adding of a centre\'s file', async () => {
  const [app, plan] = [await wasm('app-'), await wasm('plan_')];
  for (const text of SCREENS) {
    assert.ok(app.includes(text), `the app's wasm holds "${text}"`);
    assert.ok(!plan.includes(text), `the planning wasm holds "${text}"`);
  }
});

test('the tools worker, which reads the centre\'s files, holds the reader', async () => {
  assert.ok((await wasm('tools')).includes(READER));
});

test('the small first wasm holds no built-in title, no spec-file reader and no Yew', async () => {
  const small = await wasm('verdict');
  assert.ok(small.includes('Checking your plan'), 'its own sentences are found');
  for (const text of [...CATALOGUE, READER]) {
    assert.ok(!small.includes(text), `the small wasm holds "${text}"`);
  }
  const app = await wasm('app-');
  assert.ok(app.includes(YEW) && !small.includes(YEW), 'Yew\'s hydration is in the app\'s wasm only');
});
