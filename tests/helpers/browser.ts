import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import sirv from 'sirv';
import { CHROME_FLAGS, findChrome } from '../../src/lib/publish/chrome.ts';
import { ROOT } from './project-copy.ts';

/**
 * The system Chromium (npm cannot download browsers on these machines). Playwright's launch()
 * always starts it with a fresh temporary profile (its own --user-data-dir).
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chrome/Chromium found: install chromium or set CHROME_PATH');
  return chromium.launch({ executablePath, args: CHROME_FLAGS });
}

/** Serves the built dist/ on a free localhost port, like any static host (404.html for misses). */
export async function serveDist(dir = join(ROOT, 'dist')): Promise<{ origin: string; server: Server }> {
  const files = sirv(dir, { dev: true, extensions: ['html'] });
  const notFound = readFileSync(join(dir, '404.html'));
  const server = createServer((req, res) =>
    files(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(notFound);
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** For a describe block: serve dist/ and launch Chromium before its tests, close both after. */
export function useBrowserOnDist(): { readonly browser: Browser; readonly origin: string } {
  const state = {} as { browser: Browser; origin: string; server: Server };
  beforeAll(async () => {
    const served = await serveDist();
    state.origin = served.origin;
    state.server = served.server;
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    state.server?.close();
  });
  return {
    get browser() {
      return state.browser;
    },
    get origin() {
      return state.origin;
    },
  };
}
