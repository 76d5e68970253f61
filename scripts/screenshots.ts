/**
 * npm run screenshots -- [path…]: full-page PNGs of built pages at phone (390 px) and desktop
 * (1280 px) widths in the system Chromium, into screenshots/ — for looking at what we ship.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../src/lib/publish/chrome.ts';
import { serveStatic } from '../src/lib/publish/static-server.ts';

const pages = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const outDir = join(process.cwd(), 'screenshots');
mkdirSync(outDir, { recursive: true });
const { origin, close } = await serveStatic(join(process.cwd(), 'dist'), { notFoundPage: '404.html' });
const browser = await launchBrowser();
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  for (const path of pages) {
    await page.goto(origin + path);
    const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`;
    await page.screenshot({ path: join(outDir, name), fullPage: true });
    console.log(join('screenshots', name));
  }
  await page.close();
}
await browser.close();
await close();
