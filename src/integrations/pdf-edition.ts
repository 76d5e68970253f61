import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

import { loadProject } from '../lib/content/load-project.ts';
import type { Edition, Project } from '../lib/model/project.ts';
import type { RecordPhase } from '../lib/publish/build-timings.ts';
import { browserVersion, launchBrowser, PDF_SWITCH } from '../lib/publish/chrome.ts';
import { cachedPdf, latestPdf } from '../lib/publish/pdf/cache.ts';
import { namedDestinationPages, setPdfMetadata } from '../lib/publish/pdf/document.ts';
import { withPdfFacts } from '../lib/publish/pdf/edition-page.ts';
import { editionPdfMetadata } from '../lib/publish/pdf/metadata.ts';
import { type PrintTabs, printUrl } from '../lib/publish/pdf/print.ts';
import { serveStatic } from '../lib/publish/static-server.ts';
import { eachAtMost } from '../lib/site/at-most.ts';
import { diagnostics, messagesFor } from '../lib/site/messages/index.ts';
import { paths, withBase } from '../lib/site/urls.ts';

/**
 * Editions printed at once: one more than the cores, as a tab waits part of its time (loading, the PDF read
 * between its two prints) and the other tabs' renderers use the cores meanwhile.
 */
const PRINT_CONCURRENCY = availableParallelism() + 1;

/**
 * What printing an edition takes of memory, from its print page's size: Chromium's renderer peaked at 3.9 GB for a
 * 5.4 MB page of 445 A4 pages (10,000 indicators), about 720 bytes per byte, and the browser itself ~130 MB. Three
 * such editions at once (10.6 GB) made the kernel kill Chromium mid-print on a 24 GB machine ("Printing failed").
 */
const printMemory = (htmlBytes: number) => 256 * 2 ** 20 + 1000 * htmlBytes;
/** The share of the memory free when printing starts that the editions printed at once may take together. */
const PRINT_MEMORY_SHARE = 0.6;

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

/** One build's printing: the project, its output, and the printer, started when an edition is not in the cache. */
interface PrintRun {
  project: Project;
  outDir: string;
  browserVersion: string;
  printer: () => Promise<Printer>;
  timings: RecordPhase;
  cacheDir: string;
}

/** The browser, its one context (the tabs of every edition) and the print server. */
interface Printer {
  tabs: PrintTabs;
  version: string;
  /** The URL of a site path on the print server. */
  url: (path: string) => string;
  close(): Promise<void>;
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
  const started = performance.now();
  // Started by the first edition not in the cache: a build whose PDFs are all kept starts no browser.
  let printer: Promise<Printer> | undefined;
  const startOnce = () => (printer ??= startPrinter(outDir, base));
  try {
    // The cache key names the browser's version: asked of the program, or of the browser when it does not say.
    const version = browserVersion() ?? (await startOnce()).version;
    const run: PrintRun = { project, outDir, browserVersion: version, printer: startOnce, timings, cacheDir };
    // As many at once as the cores and the memory allow: a large edition waits for memory (or prints alone).
    const pageBytes = (edition: Edition) => statSync(join(outDir, paths.print(edition.year), 'index.html')).size;
    await eachAtMost(
      project.editions,
      PRINT_CONCURRENCY,
      async (edition) => logger.info(await publishEdition(run, edition)),
      { weight: (edition) => printMemory(pageBytes(edition)), total: PRINT_MEMORY_SHARE * process.availableMemory() },
    );
    timings('pdf', (performance.now() - started) / 1000);
    logger.info(diagnostics().publish.pdfTotal(project.editions.length, performance.now() - started));
  } finally {
    // Closed however printing ended (a started browser that failed later included).
    await printer?.then(
      (p) => p.close(),
      () => {},
    );
  }
}

async function startPrinter(outDir: string, base: string): Promise<Printer> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    // The print pages load their fonts from fonts/ (the local package white-paper-fonts), never published.
    const fonts = dirname(createRequire(import.meta.url).resolve('white-paper-fonts/package.json'));
    const site = await serveStatic(outDir, { base, mounts: { '/__print-fonts/': fonts } });
    return {
      tabs: context,
      version: browser.version(),
      url: (path) => site.origin + withBase(base, path),
      close: async () => {
        try {
          await site.close();
        } finally {
          await browser.close();
        }
      },
    };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** Writes the edition's PDF (printed, or from the cache) and its facts on the edition page; returns the log line. */
async function publishEdition(
  { project, outDir, browserVersion, printer, timings, cacheDir }: PrintRun,
  edition: Edition,
): Promise<string> {
  const started = performance.now();
  const source = {
    name: String(edition.year),
    browserVersion,
    html: readFileSync(join(outDir, paths.print(edition.year), 'index.html'), 'utf8'),
  };
  const { bytes, pages, hit } = await cachedPdf(cacheDir, source, async () => {
    // The 目录's page numbers of the edition's previous print, if any: an edit seldom moves a heading, and then the
    // edition is printed once instead of twice.
    const previous = latestPdf(cacheDir, source.name);
    const guess = previous && Object.fromEntries(await namedDestinationPages(previous));
    const { tabs, url } = await printer();
    const printed = await printUrl(tabs, url(paths.print(edition.year)), guess);
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
