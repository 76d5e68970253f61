/**
 * Search against the real Pagefind index of the built demo, in real Chromium: for every query, the
 * result links must be exactly the pages whose indexed text contains all of the query's terms.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { readBreakdownDefinition } from './helpers/breakdowns.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { ROOT } from './helpers/project-copy.ts';

const project = loadProject(ROOT);
const DIST = join(ROOT, 'dist');

/** Fixed everyday queries plus terms drawn from the demo's catalogue (names, domains). */
function queries(): string[] {
  const fixed = [
    '食品安全',
    '合格率',
    '品字标',
    '标准化',
    '满意度',
    '特种设备',
    '装配式建筑',
    '优良天数',
    'PM2.5',
    'QCI',
    '食品安全 合格率',
    '质',
    '量',
    '下一步',
    '抽检 满意度 合格率',
    '2024年',
    '勘误',
    '火星基地',
    '质量 ZZZ',
    // Categories of a breakdown: only in its tables and charts' summaries.
    '化肥',
    '农业生产资料 合格率',
  ];
  const fromCatalogue = project.publishedIndicators
    .filter((_, i) => i % 3 === 0)
    .map((i) => i.name.replace(/[（(].*$/, '').slice(0, 6));
  const domains = project.domains;
  return [...new Set([...fixed, ...domains, ...fromCatalogue])];
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();
const indexedPages = () =>
  readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name === 'index.html')
    .map((d) => join(d.parentPath, d.name))
    .filter((f) => readFileSync(f, 'utf8').includes('data-pagefind-body'))
    .map((f) => `/${relative(DIST, f).split(sep).join('/')}`.replace(/index\.html$/, ''));

describe('search', () => {
  const site = useBrowserOnDist();
  let page: Page;
  const pageText = new Map<string, string>();
  /**
   * Each indexed page's tables as the texts a reader sees apart, in document order: each cell, and within a
   * cell each part shown on a line of its own (a note, a progress mark). What an excerpt must keep apart.
   */
  const pageCells = new Map<string, string[][]>();

  beforeAll(async () => {
    page = await site.browser.newPage();
    // Ground truth: the text Pagefind indexes — data-pagefind-body minus ignored parts, scripts, styles —
    // with table cells apart (a line break after each), as the index reads them: no term spans two cells.
    for (const path of indexedPages()) {
      await page.goto(site.origin + path);
      pageText.set(
        path,
        normalise(
          await page.evaluate(() =>
            [...document.querySelectorAll('[data-pagefind-body]')]
              .map((body) => {
                const clone = body.cloneNode(true) as HTMLElement;
                clone.querySelectorAll('[data-pagefind-ignore], script, style, svg').forEach((n) => n.remove());
                clone.querySelectorAll('td, th, caption').forEach((cell) => cell.append('\n'));
                return clone.textContent ?? '';
              })
              .join(' '),
          ),
        ),
      );
      pageCells.set(
        path,
        await page.evaluate(() =>
          [...document.querySelectorAll('[data-pagefind-body] table')]
            .filter((table) => !table.closest('[data-pagefind-ignore]'))
            .map((table) =>
              [...table.querySelectorAll('td, th')]
                .flatMap((cell) => {
                  const parts = [''];
                  for (const node of cell.childNodes) {
                    const apart = node instanceof Element && getComputedStyle(node).display === 'block';
                    if (apart) parts.push(node.textContent!, '');
                    else parts[parts.length - 1] += node.textContent;
                  }
                  return parts;
                })
                .map((text) => text.trim())
                .filter(Boolean),
            ),
        ),
      );
    }
  });
  async function search(q: string, extra = ''): Promise<string[]> {
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent(q)}${extra}`);
    await page.waitForFunction(() => {
      const s = document.getElementById('search-status')?.textContent ?? '';
      return s !== '' && !s.includes('正在');
    });
    return page
      .locator('#search-results a')
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it('indexes every edition overview and chapter', () => {
    const expected = project.editions.flatMap((e) => [
      `/editions/${e.year}/`,
      ...e.chapters.map((c) => `/editions/${e.year}/${c.slug}/`),
    ]);
    for (const path of expected) expect([...pageText.keys()]).toContain(path);
  });

  it('finds exactly the pages that contain the query (recall and precision 100%)', async () => {
    const list = queries();
    expect(list.length).toBeGreaterThanOrEqual(30);
    let truePositives = 0;
    let returned = 0;
    let relevant = 0;
    const mismatches: string[] = [];
    for (const q of list) {
      const terms = normalise(q).split(/\s+/).filter(Boolean);
      const expected = [...pageText]
        .filter(([, text]) => terms.every((t) => text.includes(t)))
        .map(([p]) => p)
        .sort();
      const actual = (await search(q)).sort();
      returned += actual.length;
      relevant += expected.length;
      truePositives += actual.filter((p) => expected.includes(p)).length;
      if (JSON.stringify(actual) !== JSON.stringify(expected))
        mismatches.push(`${q}: expected ${expected.join(' ')} | got ${actual.join(' ')}`);
    }
    const recall = relevant === 0 ? 1 : truePositives / relevant;
    const precision = returned === 0 ? 1 : truePositives / returned;
    console.log(
      `search: ${list.length} queries, ${relevant} relevant results, recall ${(recall * 100).toFixed(1)}%, precision ${(precision * 100).toFixed(1)}%`,
    );
    expect(mismatches).toEqual([]);
    expect(relevant).toBeGreaterThan(list.length); // the queries really hit pages
    expect(recall).toBe(1);
    expect(precision).toBe(1);
  });

  it('finds a breakdown’s category on the chapters that show the breakdown and on its indicator’s page', async () => {
    const { indicator } = readBreakdownDefinition(ROOT, 'spot_checks');
    const chapters = project.editions.flatMap((e) =>
      e.chapters
        .filter((c) => readFileSync(join(ROOT, c.file), 'utf8').includes('<Breakdown id="spot_checks"'))
        .map((c) => `/editions/${e.year}/${c.slug}/`),
    );
    expect(chapters.length).toBeGreaterThan(0);
    expect((await search('化肥')).sort()).toEqual([...chapters, `/indicators/${indicator}/`].sort());
  });

  it('shows titles and excerpts without helper characters, with the edition year', async () => {
    await search('合格率');
    const text = await page.locator('#search-results').textContent();
    expect(text).not.toContain('\u200B');
    expect(await page.locator('#search-results mark').first().textContent()).toBe('合格率');
    expect(text).toMatch(/\d{4}年/);
    expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
  });

  it('keeps table cells apart in excerpts: no two neighbouring cells read as one text', async () => {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const queries = ['已完成', '未完成', ...project.publishedIndicators.map((i) => i.name).slice(0, 12)];
    let apart = 0;
    const together: string[] = [];
    for (const q of queries) {
      await search(q);
      const results = await page.locator('#search-results li').evaluateAll((items) =>
        items.map((li) => ({
          path: new URL(li.querySelector('a')!.href).pathname,
          excerpt: li.querySelector('p')?.textContent ?? '',
        })),
      );
      for (const { path, excerpt } of results)
        for (const cells of pageCells.get(path) ?? [])
          cells.slice(1).forEach((next, n) => {
            const cell = cells[n]!;
            if (/[。！？；：，、.!?;:,]$/.test(cell)) return; // a cell that ends a sentence ends itself
            // A one-character cell (a count) has no seam of its own: 2 + 0 would be found in any 2024.
            if (cell.length < 2 || next.length < 2) return;
            // Where one part ends and the next begins: their last and first characters.
            const seam = [escape(cell.slice(-3)), escape(next.slice(0, 3))];
            if (new RegExp(`${seam[0]}）?[，；（]\\s*${seam[1]}`).test(excerpt)) apart++;
            else if (new RegExp(`${seam[0]}[.\\s]*${seam[1]}`).test(excerpt))
              together.push(`${path} “${cell}” + “${next}” in “${excerpt}”`);
          });
    }
    expect(together).toEqual([]);
    expect(apart).toBeGreaterThan(10); // the excerpts did show table rows
  });

  it('filters by edition year and kind, and says clearly when nothing matches', async () => {
    const year = project.editions.at(-1)!.year;
    const all = await search('合格率');
    const filtered = await search('合格率', `&year=${year}&kind=${encodeURIComponent('章节')}`);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThan(all.length);
    for (const p of filtered) expect(p).toMatch(new RegExp(`^/editions/${year}/[a-z0-9-]+/$`));
    expect(await search('火星基地')).toEqual([]);
    expect(await page.locator('#search-status').textContent()).toContain('没有找到包含“火星基地”的页面');
  });

  it('works from the header search box with the keyboard', async () => {
    await page.goto(site.origin + '/');
    await page.locator('#site-search-q').focus();
    await page.keyboard.type('标准化');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search/?q=*');
    await page.waitForFunction(() => /共找到/.test(document.getElementById('search-status')?.textContent ?? ''));
    expect(await page.locator('#search-results a').count()).toBeGreaterThan(0);
  });

  it('loads no search code on other pages', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(site.origin + `/editions/${project.editions.at(-1)!.year}/`);
    expect(requests.filter((u) => u.includes('pagefind'))).toEqual([]);
    page.removeAllListeners('request');
  });

  it('says so when the index cannot be loaded, instead of searching for ever', async () => {
    const blocked = await site.browser.newPage();
    await blocked.route('**/pagefind/**', (route) => route.abort());
    await blocked.goto(`${site.origin}/search/?q=${encodeURIComponent('合格率')}`);
    await blocked.waitForFunction(
      () => /加载失败/.test(document.getElementById('search-status')?.textContent ?? ''),
      undefined,
      {
        timeout: 10_000,
      },
    );
    expect(await blocked.locator('#search-results li').count()).toBe(0);
    await blocked.close();
  });

  it.each([
    { width: 390, height: 844 },
    { width: 1350, height: 940 },
  ])('results arrive without shifting the page (CLS < 0.01 at $width px)', async (viewport) => {
    const page = await site.browser.newPage({ viewport });
    await page.addInitScript(() => {
      const w = window as unknown as { cls: number };
      w.cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
          if (!e.hadRecentInput) w.cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('食品安全')}`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { cls: number }).cls)).toBeLessThan(0.01);
    await page.close();
  });
});
