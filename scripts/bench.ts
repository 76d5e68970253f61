/**
 * npm run bench: builds (1) the demo and (2) a generated large corpus (20 editions × 200 indicators ×
 * 10 chapters, see bench-corpus.ts) from scratch, and (3) the same pages as a bare Astro project, and
 * prints one table: build seconds by phase, pages per second, peak memory, search index size, bytes a
 * first query fetches, PDF seconds and size, the gzip bytes each page type loads, and the baseline ratio;
 * then Lighthouse's four categories, mobile and desktop, on every page type of the demo
 * (bench-lighthouse.ts), and the ledger-rows series. `npm run bench -- --demo` measures the demo only.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PDFDocument } from 'pdf-lib';

import { loadProject } from '../src/lib/content/load-project.ts';
import { readTimings } from '../src/lib/publish/build-timings.ts';
import { launchBrowser } from '../src/lib/publish/chrome.ts';
import { pageWeight } from '../src/lib/publish/page-weight.ts';
import { serveStatic } from '../src/lib/publish/static-server.ts';
import { formatFileSize } from '../src/lib/site/file-size.ts';
import { diagnostics, messagesFor } from '../src/lib/site/messages/index.ts';
import { paths } from '../src/lib/site/urls.ts';
import {
  BENCH_QUERY,
  HISTORY_YEARS,
  writeBaseline,
  writeBreakdownCorpus,
  writeCorpus,
  writeLedgerCorpus,
} from './bench-corpus.ts';
import { CATEGORIES, lighthouseTable } from './bench-lighthouse.ts';

const root = process.cwd();
const rows: Array<[string, string, string]> = [];
const row = (what: string, demo: string, corpus = '') => {
  rows.push([what, demo, corpus]);
};

interface BuildMeasure {
  seconds: number;
  validation: number;
  pdf: number;
  search: number;
  /** Drawing the share pictures' PNGs (the SVGs are Astro pages, in its phase). */
  pictures: number;
  pictureCount: number;
  pictureBytes: number;
  maxRssMb: number;
  htmlPages: number;
  pdfs: string[];
  indexBytes: number;
}

const dirSize = (dir: string): number =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .reduce((n, d) => n + statSync(join(d.parentPath, d.name)).size, 0)
    : 0;

/**
 * Runs a build under GNU time (peak resident memory of the build and its children: Chromium, Pagefind),
 * which writes the figure to a file of its own rather than into the build's output.
 */
function timedBuild(cwd: string, command: string[]): { seconds: number; maxRssMb: number } {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'wp-bench-rss-')), 'maxrss-kb');
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-o', rssFile, '-f', '%M', ...command], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`build failed in ${cwd}:\n${(result.stdout + result.stderr).slice(-3000)}`);
  return { seconds, maxRssMb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) / 1024 };
}

/** The build exactly as readers of the README run it (package.json's flags included). */
const NPM_BUILD = ['npm', 'run', '--silent', 'build'];

/** A clean build of the project in `dir`; phase timings come from the build's timings file (build-timings.ts). */
async function measureProject(dir: string): Promise<BuildMeasure> {
  for (const cache of ['white-paper-pdf', 'white-paper-pictures'])
    rmSync(join(dir, 'node_modules', '.cache', cache), { recursive: true, force: true });
  const timingsFile = join(mkdtempSync(join(tmpdir(), 'wp-bench-timings-')), 'timings.json');
  const { seconds, maxRssMb } = timedBuild(dir, [...NPM_BUILD, '--', '--timings', timingsFile]);
  const { phases } = readTimings(timingsFile);
  const dist = join(dir, 'dist');
  const pdfs: string[] = [];
  for (const edition of loadProject(dir).editions) {
    const file = join(dist, paths.pdf(edition.year));
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    const printed = phases[`pdf:${edition.year}`];
    pdfs.push(
      diagnostics().cli.bench.pdf(
        edition.year,
        printed === undefined ? 'cached' : `${printed.toFixed(1)} s`,
        pages,
        bytes.length,
      ),
    );
  }
  return {
    seconds,
    validation: phases.validation ?? NaN,
    pdf: phases.pdf ?? 0,
    search: phases.search ?? 0,
    pictures: phases.pictures ?? 0,
    ...pictureFiles(dist),
    maxRssMb,
    htmlPages: readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.html')).length,
    pdfs,
    indexBytes: dirSize(join(dist, 'pagefind')),
  };
}

