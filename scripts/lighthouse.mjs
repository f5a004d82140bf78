// Lighthouse (npm, mobile preset) on Debian's Chromium against the built dist/, served
// from loopback with its precompressed copies and the README's cache headers. Not part of
// CI: it fetches Lighthouse from npm on first use. Run after scripts/build-web.sh:
//   node scripts/lighthouse.mjs [path ...]     (default: / and /q/cg-l3-nvq-dip-cs/)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../tests/e2e/helpers.mjs';

const VERSION = '13.5.0';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/q/cg-l3-nvq-dip-cs/'];
const out = mkdtempSync(join(tmpdir(), 'lighthouse-'));
const server = await serve({ compressed: true });
try {
  for (const path of paths) {
    const report = join(out, `${path.replace(/\W+/g, '-')}.json`);
    // Asynchronous: the server answering Lighthouse runs in this process.
    await promisify(execFile)('npm', ['exec', '--yes', `--package=lighthouse@${VERSION}`, '--', 'lighthouse', server.url + path.replace(/^\//, ''),
      '--quiet', '--output=json', `--output-path=${report}`, '--chrome-flags=--headless=new --no-sandbox'],
    { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 1 << 26 });
    const { categories, audits } = JSON.parse(readFileSync(report, 'utf8'));
    const scores = Object.values(categories).map((c) => `${c.title} ${c.score}`).join(', ');
    const failing = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && !['informative', 'notApplicable', 'manual'].includes(a.scoreDisplayMode))
      .map((a) => `${a.id} (${a.score})`);
    console.log(`${path}: ${scores}`);
    console.log(`  first contentful paint ${audits['first-contentful-paint'].displayValue}, largest contentful paint ${audits['largest-contentful-paint'].displayValue}, total blocking time ${audits['total-blocking-time'].displayValue}, cumulative layout shift ${audits['cumulative-layout-shift'].displayValue}`);
    if (failing.length) console.log(`  below full marks: ${failing.join(', ')}`);
    console.log(`  report: ${report}`);
  }
} finally {
  await server.close();
}
