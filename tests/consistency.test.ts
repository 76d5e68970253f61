/**
 * The promise “web = PDF = CSV”, enforced: for every indicator of every edition, the edition page's
 * table (in Chromium), the chart data tables, the CSV, XLSX and JSON downloads and the PDF text
 * show the value and status of the one evaluation (src/lib/ledger/evaluation.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';

import { loadProject } from '../src/lib/content/load-project.ts';
import { type Entry, entryAt } from '../src/lib/ledger/evaluation.ts';
import { STATUSES } from '../src/lib/ledger/status.ts';
import { formatTarget, formatValue } from '../src/lib/model/format.ts';
import type { Edition } from '../src/lib/model/project.ts';
import { countStatuses } from '../src/lib/model/summary.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';
import { paths } from '../src/lib/site/urls.ts';
import { readBreakdownCsv } from './helpers/breakdowns.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { pdftotext, squash } from './helpers/pdf.ts';
import { ROOT } from './helpers/project-copy.ts';

const project = loadProject(ROOT);
const m = messagesFor(project.site.language);
const DIST = join(ROOT, 'dist');
const session = useBrowserOnDist();
let page: Page;
beforeAll(async () => {
  page = await session.browser.newPage();
});
afterAll(async () => {
  await page?.close();
});

/** A value as a download writes it: numbers in value, words in value_text. */
const downloadValue = (e: Entry) => ({
  value: typeof e.value === 'number' ? String(e.value) : '',
  value_text: typeof e.value === 'string' ? e.value : '',
});

/** Every chart data table on a page: the figure's key and its body rows as cell texts. */
async function chartTables(path: string): Promise<Array<{ key: string; rows: string[][] }>> {
  await page.goto(session.origin + path);
  return page.$$eval('figure.chart', (figures) =>
    figures.map((f) => ({
      key: f.id.replace(/^chart-/, ''),
      rows: [...f.querySelectorAll('details table tbody tr')].map((tr) =>
        [...tr.children].map((c) => c.textContent!.trim()),
      ),
    })),
  );
}

/** Checks one chart table against the evaluation; returns how many cells it compared. */
function checkChartTable(edition: Edition, key: string, rows: string[][]): number {
  let compared = 0;
  if (key.startsWith('trend-')) {
    const id = key.slice('trend-'.length);
    for (const [period, value, target, status] of rows) {
      // A period past the edition's year is the plan's end-year target drawn at its year (no value).
      if (Number(period) > edition.year) {
        const latest = entryAt(project.editions, edition, id, String(edition.year))!;
        const { plan, target: goal, progress } = latest.plan!;
        const label = m.chart.planGoalLabel(plan.short, formatTarget(goal.target, latest.indicator));
        expect([period, value, target, status], `${key} plan`).toEqual([
          String(goal.year),
          '',
          label,
          progress ? m.progress[progress] : '',
        ]);
        compared += 1;
        continue;
      }
      const entry = entryAt(project.editions, edition, id, period!)!;
      expect(Number(value), `${key} ${period}`).toBe(entry.value);
      expect(status, `${key} ${period}`).toBe(m.status[entry.status]);
      compared += 2;
    }
  } else if (key === 'domains') {
    for (const [domain, ...counts] of rows) {
      const c = countStatuses(edition.yearEntries.filter((e) => e.indicator.domain === domain));
      expect(counts.map(Number), `domains ${domain}`).toEqual([...STATUSES.map((s) => c[s]), c.total]);
      compared += counts.length;
    }
  } else if (key.startsWith('compare-')) {
    for (const [name, , previous, current] of rows) {
      const indicator = project.publishedIndicators.find((i) => i.name === name)!;
      const at = (period: number) => entryAt(project.editions, edition, indicator.id, String(period))?.value ?? '';
      expect([previous, current], `${key} ${name}`).toEqual([String(at(edition.year - 1)), String(at(edition.year))]);
      compared += 2;
    }
  }
  return compared;
}