/** The share pictures' PNGs a build wrote (editions/<year>/pictures/): how many, how many bytes. */
function pictureFiles(dist: string): { pictureCount: number; pictureBytes: number } {
  const files = readdirSync(join(dist, 'editions'), { recursive: true, withFileTypes: true }).filter(
    (d) => d.isFile() && d.name.endsWith('.png') && d.parentPath.endsWith('pictures'),
  );
  return {
    pictureCount: files.length,
    pictureBytes: files.reduce((n, d) => n + statSync(join(d.parentPath, d.name)).size, 0),
  };
}

/** A throw-away project: this repository's code, node_modules linked, the given content. */
function projectCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wp-bench-'));
  for (const name of ['src', 'scripts', 'public', 'tests', 'astro.config.mjs', 'tsconfig.json', 'package.json'])
    cpSync(join(root, name), join(dir, name), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

async function firstQueryBytes(dist: string, query: string): Promise<number> {
  const { origin, close } = await serveStatic(dist, { notFoundPage: '404.html' });
  const browser = await launchBrowser();
  const page = await browser.newPage();
  let fetched = 0;
  page.on('response', async (r) => {
    if (r.url().includes('/pagefind/')) fetched += (await r.body().catch(() => Buffer.alloc(0))).length;
  });
  await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
  // Done when the status says how many pages were found, or that none were (the search page's sentences).
  const { count, empty } = messagesFor().search;
  await page.waitForFunction(
    ([found, none]) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status.startsWith(found) || status === none;
    },
    [count.replace('{q}', query).split('{n}')[0]!, empty.replace('{q}', query)] as const,
    { timeout: 60_000 },
  );
  await page.waitForLoadState('networkidle');
  await browser.close();
  await close();
  return fetched;
}

function pageWeights(dir: string): Record<string, ReturnType<typeof pageWeight>> {
  const dist = join(dir, 'dist');
  const project = loadProject(dir);
  const latest = project.editions.at(-1)!;
  const read = (p: string) => (existsSync(join(dist, p)) ? readFileSync(join(dist, p)) : null);
  const types: Record<string, string> = {
    home: paths.home(),
    edition: paths.edition(latest.year),
    chapter: paths.chapter(latest.year, latest.chapters[1]!.slug),
    indicator: paths.indicator(project.publishedIndicators[0]!.id),
    data: paths.data(),
    search: paths.search(),
  };
  return Object.fromEntries(
    Object.entries(types).map(([t, p]) => [t, pageWeight(readFileSync(join(dist, p, 'index.html'), 'utf8'), read)]),
  );
}

const demo = await measureProject(root);
const demoProject = loadProject(root);
const latestEdition = demoProject.editions.at(-1)!;
const lighthouseRows = await lighthouseTable(join(root, 'dist'), {
  home: paths.home(),
  edition: paths.edition(latestEdition.year),
  'older edition': paths.edition(demoProject.editions[0]!.year),
  digest: paths.digest(latestEdition.year),
  'chapter with charts': paths.chapter(
    latestEdition.year,
    latestEdition.chapters.find((c) => c.charts.length > 0)!.slug,
  ),
  indicator: paths.indicator(demoProject.publishedIndicators[0]!.id),
  'indicator index': paths.indicators(),
  data: paths.data(),
  'search with results': paths.search(BENCH_QUERY),
  // Lighthouse stops on a 404 status (ERRORED_DOCUMENT_REQUEST): it audits the 404 page at its own address.
  '404': '/404.html',
});
const demoQuery = await firstQueryBytes(join(root, 'dist'), BENCH_QUERY);
const demoWeights = pageWeights(root);

