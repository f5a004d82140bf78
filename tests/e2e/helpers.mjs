// Shared set-up for the browser tests: a static server for dist/ on 127.0.0.1 and
// Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';

/** The built site. */
export const DIST = new URL('../../dist/', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};

const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

/**
 * Serves dist/ on loopback (`port`, or a free one); resolves to { url, deploy, close }.
 * With `compressed`, it sends the build's precompressed copy (.br, else .gz) when the
 * browser accepts it, as a host would. Cache headers are those the README asks of a host:
 * Trunk's hashed assets immutable, everything else revalidated.
 */
export async function serve({ compressed = false, port = 0 } = {}) {
  let root = DIST;
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
    const file = join(root, path === '' || path.endsWith('/') ? `${path}index.html` : path);
    // As static hosts do: a folder's address without its last `/` is redirected to it (the
    // browser keeps the fragment, so `/q/{id}#p/…` lands on the qualification's page).
    if (path !== '' && !path.endsWith('/') && (await stat(file).catch(() => null))?.isDirectory()) {
      res.writeHead(301, { location: encodeURI(`/${path}/`), 'cache-control': 'no-cache' });
      res.end();
      return;
    }
    const accepts = compressed ? String(req.headers['accept-encoding'] ?? '') : '';
    const encodings = [['br', '.br'], ['gzip', '.gz']].filter(([name]) => accepts.includes(name));
    try {
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      };
      let body;
      for (const [name, suffix] of encodings) {
        body = await readFile(file + suffix).catch(() => undefined);
        if (body) { headers['content-encoding'] = name; break; }
      }
      body ??= await readFile(file);
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      // As static hosts do: the site's own 404.html, with status 404.
      const page = await readFile(join(root, '404.html')).catch(() => 'not found');
      res.writeHead(404, { 'content-type': 'text/html', 'cache-control': 'no-cache' });
      res.end(page);
    }
  });
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** Serves another build from now on, as a host does after a release. */
    deploy: (dir) => { root = dir; },
    close: () => new Promise((r) => server.close(r)),
  };
}

/** Launches headless Chromium (playwright gives it a fresh temporary profile). */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ],
  });
}

/** A new page whose console errors and CSP violations fail the test. */
export async function newPage(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return page;
}

/**
 * Waits until the app has started on the page: the pre-rendered HTML shows at once, but
 * its controls work only once the app has read the saved plans.
 */
export async function started(page) {
  await page.waitForFunction(() => window.unitPlanner && !document.querySelector('fieldset:disabled'));
}

/** A new page (see `newPage`) at `url`, once the app has started there. */
export async function visit(context, url) {
  const page = await newPage(context);
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await started(page);
  return page;
}

/** Each qualification as its spec file states it (read here, not through the app). */
export function specs() {
  return readdirSync('specs').filter((f) => f.endsWith('.toml')).map((f) => {
    const text = readFileSync(`specs/${f}`, 'utf8');
    const units = text.split('[[units]]').slice(1);
    return {
      id: text.match(/^id = "([^"]+)"/m)[1],
      title: text.match(/^title = \{ value = "([^"]+)"/m)[1],
      unitTitles: units.map((u) => u.match(/^title = \{ value = "([^"]+)"/m)[1]),
    };
  });
}
