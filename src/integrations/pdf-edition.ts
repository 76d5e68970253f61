import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Browser } from 'playwright-core';

import { loadProject } from '../lib/content/load-project.ts';
import type { Edition, Project } from '../lib/model/project.ts';
import type { RecordPhase } from '../lib/publish/build-timings.ts';
import { launchBrowser, PDF_SWITCH } from '../lib/publish/chrome.ts';
import { cachedPdf } from '../lib/publish/pdf/cache.ts';
import { pageCount, setPdfMetadata } from '../lib/publish/pdf/document.ts';
import { withPdfFacts } from '../lib/publish/pdf/edition-page.ts';
import { editionPdfMetadata } from '../lib/publish/pdf/metadata.ts';
import { printUrl } from '../lib/publish/pdf/print.ts';
import { serveStatic } from '../lib/publish/static-server.ts';
import { diagnostics, messagesFor } from '../lib/site/messages/index.ts';
import { paths, withBase } from '../lib/site/urls.ts';

/** Editions printed at once: Chromium renders each on its own core. */
const PRINT_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism()));

export interface PdfEditionOptions {
  /** The site's folder: the project is loaded from it when none is given (Astro run directly). */
  root: string;
  /** The project the build validated and the pages rendered. */
  project?: Project;
  /** Off: no PDF (the switch's warning is logged), the print pages still removed. */
  pdf: boolean;
  timings: RecordPhase;
  /** Kept across builds (out of dist/), so an unchanged edition is not printed again. */
  cacheDir: string;
}

/** One build's printing: the project, its output, the browser, and the URL of a site path on the print server. */
interface PrintRun {
  project: Project;
  outDir: string;
  browser: Browser;
  url: (path: string) => string;
  timings: RecordPhase;
  cacheDir: string;
}

/**
 * Prints every edition to PDF after the build (headless Chromium on the built print page), reusing the
 * cached PDF of an edition whose print page has not changed, then removes the print pages from dist/.
 */
export function pdfEdition(options: PdfEditionOptions): AstroIntegration {
  let base = '/';
  return {
    name: 'white-paper-pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const project = options.project ?? loadProject(options.root);
        try {
          if (!options.pdf) {
            logger.warn(diagnostics().publish.pdfSkipped(PDF_SWITCH));
            return;
          }
          await printAll(project, outDir, base, logger, options);
        } finally {
          for (const e of project.editions) rmSync(join(outDir, paths.print(e.year)), { recursive: true, force: true });
        }
      },
    },
  };
}

async function printAll(
  project: Project,
  outDir: string,
  base: string,
  logger: AstroIntegrationLogger,
  { timings, cacheDir }: PdfEditionOptions,
): Promise<void> {
  const browser = await launchBrowser();
  try {
    // The print pages load their fonts from fonts/ (the local package white-paper-fonts), never published.
    const fonts = dirname(createRequire(import.meta.url).resolve('white-paper-fonts/package.json'));
    const site = await serveStatic(outDir, { base, mounts: { '/__print-fonts/': fonts } });
    try {
      const started = performance.now();
      const queue = [...project.editions];
      const run: PrintRun = {
        project,
        outDir,
        browser,
        url: (path) => site.origin + withBase(base, path),
        timings,
        cacheDir,
      };
      const worker = async () => {
        for (let edition = queue.shift(); edition; edition = queue.shift())
          logger.info(await publishEdition(run, edition));
      };
      await Promise.all(Array.from({ length: PRINT_CONCURRENCY }, worker));
      timings('pdf', (performance.now() - started) / 1000);
      logger.info(diagnostics().publish.pdfTotal(project.editions.length, performance.now() - started));
    } finally {
      await site.close();
    }
  } finally {
    await browser.close();
  }
}

/** Writes the edition's PDF (printed, or from the cache) and its facts on the edition page; returns the log line. */
async function publishEdition(
  { project, outDir, browser, url, timings, cacheDir }: PrintRun,
  edition: Edition,
): Promise<string> {
  const started = performance.now();
  const source = {
    name: String(edition.year),
    browserVersion: browser.version(),
    html: readFileSync(join(outDir, paths.print(edition.year), 'index.html'), 'utf8'),
  };
  const { bytes, hit } = await cachedPdf(cacheDir, source, async () => {
    const printed = await printUrl(browser, url(paths.print(edition.year)));
    return setPdfMetadata(
      printed.bytes,
      editionPdfMetadata(edition, {
        ...project.site,
        domains: project.domains,
        language: messagesFor(project.site.language).lang,
      }),
      printed.tagging,
    );
  });
  if (!hit) timings(`pdf:${edition.year}`, (performance.now() - started) / 1000);
  writeFileSync(join(outDir, paths.pdf(edition.year)), bytes);
  const pages = await pageCount(bytes);
  const page = join(outDir, paths.edition(edition.year), 'index.html');
  writeFileSync(
    page,
    withPdfFacts(readFileSync(page, 'utf8'), messagesFor(project.site.language).pdf.facts(bytes.length, pages), page),
  );
  return diagnostics().publish.pdfEdition(
    edition.year,
    pages,
    bytes.length,
    hit ? undefined : performance.now() - started,
  );
}
