import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { launchBrowser, PDF_SWITCH, pdfEnabled } from '../lib/publish/chrome.ts';
import { pdfMessages } from '../lib/publish/pdf/messages.ts';
import { serveStatic } from '../lib/publish/static-server.ts';
import { pageCount, setPdfMetadata } from '../lib/publish/pdf/document.ts';
import { editionPdfMetadata } from '../lib/publish/pdf/metadata.ts';
import { printUrl } from '../lib/publish/pdf/print.ts';
import { ui } from '../lib/site/ui-strings.ts';
import { loadProject, type Edition, type Project } from '../lib/content/project.ts';
import { paths, withBase } from '../lib/site/urls.ts';

/** Bump when the printing pipeline changes, so cached PDFs are printed again. */
const PIPELINE_VERSION = 'pdf-v1';

/** The @fontsource packages, served to the printing browser at /__print-fonts/ (see PrintLayout). */
function fontsourceDir(): string {
  return dirname(dirname(createRequire(import.meta.url).resolve('@fontsource/noto-serif-sc/package.json')));
}

/**
 * Prints every edition to PDF after the build (headless Chromium on the built print page), reusing the
 * cached PDF of an edition whose print page has not changed, then removes the print pages from dist/.
 */
export function pdfEdition(): AstroIntegration {
  let base = '/';
  return {
    name: 'white-paper-pdf-edition',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const project = loadProject(process.cwd());
        const printDirs = project.editions.map((e) => join(outDir, paths.print(e.year)));
        try {
          if (!pdfEnabled()) {
            logger.warn(pdfMessages.skipped(PDF_SWITCH));
            return;
          }
          await printAll(project, outDir, base, logger);
        } finally {
          for (const d of printDirs) rmSync(d, { recursive: true, force: true });
        }
      },
    },
  };
}

/** Editions printed at once: Chromium renders each on its own core. */
const PRINT_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism()));

async function printAll(project: Project, outDir: string, base: string, logger: AstroIntegrationLogger): Promise<void> {
  const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'white-paper-pdf');
  mkdirSync(cacheDir, { recursive: true });
  const browser = await launchBrowser();
  const { origin, close } = await serveStatic(outDir, { base, mounts: { '/__print-fonts/': fontsourceDir() } });
  const printOne = async (edition: Edition) => {
    const started = performance.now();
    const html = readFileSync(join(outDir, paths.print(edition.year), 'index.html'), 'utf8');
    const hash = createHash('sha256')
      .update(PIPELINE_VERSION)
      .update(browser.version())
      .update(html)
      .digest('hex')
      .slice(0, 16);
    const cached = join(cacheDir, `${edition.year}-${hash}.pdf`);
    const target = join(outDir, paths.pdf(edition.year));
    let printMs: number | undefined;
    if (!existsSync(cached)) {
      const printed = await printUrl(browser, origin + withBase(base, paths.print(edition.year)));
      const publisher = { ...project.site, domains: project.domains, language: ui.lang };
      writeFileSync(cached, await setPdfMetadata(printed, editionPdfMetadata(edition, publisher)));
      printMs = performance.now() - started;
    }
    copyFileSync(cached, target);
    const bytes = readFileSync(target);
    const pages = await pageCount(bytes);
    fillEditionPage(outDir, edition, pdfMessages.facts(bytes.length, pages));
    logger.info(pdfMessages.edition(edition.year, pages, bytes.length, printMs));
  };
  const started = performance.now();
  try {
    const queue = [...project.editions];
    const worker = async () => {
      for (let edition = queue.shift(); edition; edition = queue.shift()) await printOne(edition);
    };
    await Promise.all(Array.from({ length: PRINT_CONCURRENCY }, worker));
    logger.info(pdfMessages.total(project.editions.length, performance.now() - started));
  } finally {
    await browser.close();
    await close();
  }
}

/** The edition page links its PDF with size and page count, known only once it is printed. */
function fillEditionPage(outDir: string, edition: Edition, facts: string): void {
  const file = join(outDir, paths.edition(edition.year), 'index.html');
  const html = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    html.replace(/<span class="pdf-facts" data-pdf-facts><\/span>/, `<span class="pdf-facts">${facts}</span>`),
  );
}
