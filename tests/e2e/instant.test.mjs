// Content before the wasm, offline use, the JavaScript API and the CSP, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, launch, newPage, started, visit, specs, DIST } from './helpers.mjs';

let server;
let browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SPECS = specs();

test('with scripts disabled, the pages list every qualification and each one\'s units and rules', async () => {
  assert.equal(SPECS.length, 5);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  assert.equal(await page.title(), 'Unit planner: choose optional units and check the rules');
  assert.match(await page.locator('meta[name=description]').getAttribute('content'), /^Plan the optional units of 5 UK vocational qualifications/);
  const links = page.getByRole('list').filter({ has: page.getByRole('link', { name: SPECS[0].title }) }).getByRole('link');
  assert.equal(await links.count(), SPECS.length);
  for (const spec of SPECS) {
    const link = page.getByRole('link', { name: spec.title, exact: true });
    assert.equal(await link.getAttribute('href'), `/q/${spec.id}/`);
  }
  for (const spec of SPECS) {
    await page.goto(`${server.url}q/${spec.id}/`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), spec.title);
    assert.ok((await page.title()).startsWith(spec.title));
    assert.equal(await page.locator('meta[property="og:title"]').getAttribute('content'), await page.title(), 'link previews see the title');
    assert.equal(await page.getByRole('checkbox', { name: /^(?!.*not offered)/ }).count(), spec.unitTitles.length, spec.id);
    const text = await page.locator('main').innerText();
    for (const title of spec.unitTitles) assert.ok(text.includes(title), `${spec.id}: ${title}`);
    assert.ok(await page.getByRole('heading', { name: 'Rules of combination' }).isVisible());
    assert.ok(await page.getByRole('status').filter({ hasText: /^Checking your plan…$/ }).isVisible(), 'no status is claimed before the plan is read');
  }
  await context.close();
});

test('an address the site does not have gets its own page, before and after the app starts', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await newPage(context);
    const response = await page.goto(`${server.url}no/such/page`);
    assert.equal(response.status(), 404);
    if (javaScriptEnabled) await started(page);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Page not found');
    await page.getByRole('link', { name: 'Go to the list of qualifications' }).click();
    await page.getByRole('link', { name: SPECS[0].title, exact: true }).waitFor();
    assert.deepEqual(page.errors.filter((e) => !/404/.test(e)), []);
    await context.close();
  }
});

test('a page paints from its own HTML before the app is fetched', async () => {
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  const { paint, wasm } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    wasm: performance.getEntriesByType('resource').find((r) => r.name.endsWith('.wasm')).startTime,
  }));
  assert.ok(wasm >= paint, `the wasm was requested at ${wasm} ms, before the first paint at ${paint} ms`);
  await context.close();
});

test('the engine module (the API and the solver) is fetched only once the page is usable', async () => {
  const context = await browser.newContext();
  const page = await newPage(context);
  // The moment the app enables the plan's controls, seen as it happens (a mutation); and
  // what a page that waits for Trunk's event, as the API's users did, finds then.
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', () => { window.apiAtStarted = typeof window.unitPlanner; }, { once: true });
    new MutationObserver((_, observer) => {
      if (document.querySelector('fieldset.plain') && !document.querySelector('fieldset:disabled')) {
        window.usableAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(`${server.url}q/vtct-l1-cert-principles-cs/`);
  await started(page);
  const { usable, engine } = await page.evaluate(() => ({
    usable: window.usableAt,
    engine: performance.getEntriesByType('resource')
      .filter((r) => /^\/engine[-_.]/.test(new URL(r.name).pathname))
      .map((r) => [new URL(r.name).pathname, r.startTime]),
  }));
  assert.deepEqual(engine.map(([path]) => path).sort(), ['/engine-start.js', '/engine.js', '/engine_bg.wasm']);
  for (const [path, at] of engine) assert.ok(at >= usable, `${path} was requested at ${at} ms, before the page was usable at ${usable} ms`);
  assert.equal(await page.evaluate(() => window.apiAtStarted), 'object', 'TrunkApplicationStarted comes with the API');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('every page links a web app manifest whose icons are served', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const path of ['', 'q/cg-l3-nvq-dip-cs/']) {
    await page.goto(server.url + path);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifest = await (await page.request.get(new URL(href, server.url).href)).json();
    assert.equal(manifest.name, 'Unit planner');
    assert.equal(manifest.start_url, '/');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512') && manifest.icons.some((i) => i.sizes === '192x192'));
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, server.url).href);
      assert.equal(response.status(), 200, icon.src);
      assert.equal(response.headers()['content-type'], icon.type);
    }
  }
  await context.close();
});

