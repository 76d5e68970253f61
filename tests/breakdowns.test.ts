/**
 * Breakdowns on the built demo — each <Breakdown> of a chapter, the indicator page's breakdowns of every year, their
 * CSVs and the PDF — against data/breakdowns/ read directly (tests/helpers/breakdowns.ts), in Chromium at a
 * phone's and a desktop's width.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';

import type { BreakdownMeasure, BreakdownRow, BreakdownTable } from '../src/lib/ledger/breakdown.ts';
import { paths } from '../src/lib/site/urls.ts';
import { readBreakdowns } from './helpers/breakdowns.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { chartLayoutProblems } from './helpers/chart-layout.ts';
import { pdftotext, squash } from './helpers/pdf.ts';
import { ROOT } from './helpers/project-copy.ts';

const DIST = join(ROOT, 'dist');
const breakdowns = readBreakdowns(ROOT);
const table = (id: string, year: number): BreakdownTable => breakdowns.get(id)!.get(year)!;

/** Each <Breakdown> tag of the demo's chapters, read from the MDX sources, with its chapter's page and year. */
const EDITIONS = join(ROOT, 'content/editions');
const usages = readdirSync(EDITIONS)
  .sort()
  .flatMap((year) =>
    readdirSync(join(EDITIONS, year))
      .filter((file) => file.endsWith('.mdx'))
      .sort()
      .flatMap((file) =>
        [...readFileSync(join(EDITIONS, year, file), 'utf8').matchAll(/<Breakdown\s[^>]*\/>/g)].map(([tag]) => ({
          year: Number(year),
          path: paths.chapter(Number(year), file.replace(/^\d+-/, '').replace(/\.mdx$/, '')),
          id: /\bid="([^"]+)"/.exec(tag)![1]!,
        })),
      ),
  );

/** A figure as the table prints it: its decimals, a change signed (+2.6, −3.1), “—” when the report gives none. */
function printed(value: number | null, measure: BreakdownMeasure): string {
  if (value === null) return '—';
  const text = Math.abs(value).toFixed(measure.decimals ?? 0);
  const sign = value > 0 && measure.role.kind === 'change' ? '+' : value < 0 ? '−' : '';
  return `${sign}${text}`;
}

/** The table a reader should see: header, then each category (a 产品 with its 大类 said to screen readers), then the total. */
function expectedTable(t: BreakdownTable): string[][] {
  const { measures, dimension } = t.definition;
  const notes = [...t.rows, t.total].some((r) => r?.note);
  const row = (r: BreakdownRow, name: string) => [
    name,
    ...measures.map((m) => printed(r.values[m.id] ?? null, m)),
    ...(notes ? [r.note] : []),
  ];
  return [
    [dimension, ...measures.map((m) => (m.unit ? `${m.name}（${m.unit}）` : m.name)), ...(notes ? ['说明'] : [])],
    ...t.rows.map((r) =>
      row(r, r.parent ? `${r.name}（属于${t.rows.find((p) => p.category === r.parent)!.name}）` : r.name),
    ),
    ...(t.total ? [row(t.total, t.total.name)] : []),
  ];
}

