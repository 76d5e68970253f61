/**
 * npm run bench: builds the demo from scratch (no PDF cache) and reports, in one table, what the
 * README's budgets are about: build time by phase, peak memory, search index size and the bytes a
 * first query fetches, PDF seconds and size per edition, and the gzip bytes each page type loads.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatFileSize } from '../src/lib/format.ts';
import { pageWeight } from '../src/lib/page-weight.ts';
import { loadProject } from '../src/lib/project.ts';
import { paths } from '../src/lib/urls.ts';
import { launchBrowser, serveDist } from '../tests/helpers/browser.ts';

const root = process.cwd();
const dist = join(root, 'dist');
const rows: Array<[string, string]> = [];
const row = (what: string, value: string) => { rows.push([what, value]); };

rmSync(join(root, 'node_modules', '.cache', 'white-paper-pdf'), { recursive: true, force: true });
const started = performance.now();
// GNU time reports the peak resident memory of the build (Astro + Chromium printing + Pagefind).
const build = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KB=%M', process.execPath, 'scripts/build.ts'], { cwd: root, encoding: 'utf8' });
const seconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
  console.error(build.stdout, build.stderr);
  process.exit(1);
}
const log = build.stdout + build.stderr;
const pdfTimes = [...log.matchAll(/PDF (\d{4})年版：(\d+) 页，([\d.]+ [KM]B)（([\d.]+) 秒）/g)];
const searchSeconds = Number(/搜索索引：\d+ 个页面，([\d.]+) 秒/.exec(log)?.[1] ?? NaN);
const pdfSeconds = pdfTimes.reduce((n, m) => n + Number(m[4]), 0);
const maxRss = Number(/MAXRSS_KB=(\d+)/.exec(log)?.[1] ?? 0);
const htmlPages = readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;

row('demo build, total (validation + Astro + PDF + search)', `${seconds.toFixed(1)} s`);
row('  of which PDF printing (all editions)', `${pdfSeconds.toFixed(1)} s`);
row('  of which search index', `${searchSeconds.toFixed(1)} s`);
row('  Astro and validation (remainder)', `${(seconds - pdfSeconds - searchSeconds).toFixed(1)} s`);
row('HTML pages / pages per second (whole build)', `${htmlPages} / ${(htmlPages / seconds).toFixed(1)}`);
row('peak memory of the largest process (build or Chromium)', `${(maxRss / 1024).toFixed(0)} MB`);
for (const m of pdfTimes) row(`PDF ${m[1]}: seconds, pages, size`, `${m[4]} s, ${m[2]} pages, ${m[3]}`);

const dirSize = (dir: string): number =>
  readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).reduce((n, d) => n + statSync(join(d.parentPath, d.name)).size, 0);
row('search index on disk (dist/pagefind)', formatFileSize(dirSize(join(dist, 'pagefind'))));

const { origin, server } = await serveDist(dist);
const browser = await launchBrowser();
const page = await browser.newPage();
let fetched = 0;
page.on('response', async (r) => {
  if (r.url().includes('/pagefind/')) fetched += (await r.body().catch(() => Buffer.alloc(0))).length;
});
await page.goto(`${origin}/search/?q=${encodeURIComponent('食品安全 合格率')}`);
await page.waitForFunction(() => /共找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''));
await page.waitForLoadState('networkidle');
row('bytes a first query fetches (“食品安全 合格率”, cold cache)', formatFileSize(fetched));
await browser.close();
server.close();

const project = loadProject(root);
const latest = project.editions.at(-1)!;
const read = (p: string) => (existsSync(join(dist, p)) ? readFileSync(join(dist, p)) : null);
const pageTypes: Record<string, string> = {
  home: paths.home(),
  edition: paths.edition(latest.year),
  chapter: paths.chapter(latest.year, latest.chapters[1]!.slug),
  search: paths.search(),
};
for (const [type, path] of Object.entries(pageTypes)) {
  const w = pageWeight(readFileSync(join(dist, path, 'index.html'), 'utf8'), read);
  row(`${type} page: HTML / CSS / JS before interaction (gzip)`, `${formatFileSize(w.html)} / ${formatFileSize(w.css)} / ${formatFileSize(w.js)}`);
}

const width = Math.max(...rows.map(([w]) => w.length));
console.log(`\n| measure${' '.repeat(width - 7)} | value |\n|${'-'.repeat(width + 2)}|-------|`);
for (const [what, value] of rows) console.log(`| ${what.padEnd(width)} | ${value} |`);
