import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { recordPhase } from '../lib/publish/build-timings.ts';
import { separateHan } from '../lib/publish/search-text.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));
}

/**
 * Builds the Pagefind index after Astro has written the site: every page's Han characters are
 * separated (see src/lib/publish/search-text.ts) before Pagefind reads it; the pages on disk are unchanged.
 * Only elements marked `data-pagefind-body` are indexed.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'white-paper-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const started = performance.now();
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index) throw new Error(`Pagefind 无法启动：${errors.join('; ')}`);
        let pages = 0;
        for (const file of htmlFiles(outDir)) {
          const html = readFileSync(file, 'utf8');
          if (!html.includes('data-pagefind-body')) continue;
          const url = `/${relative(outDir, file).split(sep).join('/')}`.replace(/index\.html$/, '');
          const added = await index.addHTMLFile({ url, content: separateHan(html) });
          if (added.errors.length) throw new Error(`Pagefind 索引 ${url} 失败：${added.errors.join('; ')}`);
          pages++;
        }
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind 写入索引失败：${written.errors.join('; ')}`);
        await pagefind.close();
        const seconds = (performance.now() - started) / 1000;
        recordPhase('search', seconds);
        logger.info(`搜索索引：${pages} 个页面，${seconds.toFixed(1)} 秒`);
      },
    },
  };
}
