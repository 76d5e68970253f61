/**
 * Lighthouse (mobile and desktop, four categories) on every page type of a built site, for `npm run bench`:
 * passed to `runBench` as its `lighthouse` option, since Lighthouse is a devDependency (src/ imports only
 * dependencies; tests/dependencies.test.ts). The site is served the way a production server sends it: gzip (precompressed copies, as nginx's
 * gzip_static serves them) and the Content-Security-Policy of docs/deploy.md.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

import {
  LIGHTHOUSE_CATEGORIES as CATEGORIES,
  type LighthouseRow,
  type LighthouseRunner,
  type LighthouseScores as Scores,
} from '../src/lib/commands/bench.ts';
import { CHROME_FLAGS, findChrome } from '../src/lib/publish/chrome.ts';
import { serveStatic } from '../src/lib/publish/static-server.ts';
import { cspHeader } from '../src/lib/site/security.ts';

/** A copy of dist/ with a .gz beside every text file, served to browsers that accept gzip. */
function precompressed(dist: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'wp-lighthouse-'));
  cpSync(dist, copy, { recursive: true });
  for (const entry of readdirSync(copy, { recursive: true, withFileTypes: true }))
    if (entry.isFile() && /\.(html|css|js|json|svg|xml|txt|csv)$/.test(entry.name)) {
      const file = join(entry.parentPath, entry.name);
      writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: 9 }));
    }
  return copy;
}

export const lighthouseTable: LighthouseRunner = async (dist, pages) => {
  const copy = precompressed(dist);
  const site = await serveStatic(copy, {
    notFoundPage: '404.html',
    headers: { 'Content-Security-Policy': cspHeader() },
    gzip: true,
  });
  const chrome = await chromeLauncher.launch({
    chromePath: findChrome(),
    chromeFlags: CHROME_FLAGS,
  });
  const rows: LighthouseRow[] = [];
  try {
    for (const [page, path] of Object.entries(pages)) {
      const failing: string[] = [];
      const run = async (config?: typeof desktopConfig): Promise<Scores> => {
        const result = await lighthouse(
          site.origin + path,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
          config,
        );
        const lhr = result!.lhr;
        const form = config ? 'desktop' : 'mobile';
        if (lhr.runtimeError) failing.push(`${form}: ${lhr.runtimeError.code}`);
        for (const category of CATEGORIES)
          for (const ref of lhr.categories[category]!.auditRefs) {
            const audit = lhr.audits[ref.id]!;
            if (ref.weight > 0 && audit.score !== null && audit.score < 1)
              failing.push(`${form} ${category}: ${ref.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
          }
        return Object.fromEntries(
          CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]!.score ?? 0) * 100)]),
        ) as Scores;
      };
      rows.push({ page, path, mobile: await run(), desktop: await run(desktopConfig), failing });
    }
  } finally {
    chrome.kill();
    await site.close();
    rmSync(copy, { recursive: true, force: true });
  }
  return rows;
};
