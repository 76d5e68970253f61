import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { readSiteConfig } from '../content/load-project.ts';
import { launchBrowser } from '../publish/chrome.ts';
import { serveStatic } from '../publish/static-server.ts';

export interface ScreenshotOptions {
  /** The site whose built dist/ is shown. */
  root: string;
  /** Site paths within the site's folder (default the home page). */
  pages?: readonly string[];
  /** Where the PNGs go; default `<root>/screenshots`. */
  outDir?: string;
}

/**
 * `npm run screenshots`, in process: full-page PNGs of built pages at phone (390 px) and desktop (1280 px)
 * widths in the system Chromium. Returns the files written; the browser and the server are closed however it ends.
 */
export async function screenshots({ root, pages = ['/'], outDir = join(root, 'screenshots') }: ScreenshotOptions) {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  // Served under the site's folder (/dongtou/), as it will be published, so its links and stylesheets resolve.
  const base = readSiteConfig(root).site?.basePath ?? '/';
  const { origin, close } = await serveStatic(join(root, 'dist'), { base, notFoundPage: '404.html' });
  try {
    const browser = await launchBrowser();
    try {
      for (const width of [390, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
        for (const path of pages) {
          await page.goto(origin + base + path.replace(/^\//, ''));
          const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`;
          await page.screenshot({ path: join(outDir, name), fullPage: true });
          files.push(join(outDir, name));
        }
        await page.close();
      }
    } finally {
      await browser.close();
    }
  } finally {
    await close();
  }
  return files;
}
