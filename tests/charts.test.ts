/** Charts of the built demo: accessible figures with their data, static without JS, interactive with it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

import { csvParse } from 'd3-dsv';
import type { Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { pageWeight } from '../src/lib/publish/page-weight.ts';
import { paths } from '../src/lib/site/urls.ts';
import { readBreakdowns } from './helpers/breakdowns.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { chartLayoutProblems } from './helpers/chart-layout.ts';
import { allPeriods, numeric, publishedRow, readLedgers } from './helpers/ledgers.ts';
import { ROOT } from './helpers/project-copy.ts';

const DIST = join(ROOT, 'dist');
const project = loadProject(ROOT);
const latest = project.editions.at(-1)!;
const chapterWithCharts = latest.chapters.find((c) => c.charts.some((r) => r.kind === 'trend'))!;
const htmlPages = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.html'))
  .map((d) => join(d.parentPath, d.name));
const ledgers = readLedgers(
  ROOT,
  project.editions.map((e) => e.year),
);

/** The figure id each `<Chart …/>` and `<Breakdown …/>` tag of an MDX source draws, read from the tag itself. */
function chartIdsOf(mdx: string): Array<{ kind: string; id: string }> {
  return [...mdx.matchAll(/<(?:Chart|Breakdown)\s[^>]*\/>/g)].map(([tag]) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
    if (tag.startsWith('<Breakdown'))
      return { kind: 'breakdown', id: `chart-breakdown-${attr('id')}${attr('measure') ? `-${attr('measure')}` : ''}` };
    const kind = attr('kind');
    const key = {
      trend: `trend-${attr('id')}`,
      compare: `compare-${attr('ids')
        .split(',')
        .map((id) => id.trim())
        .join('-')}`,
      domains: 'domains',
      custom: `custom-${attr('spec').replace(/\.vl\.json$/, '')}`,
    }[kind];
    return { kind, id: `chart-${key ?? `unknown kind ${kind}`}` };
  });
}