describe('breakdowns on the built demo', () => {
  const site = useBrowserOnDist();

  it('the demo’s chapters use <Breakdown> for both breakdowns, and 2023’s too', () => {
    expect(usages.map((u) => `${u.year} ${u.id}`)).toEqual([
      '2023 spot_checks',
      '2024 spot_checks',
      '2024 spot_checks_by_size',
    ]);
  });

  it('each <Breakdown> shows its year’s table: every measure with its unit, 产品 under their 大类, the total; and says the lowest and highest 大类', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    for (const { year, path, id } of usages) {
      await page.goto(site.origin + path);
      const figure = page.locator(`#chart-breakdown-${id}`);
      const cells = await figure
        .locator('table')
        .evaluate((t: HTMLTableElement) => [...t.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim())));
      const data = table(id, year);
      expect(cells, `${year} ${id}`).toEqual(expectedTable(data));
      // 产品 are indented under their 大类.
      const indents = await figure
        .locator('tbody th')
        .evaluateAll((ths) => ths.map((th) => parseFloat(getComputedStyle(th).paddingLeft)));
      data.rows.forEach((r, i) => {
        if (r.parent) expect(indents[i]).toBeGreaterThan(indents[0]! + 8);
      });
      // The summary's first words, worked out here from the CSV.
      const rate = data.definition.measures.find((m) => m.id === data.definition.chart)!;
      const top = data.rows.filter((r) => !r.parent);
      const lowest = top.reduce((a, b) => (b.values[rate.id]! < a.values[rate.id]! ? b : a));
      const summary = await figure.locator('.chart-summary').textContent();
      expect(summary).toContain(
        `中${rate.name}最低的是${lowest.name}（${lowest.values[rate.id]!.toFixed(rate.decimals!)}${rate.unit}）`,
      );
    }
    await page.close();
  });

  it.each([390, 1280])(
    'at %i px the breakdown charts’ text is at least 12 px and meets no other text, point or line; the table is on screen',
    async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      for (const path of [...new Set(usages.map((u) => u.path)), paths.indicator('spot_check_pass_rate')]) {
        await page.goto(site.origin + path);
        const figures = page.locator('figure[id^="chart-breakdown-"], figure[id^="chart-years-"]');
        expect(await figures.count(), path).toBeGreaterThan(0);
        problems.push(
          ...(await page.evaluate(chartLayoutProblems, 12))
            .filter((p) => /^chart-(breakdown|years)-/.test(p))
            .map((p) => `${path} ${p}`),
        );
        // Each breakdown's table is shown, its names column inside the screen.
        for (const names of await page.locator('.breakdown-table tbody th:first-child').all()) {
          const box = (await names.boundingBox())!;
          expect(box.width).toBeGreaterThan(40);
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
        }
      }
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it('the indicator page of the breakdowns’ indicator lists them for every year, after small multiples over the years', () => {
    const html = readFileSync(join(DIST, 'indicators/spot_check_pass_rate/index.html'), 'utf8');
    const ids = [...html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1]);
    const expected = [...breakdowns].flatMap(([id, years]) => {
      const sorted = [...years.keys()].sort((a, b) => b - a);
      return [...(sorted.length > 1 ? [`chart-years-${id}`] : []), ...sorted.map((y) => `chart-breakdown-${id}-${y}`)];
    });
    expect(ids).toEqual(['chart-trend-spot_check_pass_rate', ...expected]);
  });

  it('the CSV of each breakdown is its table: 产品 named with their 大类, figures as in data/breakdowns', () => {
    for (const [id, years] of breakdowns)
      for (const [year, data] of years) {
        const csv = csvParse(readFileSync(join(DIST, paths.chartData(year, `breakdown-${id}`)), 'utf8').slice(1));
        const measures = data.definition.measures;
        expect(csv.columns.slice(0, measures.length + 1)).toEqual(
          expectedTable(data)[0]!.slice(0, measures.length + 1),
        );
        const name = (r: BreakdownRow) =>
          r.parent ? `${data.rows.find((p) => p.category === r.parent)!.name} › ${r.name}` : r.name;
        expect(csv.map((r) => Object.values(r).slice(0, measures.length + 1))).toEqual(
          [...data.rows, data.total!].map((r) => [
            r === data.total ? r.name : name(r),
            ...measures.map((m) => (r.values[m.id] === null ? '' : String(r.values[m.id]))),
          ]),
        );
      }
  });

  it('the PDF prints each breakdown of a chapter: its summary, chart and table', () => {
    for (const year of new Set(usages.map((u) => u.year))) {
      const text = squash(pdftotext(join(DIST, `editions/${year}/white-paper-${year}.pdf`)));
      for (const { id } of usages.filter((u) => u.year === year)) {
        const data = table(id, year);
        expect(text).toContain(squash(`${year}年${data.definition.title}`));
        for (const r of data.rows) expect(text, `${year} ${r.name}`).toContain(r.name);
        // The table's header, with its units (a unit may print on its own line under its header).
        for (const m of data.definition.measures) expect(text).toContain(m.unit ? `（${m.unit}）` : m.name);
        for (const m of data.definition.measures) expect(text).toContain(m.name);
      }
    }
  });
});
