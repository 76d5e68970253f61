/**
 * npm run js-budget: gzip bytes of JavaScript each page type of dist/ loads before any interaction.
 * Budget: ≤ 20 KB (README). Exits non-zero when a page is over.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageWeight } from '../src/lib/publish/page-weight.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { paths } from '../src/lib/site/urls.ts';

export const JS_BUDGET_BYTES = 20 * 1024;
const dist = join(process.cwd(), 'dist');
const project = loadProject(process.cwd());
const latest = project.editions.at(-1)!;
const pages: Record<string, string> = {
  home: paths.home(),
  edition: paths.edition(latest.year),
  chapter: paths.chapter(
    latest.year,
    latest.chapters.find((c) => c.charts.length > 0)?.slug ?? latest.chapters[0]!.slug,
  ),
};
const read = (sitePath: string) => {
  const file = join(dist, sitePath);
  return existsSync(file) ? readFileSync(file) : null;
};
let over = false;
console.log('page type   path                                  HTML gz   CSS gz   JS gz (before interaction)');
for (const [type, path] of Object.entries(pages)) {
  const w = pageWeight(readFileSync(join(dist, path, 'index.html'), 'utf8'), read);
  over ||= w.js > JS_BUDGET_BYTES;
  console.log(
    `${type.padEnd(11)} ${path.padEnd(37)} ${String(w.html).padStart(7)}  ${String(w.css).padStart(7)}  ${String(w.js).padStart(7)}  ${w.js > JS_BUDGET_BYTES ? 'OVER BUDGET' : 'ok'}`,
  );
}
if (over) process.exit(1);