describe('every chart on the built site', () => {
  const figures = htmlPages.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => ({
      file: relative(DIST, file).split(sep).join('/'),
      html: m[0],
    })),
  );

  it('draws every <Chart> of every chapter’s MDX source on its page, the domains chart on the home and edition pages, a trend on each indicator page, and nothing else', () => {
    const figureIds = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1]!);
    const actual = Object.fromEntries(
      htmlPages
        .map((file) => [relative(DIST, file).split(sep).join('/'), figureIds(file)] as const)
        .filter(([, ids]) => ids.length > 0),
    );
    const expected: Record<string, string[]> = { 'index.html': ['chart-domains'] };
    const kinds: string[] = [];
    for (const edition of project.editions) {
      expected[`editions/${edition.year}/index.html`] = ['chart-domains'];
      for (const chapter of edition.chapters) {
        const charts = chartIdsOf(readFileSync(join(ROOT, chapter.file), 'utf8'));
        kinds.push(...charts.map((c) => c.kind));
        if (charts.length) expected[`editions/${edition.year}/${chapter.slug}/index.html`] = charts.map((c) => c.id);
      }
    }
    for (const [id, row] of ledgers.catalogue)
      if (row.type !== 'text') expected[`indicators/${id}/index.html`] = [`chart-trend-${id}`];
    // An indicator's breakdowns (data/breakdowns/*.yaml naming it) follow its trend: over the years, then each
    // year's, newest first.
    for (const [id, years] of readBreakdowns(ROOT)) {
      const sorted = [...years.keys()].sort((a, b) => b - a);
      const indicator = years.get(sorted[0]!)!.definition.indicator;
      if (indicator)
        expected[`indicators/${indicator}/index.html`]!.push(
          ...(sorted.length > 1 ? [`chart-years-${id}`] : []),
          ...sorted.map((year) => `chart-breakdown-${id}-${year}`),
        );
    }
    expect(actual).toEqual(expected);
    // The demo exercises every kind an editor can write.
    expect(new Set(kinds)).toEqual(new Set(['trend', 'compare', 'domains', 'custom', 'breakdown']));
  });

  it('trend and comparison charts carry the figures of data/ledgers/*.csv as each edition published them', () => {
    let checked = 0;
    for (const { file, html } of figures) {
      const href = /<a href="([^"]+\.csv)" download>/.exec(html)![1]!;
      const chart = /^\/editions\/(\d{4})\/charts\/(trend|compare)-(.+)\.csv$/.exec(href);
      if (!chart) continue;
      const year = Number(chart[1]);
      const csv = csvParse(readFileSync(join(DIST, href), 'utf8').slice(1));
      const at = (id: string, period: string) => numeric(publishedRow(ledgers, year, id, period)?.value);
      if (chart[2] === 'trend') {
        const id = chart[3]!;
        const expected = allPeriods(ledgers)
          .filter((p) => Number(p) <= year && at(id, p) !== null)
          .map((p) => [p, at(id, p)]);
        // Rows without a value are the plan's end-year target, drawn at its year after the edition's.
        const [yearly, planned] = [
          csv.filter((r) => r[csv.columns[1]!] !== ''),
          csv.filter((r) => r[csv.columns[1]!] === ''),
        ];
        expect(
          yearly.map((r) => [r[csv.columns[0]!], Number(r[csv.columns[1]!])]),
          `${file}: ${href}`,
        ).toEqual(expected);
        for (const r of planned) {
          expect(Number(r[csv.columns[0]!]), href).toBeGreaterThan(year);
          expect(r[csv.columns[2]!], href).toMatch(/^“十四五”目标/);
        }
        expect(csv.columns[1], href).toBe(`数值（${ledgers.catalogue.get(id)!.unit}）`);
      } else {
        const ids = chart[3]!.split('-');
        const periods = [String(year - 1), String(year)];
        expect(csv.columns, href).toEqual(['指标', '单位', ...periods.map((p) => `${p}年`)]);
        expect(
          csv.map((r) => Object.values(r)),
          `${file}: ${href}`,
        ).toEqual(
          ids.map((id) => [
            ledgers.catalogue.get(id)!.name,
            ledgers.catalogue.get(id)!.unit,
            ...periods.map((p) => String(at(id, p) ?? '')),
          ]),
        );
      }
      checked++;
    }
    // Chapter trends and comparisons of every edition, and the trend on each indicator page.
    expect(checked).toBeGreaterThan(ledgers.catalogue.size);
  });

  it('has a caption, a text summary, an inline SVG, a data table and a CSV of exactly that table', () => {
    for (const { file, html } of figures) {
      expect(html, file).toMatch(
        /<figcaption>[\s\S]*class="chart-title">[^<]+<[\s\S]*class="chart-summary"[^>]*>[^<]{8,}</,
      );
      expect(html, file).toMatch(/role="img" aria-label="[^"]{8,}"/);
      expect(html, file).toContain('<svg');
      const href = /<a href="([^"]+\.csv)" download>下载数据 \(CSV\)<\/a>/.exec(html)?.[1];
      expect(href, file).toBeDefined();
      const csvFile = join(DIST, href!);
      expect(existsSync(csvFile), href).toBe(true);
      const csv = readFileSync(csvFile, 'utf8');
      expect(csv.charCodeAt(0), 'BOM').toBe(0xfeff);
      const rows = csvParse(csv.slice(1));
      // Every body of the table (a long one is split for print), every row; a header's words without its markup
      // (a breakdown's sets the unit apart).
      const tableRows = [...html.matchAll(/<tbody[^>]*>([\s\S]*?)<\/tbody>/g)].flatMap((m) =>
        m[1]!.match(/<tr[\s>]/g)!,
      );
      expect(rows.length, href).toBe(tableRows.length);
      const headers = [...html.matchAll(/<th scope="col">([\s\S]*?)<\/th>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
      expect(rows.columns).toEqual(headers);
    }
  });
});

