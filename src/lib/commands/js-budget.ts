import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { loadProject } from '../content/load-project.ts';
import { pageWeight } from '../publish/page-weight.ts';
import { paths } from '../site/urls.ts';

/** JavaScript a page may load before any interaction, gzip bytes (README's budget). */
export const JS_BUDGET_BYTES = 20 * 1024;

export interface PageBudget {
  /** home, edition, chapter (the latest edition's first chapter with a chart). */
  type: string;
  path: string;
  /** gzip bytes. */
  html: number;
  css: number;
  js: number;
  over: boolean;
}

/**
 * `npm run js-budget`, in process: the gzip weight of each page type of the site's built dist/ (HTML, CSS, and
 * the JavaScript loaded before any interaction), and whether any page is over the budget.
 */
export function jsBudget({ root }: { root: string }): { pages: PageBudget[]; over: boolean } {
  const dist = join(root, 'dist');
  const project = loadProject(root);
  const latest = project.editions.at(-1)!;
  // Pages link their files under the site's folder (/dongtou/_astro/…); dist/ holds them at its top.
  const base = project.site.basePath;
  const chapter = latest.chapters.find((c) => c.charts.length > 0) ?? latest.chapters[0]!;
  const pagePaths: Record<string, string> = {
    home: paths.home(),
    edition: paths.edition(latest.year),
    chapter: paths.chapter(latest.year, chapter.slug),
  };
  const read = (sitePath: string) => {
    if (!sitePath.startsWith(base)) return null;
    const file = join(dist, sitePath.slice(base.length));
    return existsSync(file) ? readFileSync(file) : null;
  };
  const pages = Object.entries(pagePaths).map(([type, path]) => {
    const w = pageWeight(readFileSync(join(dist, path, 'index.html'), 'utf8'), read);
    return { type, path, html: w.html, css: w.css, js: w.js, over: w.js > JS_BUDGET_BYTES };
  });
  return { pages, over: pages.some((p) => p.over) };
}