describe.each(project.editions.map((e) => [e.year, e] as const))(
  'the %i edition says the same everywhere',
  (year, edition) => {
    const entries = edition.yearEntries;

    it('covers every indicator of the ledger', () => {
      expect(entries.length).toBeGreaterThan(30);
    });

    it('edition page: every indicator row shows the value and status (Chromium)', async () => {
      await page.goto(session.origin + paths.edition(year));
      for (const e of entries) {
        const row = (await page.locator(`#indicator-${e.indicator.id}`).first().innerText()).replace(/\s+/g, ' ');
        expect(row, e.indicator.id).toContain(formatValue(e.value, e.indicator));
        expect(row, e.indicator.id).toContain(m.status[e.status]);
      }
    });

    it('chart data tables on the overview and every chapter agree with the evaluation', async () => {
      let compared = 0;
      for (const path of [paths.edition(year), ...edition.chapters.map((c) => paths.chapter(year, c.slug))]) {
        for (const { key, rows } of await chartTables(path)) compared += checkChartTable(edition, key, rows);
      }
      expect(compared).toBeGreaterThan(10);
    });

    const downloads = {
      CSV: () =>
        parse(readFileSync(join(DIST, 'data', `ledger-${year}.csv`)), { bom: true, columns: true }) as Array<
          Record<string, string>
        >,
      XLSX: () =>
        XLSX.utils
          .sheet_to_json<Record<string, unknown>>(
            XLSX.read(readFileSync(join(DIST, 'data', `ledger-${year}.xlsx`))).Sheets['数据']!,
          )
          .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]))),
      JSON: () =>
        (
          JSON.parse(readFileSync(join(DIST, 'data', `ledger-${year}.json`), 'utf8')) as {
            records: Array<Record<string, unknown>>;
          }
        ).records.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
    };
    it.each(Object.keys(downloads) as Array<keyof typeof downloads>)(
      '%s download: value and status of every indicator',
      (format) => {
        const rows = downloads[format]().filter((r) => r.period === String(year));
        expect(rows).toHaveLength(entries.length);
        for (const e of entries) {
          const row = rows.find((r) => r.indicator === e.indicator.id);
          expect(row, `${format} ${e.indicator.id}`).toBeDefined();
          const { value, value_text } = downloadValue(e);
          expect(
            { value: row!.value ?? '', value_text: row!.value_text ?? '', status: row!.status },
            e.indicator.id,
          ).toEqual({
            value,
            value_text,
            status: m.status[e.status],
          });
        }
      },
    );

    it('PDF appendix: each indicator’s row carries its value and status', () => {
      // -layout keeps a table row on one line (raw order moves a wrapped last cell elsewhere).
      const lines = pdftotext(join(DIST, paths.pdf(year)), ['-layout'])
        .split('\n')
        .map(squash);
      const key = (e: Entry) => squash(e.indicator.name).slice(0, 6);
      // The appendix heading is also in the 目录 and the running header of later appendix pages:
      // the table starts at the last occurrence that its first row follows.
      const heading = squash(`附录${m.fullTable}`);
      const starts = lines.flatMap((l, i) => (l.includes(heading) ? [i] : []));
      let at = starts.reverse().find((i) => lines.slice(i).some((l) => l.includes(key(entries[0]!)))) ?? -1;
      expect(at).toBeGreaterThan(0);
      for (const e of entries) {
        const row = lines.findIndex((l, i) => i > at && l.includes(key(e)));
        expect(row, e.indicator.id).toBeGreaterThan(at);
        expect(lines[row], e.indicator.id).toContain(squash(formatValue(e.value, e.indicator)));
        expect(lines[row], e.indicator.id).toContain(m.status[e.status]);
        at = row;
      }
    });
  },
);

describe('indicator pages (latest edition) agree with the evaluation', () => {
  const latest = project.editions.at(-1)!;
  it('every trend chart table on every numeric indicator page', async () => {
    let compared = 0;
    for (const indicator of project.publishedIndicators.filter((i) => i.type === 'number')) {
      for (const { key, rows } of await chartTables(paths.indicator(indicator.id))) {
        compared += checkChartTable(latest, key, rows);
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

/** A download's rows as text cells, whatever the format held (a number, null). */
const asText = (rows: Array<Record<string, unknown>>) =>
  rows.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null || v === undefined ? '' : String(v)])),
  );

/** The breakdown downloads of an edition, each format read with its own parser. */
const breakdownDownloads = (year: number) => ({
  CSV: parse(readFileSync(join(DIST, 'data', `breakdowns-${year}.csv`)), { bom: true, columns: true }) as Array<
    Record<string, string>
  >,
  XLSX: asText(
    XLSX.utils.sheet_to_json<Record<string, unknown>>(
      XLSX.read(readFileSync(join(DIST, 'data', `breakdowns-${year}.xlsx`))).Sheets['数据']!,
      { defval: '' }, // an empty cell is not written to the sheet; it reads as empty, as in the CSV
    ),
  ),
  JSON: asText(
    (
      JSON.parse(readFileSync(join(DIST, 'data', `breakdowns-${year}.json`), 'utf8')) as {
        records: Array<Record<string, unknown>>;
      }
    ).records,
  ),
});

const withBreakdowns = project.editions.filter((e) => e.breakdowns.length > 0);
describe('breakdown downloads say what the tables say', () => {
  it('has editions with breakdowns to compare', () => expect(withBreakdowns.length).toBeGreaterThan(0));
  it.each(withBreakdowns.map((e) => [e.year, e] as const))(
    '%i: CSV, XLSX and JSON carry each figure of each table, as the editors’ files hold it, unknown ones empty',
    (year, edition) => {
      const downloads = breakdownDownloads(year);
      for (const [format, rows] of Object.entries(downloads)) {
        let compared = 0;
        const key = (r: Record<string, string>) => `${r.breakdown}|${r.category}|${r.measure}`;
        const byKey = new Map(rows.map((r) => [key(r), r]));
        expect(byKey.size, `${format}: one record per breakdown, category and measure`).toBe(rows.length);
        for (const table of edition.breakdowns) {
          // The editors' file, read independently of the loader.
          const written = new Map(readBreakdownCsv(ROOT, table.definition.id, year).map((r) => [r.category, r]));
          for (const row of [...(table.total ? [table.total] : []), ...table.rows])
            for (const measure of table.definition.measures) {
              const record = byKey.get(`${table.definition.id}|${row.category}|${measure.id}`);
              const cell = (written.get(row.category)![measure.id] ?? '').trim();
              const expected = cell === '' || cell === '—' ? '' : String(Number(cell));
              expect(record, `${format} ${year} ${table.definition.id} ${row.category} ${measure.id}`).toMatchObject({
                value: expected,
                category_name: row.name,
                parent: row.parent ?? '',
                unit: measure.unit,
              });
              expect(row.values[measure.id] === null ? '' : String(row.values[measure.id])).toBe(expected);
              compared += 1;
            }
        }
        expect(rows.length, format).toBe(compared);
      }
    },
  );
});