test('after one visit the planner opens, and a plan can be changed and saved, with no network', async () => {
  const context = await browser.newContext();
  const page = await visit(context, server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.goto(`${server.url}q/vtct-l1-cert-principles-cs/`);
  await started(page);
  const csp14 = page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ });
  await csp14.check();
  await page.reload();
  await started(page);
  assert.ok(await csp14.isChecked(), 'the plan was saved offline');
  await page.getByRole('link', { name: /All qualifications/ }).click();
  await page.getByRole('button', { name: 'Open Plan 1' }).waitFor();
  assert.deepEqual(page.errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('a new release shows on the next visit, and saved plans come through it unchanged', async () => {
  const release = mkdtempSync(join(tmpdir(), 'unit-planner-release-'));
  cpSync('dist', release, { recursive: true });
  const home = readFileSync(`${release}/index.html`, 'utf8');
  writeFileSync(`${release}/index.html`, home.replace('<meta name="description" content="', '$&Next release. '));
  const worker = readFileSync(`${release}/sw.js`, 'utf8');
  writeFileSync(`${release}/sw.js`, worker.replace(/^const VERSION = "[^"]+";/, 'const VERSION = "next";'));
  const context = await browser.newContext();
  try {
    const page = await visit(context, `${server.url}q/vtct-l1-cert-principles-cs/`);
    await page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ }).check();
    await page.evaluate(() => navigator.serviceWorker.ready);
    const saved = await page.evaluate(() => JSON.stringify(localStorage));

    server.deploy(release);
    await page.goto(server.url);
    assert.match(await page.locator('meta[name=description]').getAttribute('content'), /^Next release\. /);
    await page.waitForFunction(async () => (await caches.keys()).join() === 'unit-planner-next');
    assert.equal(await page.evaluate(() => JSON.stringify(localStorage)), saved, 'saved plans are untouched');
    await page.getByRole('button', { name: 'Open Plan 1' }).click();
    await started(page);
    assert.ok(await page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ }).isChecked());
    assert.deepEqual(page.errors, []);
  } finally {
    server.deploy(DIST);
    await context.close();
    rmSync(release, { recursive: true });
  }
});

/** What the CLI prints for `args` with --json (its exit status aside), or its error line. */
function cli(...args) {
  try {
    return { json: JSON.parse(execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'unit-planner', '--', ...args], { encoding: 'utf8', stdio: 'pipe' })) };
  } catch (e) {
    if (e.stdout) return { json: JSON.parse(e.stdout) };
    return { error: e.stderr.trim().replace(/^unit-planner: /, '') };
  }
}

test('the JavaScript API gives the CLI\'s answers and errors, and the page keeps working', async () => {
  const context = await browser.newContext();
  const page = await visit(context, `${server.url}q/vtct-l1-cert-principles-cs/`);
  const call = (name, ...args) => page.evaluate(([name, args]) => {
    try { return { json: window.unitPlanner[name](...args) }; } catch (e) { return { error: e.message, isError: e instanceof Error }; }
  }, [name, args]);
  assert.deepEqual(await call('catalogue'), cli('list', '--json'));
  const plans = [
    ['vtct-l1-cert-principles-cs'],
    ['600/4940/6', 'CSP14', 'CSP15'],
    ['cg-l3-nvq-dip-cs', '4430-202', '4430-203'],
    ['ncfe-l1-nvq-cert-cs', 'R/601/1209', 'L/601/1614'],
    ['vtct-l1-cert-principles-cs', 'CSP05'],
  ];
  for (const [qual, ...units] of plans) {
    assert.deepEqual(await call('check', qual, units), cli('check', '--json', qual, ...units), `check ${qual} ${units}`);
    assert.deepEqual(await call('suggest', qual, units), cli('suggest', '--json', qual, ...units), `suggest ${qual} ${units}`);
  }
  assert.deepEqual(await call('suggest', 'vtct-l1-cert-principles-cs', [], { exclude: ['CSP04'] }),
    cli('suggest', '--json', 'vtct-l1-cert-principles-cs', '--exclude', 'CSP04'));
  const link = await call('link', 'vtct-l1-cert-principles-cs', ['CSP14']);
  assert.equal(link.json, cli('link', '--json', '--base', server.url.replace(/\/$/, ''), 'vtct-l1-cert-principles-cs', 'CSP14').json.link);

  for (const [qual, ...units] of [['nope'], ['vtct-l1-cert-principles-cs', 'ZZZ9'], ['vtct-l1-cert-principles-cs', 'x'.repeat(5000)]]) {
    const answer = await call('check', qual, units);
    assert.ok(answer.isError, 'a JavaScript Error is thrown');
    assert.equal(answer.error, cli('check', qual, ...units).error);
  }
  for (const args of [[42], ['vtct-l1-cert-principles-cs', 'CSP14'], ['vtct-l1-cert-principles-cs', [null]], [undefined]]) {
    assert.match((await call('check', ...args)).error, /must be/);
  }
  assert.match((await call('suggest', 'vtct-l1-cert-principles-cs', [], 'CSP14')).error, /^options must be an object/);
  await page.getByRole('checkbox', { name: /^CSP14 (?!not offered)/ }).check();
  await page.getByRole('status').filter({ hasText: /^✗ Incomplete: / }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('no page breaks its Content Security Policy, and the example page uses the API', async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await newPage(context);
  for (const path of ['', 'q/cg-l3-nvq-dip-cs/', '#/q/vtct-l1-cert-principles-cs', 'embed.html']) {
    await page.goto(server.url + path);
    await page.waitForFunction(() => window.unitPlanner);
    assert.deepEqual(await page.evaluate(() => window.violations), [], path);
    assert.match(await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content'), /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  }
  await page.getByRole('textbox', { name: /^Units/ }).fill('CSP14');
  await page.getByRole('combobox', { name: 'Qualification' }).selectOption('vtct-l1-cert-principles-cs');
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByRole('status').filter({ hasText: /^Status: incomplete$/m }).waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});
