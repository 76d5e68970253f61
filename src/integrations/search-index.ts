import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

import type { RecordPhase } from '../lib/publish/build-timings.ts';
import { pageForIndex } from '../lib/publish/search-text.ts';
import { diagnostics } from '../lib/site/messages/index.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
}

/**
 * Builds the Pagefind index after Astro has written the site: every page's Han characters are separated
 * and its table cells ended by punctuation (`search-text.ts#pageForIndex`) before Pagefind reads it; the
 * pages on disk are unchanged.
 * Only elements marked `data-pagefind-body` are indexed.
 */
export function searchIndex({ language, timings }: { language: string; timings: RecordPhase }): AstroIntegration {
  return {
    name: 'white-paper-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const log = diagnostics().publish;
        const { index, errors } = await pagefind.createIndex({ forceLanguage: language.toLowerCase() });
        if (!index) throw new Error(log.searchStartFailed(errors.join('; ')));
        let pages = 0;
        try {
          for (const file of htmlFiles(outDir)) {
            const html = readFileSync(file, 'utf8');
            if (!html.includes('data-pagefind-body')) continue;
            const url = `/${relative(outDir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
            const added = await index.addHTMLFile({ url, content: pageForIndex(html) });
            if (added.errors.length) throw new Error(log.searchPageFailed(url, added.errors.join('; ')));
            pages++;
          }
          const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          if (written.errors.length) throw new Error(log.searchWriteFailed(written.errors.join('; ')));
        } finally {
          // Pagefind runs a service process: close it on failure too, or the build never exits.
          await pagefind.close();
        }
        const seconds = (performance.now() - started) / 1000;
        timings('search', seconds);
        logger.info(log.searchIndexed(pages, seconds));
      },
    },
  };
}
