// Draws the app's PNG icons (web/icon-192.png, web/icon-512.png) from web/icon.svg in
// Chromium; run once after changing the icon: node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import { launch } from '../tests/e2e/helpers.mjs';

const svg = readFileSync('web/icon.svg', 'utf8');
const browser = await launch();
for (const size of [192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: `web/icon-${size}.png`, omitBackground: true });
}
await browser.close();
