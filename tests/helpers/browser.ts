import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { launchBrowser } from '../../src/lib/publish/chrome.ts';
import { serveStatic, type StaticServer } from '../../src/lib/publish/static-server.ts';
import { ROOT } from './project-copy.ts';

/**
 * For a describe block: serve a built site (the demo's dist/ unless `dist` says which, asked for when
 * the block starts, after its own beforeAll built it) under its folder, with 404.html for misses, and launch Chromium
 * before its tests; close both after.
 */
export function useBrowserOnDist(
  dist: () => string = () => join(ROOT, 'dist'),
  /** The site's folder, as it is published (`/tongling/`): pages link their files under it. */
  base = '/',
): {
  readonly browser: Browser;
  readonly origin: string;
} {
  const state = {} as { browser: Browser; site: StaticServer };
  beforeAll(async () => {
    state.site = await serveStatic(dist(), { base, notFoundPage: '404.html' });
    state.browser = await launchBrowser();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return {
    get browser() {
      return state.browser;
    },
    get origin() {
      return state.site.origin;
    },
  };
}