describe('charts in Chromium', () => {
  const site = useBrowserOnDist();
  const chapterPath = () => paths.chapter(latest.year, chapterWithCharts.slug);

  it('shows every chart with JavaScript disabled', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    for (const path of [chapterPath(), paths.edition(latest.year), paths.home()]) {
      await page.goto(site.origin + path);
      // One of each chart's two designs is shown (the phone one at this width).
      const sizes = await page
        .locator('.chart-canvas svg')
        .evaluateAll((svgs) =>
          svgs
            .map((s) => s.getBoundingClientRect().width * s.getBoundingClientRect().height)
            .filter((area) => area > 0),
        );
      expect(sizes.length, path).toBeGreaterThan(0);
      for (const area of sizes) expect(area).toBeGreaterThan(100 * 100);
    }
    await context.close();
  });

  it('loads no Vega before interaction: initial JavaScript within the 20 KB budget', () => {
    for (const path of [chapterPath(), paths.edition(latest.year), paths.home()]) {
      const html = readFileSync(join(DIST, path, 'index.html'), 'utf8');
      const weight = pageWeight(html, (p) => (existsSync(join(DIST, p)) ? readFileSync(join(DIST, p)) : null));
      expect(weight.js, path).toBeLessThanOrEqual(20 * 1024);
      for (const f of weight.jsFiles) expect(readFileSync(join(DIST, f), 'utf8')).not.toContain('vega-embed');
    }
  });

  it.each([
    { name: 'phone', viewport: { width: 390, height: 844 } },
    { name: 'desktop', viewport: { width: 1280, height: 900 } },
  ])(
    'on a $name, a page with a chart on screen loads at most 20 KB gzip of JavaScript and no Vega until a reader shows intent',
    async ({ viewport }) => {
      const page = await site.browser.newPage({ viewport });
      for (const path of [chapterPath(), paths.indicator(project.publishedIndicators[0]!.id), paths.home()]) {
        const scripts: Array<Promise<number>> = [];
        const onResponse = (r: Response) => {
          if (r.request().resourceType() === 'script') scripts.push(r.body().then((b) => gzipSync(b).length));
        };
        page.on('response', onResponse);
        await page.goto(site.origin + path, { waitUntil: 'networkidle' });
        await page.locator('figure.chart').first().scrollIntoViewIfNeeded();
        await page.waitForTimeout(500);
        await page.waitForLoadState('networkidle');
        expect(await page.locator('figure.chart[data-enhanced]').count(), path).toBe(0);
        const bytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
        expect(bytes, path).toBeLessThanOrEqual(20 * 1024);
        page.off('response', onResponse);
      }
      await page.close();
    },
  );

  it('becomes interactive in place when pointed at, with a tooltip and no layout shift', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const vegaRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('chart-embed')) vegaRequests.push(r.url());
    });
    await page.goto(site.origin + chapterPath());
    const figure = page.locator('figure.chart').first();
    await figure.scrollIntoViewIfNeeded();
    const before = await figure.boundingBox();
    await figure.locator('.chart-canvas').hover();
    await page.waitForSelector('figure.chart[data-enhanced="done"] .chart-interactive svg');
    expect(vegaRequests.length).toBe(1);
    const after = await figure.boundingBox();
    expect(Math.abs(after!.height - before!.height)).toBeLessThanOrEqual(2);
    const mark = page
      .locator(
        'figure.chart[data-enhanced="done"] .chart-interactive .mark-symbol path, figure.chart[data-enhanced="done"] .chart-interactive .mark-rect path',
      )
      .first();
    await mark.hover({ force: true });
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10_000 });
    expect(await page.locator('#vg-tooltip-element').textContent()).toMatch(/\d/);
    await page.close();
  });

  it('becomes interactive for a keyboard reader who tabs into the chart', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + chapterPath());
    await page.locator('figure.chart').first().locator('summary').focus();
    await page.waitForSelector('figure.chart[data-enhanced="done"] .chart-interactive svg');
    await page.close();
  });

  it.each([390, 1280])(
    'at %i px, every chart’s text is at least 12 px and meets no other text, point or line',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const withCharts = htmlPages
        .filter((f) => readFileSync(f, 'utf8').includes('<figure class="chart"'))
        .map((f) => `/${relative(DIST, f).split(sep).join('/')}`.replace(/index\.html$/, ''));
      expect(withCharts.length).toBeGreaterThan(20);
      const problems: string[] = [];
      for (const path of withCharts) {
        await page.goto(site.origin + path);
        problems.push(...(await page.evaluate(chartLayoutProblems, 12)).map((p) => `${path} ${p}`));
      }
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('the layout check would catch a label on a line and text too small', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 900 } });
    await page.goto(site.origin + chapterPath());
    await page.evaluate(() => {
      const svg = [...document.querySelectorAll<SVGSVGElement>('.chart-canvas > svg')].find(
        (s) => s.getBoundingClientRect().width > 0 && s.querySelector('.mark-line path'),
      )!;
      const line = svg.querySelector<SVGPathElement>('.mark-line path')!;
      const middle = line.getPointAtLength(line.getTotalLength() / 2);
      const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      text.setAttribute('x', String(middle.x - 10));
      text.setAttribute('y', String(middle.y + 4));
      text.setAttribute('font-size', '8');
      text.textContent = '压线标签';
      line.closest('g')!.appendChild(text);
    });
    const problems = (await page.evaluate(chartLayoutProblems, 12)).join('\n');
    expect(problems).toContain('“压线标签” meets a line');
    expect(problems).toMatch(/“压线标签” at \d/);
    await page.close();
  });

  it('fits a 360 px wide screen', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(site.origin + chapterPath());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const widths = await page
      .locator('.chart-canvas')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right));
    for (const right of widths) expect(right).toBeLessThanOrEqual(360);
    await page.close();
  });
});
