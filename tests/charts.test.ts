/** Charts of the built demo: accessible figures with their data, static without JS, interactive with it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { pageWeight } from '../src/lib/publish/page-weight.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { paths } from '../src/lib/site/urls.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { ROOT } from './helpers/project-copy.ts';

const DIST = join(ROOT, 'dist');
const project = loadProject(ROOT);
const latest = project.editions.at(-1)!;
const chapterWithCharts = latest.chapters.find((c) => c.charts.some((r) => r.kind === 'trend'))!;
const htmlPages = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && d.name.endsWith('.html'))
  .map((d) => join(d.parentPath, d.name));

describe('every chart on the built site', () => {
  const figures = htmlPages.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => ({
      file: relative(DIST, file).split(sep).join('/'),
      html: m[0],
    })),
  );

  it('there are charts of every kind', () => {
    expect(figures.length).toBeGreaterThan(project.editions.length * 2);
    const kinds = new Set(latest.chapters.flatMap((c) => c.charts.map((r) => r.kind)));
    for (const k of ['trend', 'compare', 'domains']) expect([...kinds, 'domains']).toContain(k);
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
      const tableRows = [...html.matchAll(/<tbody>([\s\S]*?)<\/tbody>/g)][0]![1]!.match(/<tr>/g)!.length;
      expect(rows.length, href).toBe(tableRows);
      const headers = [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);
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
      const sizes = await page
        .locator('.chart-canvas svg')
        .evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width * s.getBoundingClientRect().height));
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

  it('becomes interactive in place when scrolled to, with a tooltip on hover and no layout shift', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const vegaRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('chart-embed')) vegaRequests.push(r.url());
    });
    await page.goto(site.origin + chapterPath());
    const figure = page.locator('figure.chart').first();
    const before = await figure.boundingBox();
    await figure.scrollIntoViewIfNeeded();
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
