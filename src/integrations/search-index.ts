import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';

import type { RecordPhase } from '../lib/publish/build-timings.ts';
import { folderKey, keptFolder } from '../lib/publish/kept-folder.ts';
import { pageForIndex } from '../lib/publish/search-text.ts';
import { eachAtMost } from '../lib/site/at-most.ts';
import { inBackground } from '../lib/site/background-work.ts';
import { diagnostics } from '../lib/site/messages/index.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
}

/** Bump when what is indexed changes other than through the pages' text, so kept indexes are made again. */
const PIPELINE_VERSION = 'search-v1';

/**
 * Sites of at least this many pages are indexed while the PDF prints; a smaller one's index takes a fraction of a
 * second and is made after, taking no CPU from the print (the demo's 65 pages: 0.1–0.2 s less that way).
 */
const ALONGSIDE_MIN_PAGES = 200;

/** Pages handed to Pagefind at once (measured: 2,000 indicator pages indexed in 9 s instead of 13 s one by one). */
const PAGES_IN_FLIGHT = 8;

/** Pagefind's version: a new one may write another index for the same pages. */
const PAGEFIND_VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }
).version;

/**
 * Builds the Pagefind index after Astro has written the site: every page's Han characters are separated
 * and its table cells ended by punctuation (`search-text.ts#pageForIndex`) before Pagefind reads it; the
 * pages on disk are unchanged.
 * Only elements marked `data-pagefind-body` are indexed. The index is kept in `cacheDir` under a key of the pages'
 * indexed text, addresses, the language and Pagefind's version: a build whose pages say the same copies it.
 * Two integrations: `start` reads every page and starts indexing them, `done` waits for the index. Between them
 * the PDF prints and the share pictures are drawn: Pagefind's process takes the core they leave (a 100k-row
 * ledger's single PDF prints on one). What they change of the pages (the PDF's size on the edition pages) is
 * not searched (`data-pagefind-ignore`). A site of fewer than ALONGSIDE_MIN_PAGES pages is indexed by `done`.
 */
export function searchIndex({
  language,
  timings,
  cacheDir,
}: {
  language: string;
  timings: RecordPhase;
  cacheDir: string;
}): { start: AstroIntegration; done: AstroIntegration } {
  let indexing: Promise<void> | undefined;
  return {
    start: {
      name: 'white-paper-search-index',
      hooks: {
        'astro:build:done': ({ dir, logger }) => {
          const outDir = fileURLToPath(dir);
          const files = htmlFiles(outDir);
          if (files.length < ALONGSIDE_MIN_PAGES) return;
          // Awaited by `done`, and by the build command if a step before `done` fails.
          indexing = inBackground(indexSite(outDir, files, { language, timings, cacheDir, logger }));
        },
      },
    },
    done: {
      name: 'white-paper-search-index-done',
      hooks: {
        'astro:build:done': async ({ dir, logger }) => {
          const outDir = fileURLToPath(dir);
          await (indexing ?? indexSite(outDir, htmlFiles(outDir), { language, timings, cacheDir, logger }));
        },
      },
    },
  };
}

/** The index of the site in `outDir`: its pages (`files`) are read before the first `await`, before anything else runs. */
async function indexSite(
  outDir: string,
  files: string[],
  {
    language,
    timings,
    cacheDir,
    logger,
  }: { language: string; timings: RecordPhase; cacheDir: string; logger: AstroIntegrationLogger },
): Promise<void> {
  const started = performance.now();
  const log = diagnostics().publish;
  const pages = files.flatMap((file) => {
    const html = readFileSync(file, 'utf8');
    if (!html.includes('data-pagefind-body')) return [];
    const url = `/${relative(outDir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
    return [{ url, content: pageForIndex(html) }];
  });
  const forceLanguage = language.toLowerCase();
  const key = folderKey([
    PIPELINE_VERSION,
    PAGEFIND_VERSION,
    forceLanguage,
    ...pages.flatMap(({ url, content }) => [url, content]),
  ]);
  await keptFolder(cacheDir, key, join(outDir, 'pagefind'), async (outputPath) => {
    const { index, errors } = await pagefind.createIndex({ forceLanguage });
    if (!index) throw new Error(log.searchStartFailed(errors.join('; ')));
    try {
      // Several pages in flight: Pagefind's process reads the next while this one hands it another.
      await eachAtMost(pages, PAGES_IN_FLIGHT, async (page) => {
        const added = await index.addHTMLFile(page);
        if (added.errors.length) throw new Error(log.searchPageFailed(page.url, added.errors.join('; ')));
      });
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(log.searchWriteFailed(written.errors.join('; ')));
    } finally {
      // Pagefind runs a service process: close it on failure too, or the build never exits.
      await pagefind.close();
    }
  });
  const seconds = (performance.now() - started) / 1000;
  timings('search', seconds);
  logger.info(log.searchIndexed(pages.length, seconds));
}