let corpus: BuildMeasure | undefined;
let corpusQuery = 0;
let corpusWeights: ReturnType<typeof pageWeights> | undefined;
let baseline: { seconds: number; maxRssMb: number; pages: number } | undefined;
const size = { editions: 20, indicators: 200, chapters: 10 };
if (!process.argv.includes('--demo')) {
  const dir = projectCopy();
  const { prose } = writeCorpus(dir, size);
  console.error(diagnostics().cli.bench.corpus(size.editions, size.indicators, size.chapters, dir));
  corpus = await measureProject(dir);
  corpusQuery = await firstQueryBytes(join(dir, 'dist'), BENCH_QUERY);
  corpusWeights = pageWeights(dir);
  const bare = mkdtempSync(join(tmpdir(), 'wp-baseline-'));
  writeBaseline(bare, prose, corpus.htmlPages - prose.length);
  symlinkSync(join(root, 'node_modules'), join(bare, 'node_modules'));
  const built = timedBuild(bare, [process.execPath, 'node_modules/astro/bin/astro.mjs', 'build']);
  baseline = {
    seconds: built.seconds,
    maxRssMb: built.maxRssMb,
    pages: readdirSync(join(bare, 'dist'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length,
  };
}

// How the build grows with the ledger (bench-corpus.ts writeLedgerCorpus): time and memory should grow
// no faster than the rows; 100k rows are budgeted at 3 minutes and 2 GB.
const ledgerSeries: Array<{ rows: number; measure: BuildMeasure }> = [];
if (!process.argv.includes('--demo'))
  for (const n of [1_000, 10_000, 100_000]) {
    const dir = projectCopy();
    writeLedgerCorpus(dir, n);
    console.error(diagnostics().cli.bench.ledgerCorpus(n, dir));
    ledgerSeries.push({ rows: n, measure: await measureProject(dir) });
    rmSync(dir, { recursive: true, force: true });
  }

// A breakdown-heavy site (issue 26): 200 categories × 5 measures × 10 editions.
const BREAKDOWN_SHAPE = { categories: 200, years: 10 };
let breakdownMeasure: BuildMeasure | null = null;
if (!process.argv.includes('--demo')) {
  const dir = projectCopy();
  writeBreakdownCorpus(dir, BREAKDOWN_SHAPE.categories, BREAKDOWN_SHAPE.years);
  console.error(diagnostics().cli.bench.breakdownCorpus(BREAKDOWN_SHAPE.categories, BREAKDOWN_SHAPE.years, dir));
  breakdownMeasure = await measureProject(dir);
  rmSync(dir, { recursive: true, force: true });
}

const s = (n: number) => `${n.toFixed(1)} s`;
const astroPhase = (m: BuildMeasure) => m.seconds - m.pdf - m.search - m.pictures;
row('HTML pages', String(demo.htmlPages), corpus ? String(corpus.htmlPages) : '');
row('build, total', s(demo.seconds), corpus ? s(corpus.seconds) : '');
row('  validation + Astro', s(astroPhase(demo)), corpus ? s(astroPhase(corpus)) : '');
row('    of which validation (loadProject, checks)', s(demo.validation), corpus ? s(corpus.validation) : '');
row('  search index (Pagefind)', s(demo.search), corpus ? s(corpus.search) : '');
row('  PDF (all editions, Chromium, 2 at a time)', s(demo.pdf), corpus ? s(corpus.pdf) : '');
row('  share pictures (PNG, resvg, all cores)', s(demo.pictures), corpus ? s(corpus.pictures) : '');
row(
  'pages per second (whole build)',
  (demo.htmlPages / demo.seconds).toFixed(1),
  corpus ? (corpus.htmlPages / corpus.seconds).toFixed(1) : '',
);
row(
  'peak memory (largest process)',
  `${demo.maxRssMb.toFixed(0)} MB`,
  corpus ? `${corpus.maxRssMb.toFixed(0)} MB` : '',
);
const pictures = (m: BuildMeasure) => `${m.pictureCount} PNG, ${formatFileSize(m.pictureBytes)}`;
row('share pictures written', pictures(demo), corpus ? pictures(corpus) : '');
row('search index on disk', formatFileSize(demo.indexBytes), corpus ? formatFileSize(corpus.indexBytes) : '');
row(`first query “${BENCH_QUERY}” fetches`, formatFileSize(demoQuery), corpus ? formatFileSize(corpusQuery) : '');
row('PDF per edition (latest)', demo.pdfs.at(-1) ?? '', corpus?.pdfs.at(-1) ?? '');
for (const type of Object.keys(demoWeights)) {
  const d = demoWeights[type]!;
  const c = corpusWeights?.[type];
  const fmt = (w: typeof d) => `${formatFileSize(w.html)} / ${formatFileSize(w.css)} / ${formatFileSize(w.js)}`;
  row(`${type} page HTML / CSS / JS (gzip, before interaction)`, fmt(d), c ? fmt(c) : '');
}
if (corpus && baseline) {
  row(
    `bare Astro, same ${baseline.pages} pages: build`,
    '',
    `${s(baseline.seconds)}, ${baseline.maxRssMb.toFixed(0)} MB`,
  );
  row('ratio: our validation + Astro phase / bare Astro', '', `${(astroPhase(corpus) / baseline.seconds).toFixed(2)}×`);
  row('ratio: whole build / bare Astro', '', `${(corpus.seconds / baseline.seconds).toFixed(2)}×`);
}
for (const p of demo.pdfs) console.error(`demo PDF ${p}`);

/** A Markdown table, columns padded to their widest cell. */
function printTable(header: string[], body: string[][]): void {
  const w = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(w[i]!)).join(' | ')} |`;
  console.log(`\n${line(header)}`);
  console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
  for (const r of body) console.log(line(r));
}

printTable(['measure', 'demo', corpus ? `corpus ${size.editions}×${size.indicators}×${size.chapters}` : ''], rows);
printTable(
  ['Lighthouse (demo)', 'path', ...CATEGORIES.map((c) => `mobile ${c}`), ...CATEGORIES.map((c) => `desktop ${c}`)],
  lighthouseRows.map((r) => [
    r.page,
    r.path,
    ...CATEGORIES.map((c) => String(r.mobile[c])),
    ...CATEGORIES.map((c) => String(r.desktop[c])),
  ]),
);
for (const r of lighthouseRows) for (const f of r.failing) console.log(`  ${r.page}: ${f}`);
if (ledgerSeries.length > 0)
  printTable(
    ['ledger rows', 'indicators', 'HTML pages', 'build', 'Astro phase', 'peak memory', 'seconds per 10k rows'],
    ledgerSeries.map(({ rows: n, measure: m }) => [
      String(n),
      String(n / HISTORY_YEARS),
      String(m.htmlPages),
      s(m.seconds),
      s(astroPhase(m)),
      `${m.maxRssMb.toFixed(0)} MB`,
      ((m.seconds / n) * 10_000).toFixed(1),
    ]),
  );
if (breakdownMeasure)
  printTable(
    ['breakdown shape', 'HTML pages', 'build', 'Astro phase', 'PDF', 'peak memory'],
    [
      [
        `${BREAKDOWN_SHAPE.categories} categories × 5 measures × ${BREAKDOWN_SHAPE.years} editions`,
        String(breakdownMeasure.htmlPages),
        s(breakdownMeasure.seconds),
        s(astroPhase(breakdownMeasure)),
        s(breakdownMeasure.pdf),
        `${breakdownMeasure.maxRssMb.toFixed(0)} MB`,
      ],
    ],
  );
