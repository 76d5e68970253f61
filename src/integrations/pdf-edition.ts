import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser } from 'playwright-core';
import sirv from 'sirv';
import { recordPhase } from '../lib/publish/build-timings.ts';
import { CHROME_FLAGS, findChrome, PDF_SWITCH, pdfEnabled } from '../lib/publish/chrome.ts';
import { formatFileSize } from '../lib/site/format.ts';
import { namedDestinationPages, setPdfMetadata } from '../lib/publish/pdf-document.ts';
import { loadProject, type Edition, type Project } from '../lib/content/project.ts';
import { paths, withBase } from '../lib/site/urls.ts';

/** Bump when the printing pipeline changes, so cached PDFs are printed again. */
const PIPELINE_VERSION = 'pdf-v1';

export const NO_BROWSER_MESSAGE =
  '生成 PDF 版需要 Chrome 或 Chromium，但没有找到。\n' +
  '  · Debian/Ubuntu：sudo apt-get install chromium\n' +
  '  · 已安装在其他位置：CHROME_PATH=/path/to/chrome npm run build\n' +
  `  · 暂不生成 PDF：${PDF_SWITCH}=off npm run build（网站照常生成，页面上不显示 PDF 下载）`;

/** Serves the built site at its base path, plus the print fonts from node_modules, to the printing browser. */
async function printServer(outDir: string, base: string): Promise<{ origin: string; server: Server }> {
  const require = createRequire(import.meta.url);
  const fontRoot = dirname(dirname(require.resolve('@fontsource/noto-serif-sc/package.json')));
  const site = sirv(outDir, { dev: true });
  const fonts = sirv(fontRoot, { dev: true });
  const server = createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end();
    };
    if (req.url?.startsWith('/__print-fonts/')) {
      req.url = req.url.slice('/__print-fonts'.length);
      return fonts(req, res, notFound);
    }
    if (!req.url?.startsWith(base)) return notFound();
    req.url = `/${req.url.slice(base.length)}`;
    return site(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

async function printEdition(browser: Browser, pageUrl: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    const pdfOptions = {
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      tagged: true,
      outline: true,
    } as const;
    // Pass 1 finds the page of every heading; pass 2 prints with those numbers in the 目录.
    const first = await page.pdf(pdfOptions);
    const pages = Object.fromEntries(await namedDestinationPages(first));
    const missing = await page.evaluate((numbers) => {
      const lost: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('[data-toc-target]')) {
        const n = numbers[el.dataset.tocTarget!];
        if (n === undefined) lost.push(el.dataset.tocTarget!);
        el.textContent = n === undefined ? '' : String(n);
      }
      return lost;
    }, pages);
    if (missing.length) throw new Error(`目录页码缺失：${missing.join('、')}`);
    await page.evaluate(() => document.fonts.ready);
    return await page.pdf(pdfOptions);
  } finally {
    await page.close();
  }
}

function pdfFacts(bytes: number, pages: number): string {
  return `PDF，${formatFileSize(bytes)}，${pages} 页`;
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
            logger.warn(`已按 ${PDF_SWITCH}=off 跳过 PDF 版。`);
            return;
          }
          const chrome = findChrome();
          if (!chrome) throw new Error(NO_BROWSER_MESSAGE);
          await printAll(project, outDir, base, chrome, logger);
        } finally {
          for (const d of printDirs) rmSync(d, { recursive: true, force: true });
        }
      },
    },
  };
}

/** Editions printed at once: Chromium renders each on its own core. */
const PRINT_CONCURRENCY = Math.max(1, Math.min(2, availableParallelism()));

async function printAll(
  project: Project,
  outDir: string,
  base: string,
  chrome: string,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'white-paper-pdf');
  mkdirSync(cacheDir, { recursive: true });
  const { origin, server } = await printServer(outDir, base);
  const browser = await chromium.launch({ executablePath: chrome, args: CHROME_FLAGS });
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
    let note = '内容未变，沿用上次生成的 PDF';
    if (!existsSync(cached)) {
      const printed = await printEdition(browser, origin + withBase(base, paths.print(edition.year)));
      writeFileSync(cached, (await setPdfMetadata(printed, metadataOf(project, edition))).bytes);
      note = `${((performance.now() - started) / 1000).toFixed(1)} 秒`;
      recordPhase(`pdf:${edition.year}`, (performance.now() - started) / 1000);
    }
    copyFileSync(cached, target);
    const bytes = readFileSync(target);
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    fillEditionPage(outDir, edition, pdfFacts(bytes.length, pages));
    logger.info(`PDF ${edition.year}年版：${pages} 页，${formatFileSize(bytes.length)}（${note}）`);
  };
  const started = performance.now();
  try {
    const queue = [...project.editions];
    const worker = async () => {
      for (let edition = queue.shift(); edition; edition = queue.shift()) await printOne(edition);
    };
    await Promise.all(Array.from({ length: PRINT_CONCURRENCY }, worker));
    recordPhase('pdf', (performance.now() - started) / 1000);
    logger.info(`PDF 版共 ${project.editions.length} 期，用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`);
  } finally {
    await browser.close();
    server.close();
  }
}

function metadataOf(project: Project, edition: Edition) {
  return {
    title: edition.title,
    author: project.site.agency,
    subject: edition.summary,
    keywords: ['质量状况白皮书', project.site.region, `${edition.year}年`, ...project.domains],
    language: 'zh-CN',
    date: new Date(`${edition.published}T00:00:00+08:00`),
  };
}

/** The edition page links its PDF with size and page count, known only once it is printed. */
function fillEditionPage(outDir: string, edition: Edition, facts: string): void {
  const file = join(outDir, paths.edition(edition.year), 'index.html');
  const html = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    html.replace(/<span class="pdf-facts" data-pdf-facts><\/span>/, `<span class="pdf-facts">（${facts}）</span>`),
  );
}
