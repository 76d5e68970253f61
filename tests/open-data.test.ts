/** Researchers' downloads read back from dist/ with independent parsers (d3-dsv, SheetJS, Frictionless). */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';

import { loadProject } from '../src/lib/content/load-project.ts';
import { formatValue } from '../src/lib/model/format.ts';
import type { Edition } from '../src/lib/model/project.ts';
import { laterRevisions } from '../src/lib/publish/open-data.ts';
import { paths } from '../src/lib/site/urls.ts';
import { readBreakdownCsv, readBreakdownDefinitions } from './helpers/breakdowns.ts';
import { numeric, readCsv, readLedgers } from './helpers/ledgers.ts';
import { ROOT } from './helpers/project-copy.ts';

const DIST = join(ROOT, 'dist');
const project = loadProject(ROOT);
const dataPath = (name: string) => join(DIST, paths.dataFile(name));

const ledgers = readLedgers(
  ROOT,
  project.editions.map((e) => e.year),
);

/**
 * The ledger as the editors wrote it in data/ledgers/<year>.csv (read with csv-parse):
 * edition|indicator|period → value (a number as the number, text as written, '' when empty).
 */
const expectedRows = (editions: Edition[]) =>
  new Map<string, string>(
    editions.flatMap((e) =>
      ledgers.byYear.get(e.year)!.map((r) => {
        const n = numeric(r.value);
        return [`${e.year}|${r.indicator}|${r.period}`, n === null ? r.value!.trim() : String(n)] as [string, string];
      }),
    ),
  );
/**
 * The breakdown figures of the given editions as the editors wrote them (data/breakdowns, csv-parse): one per
 * category and measure of each table of those years.
 */
const breakdownFigureCount = (editions: Edition[]) =>
  readBreakdownDefinitions(ROOT).reduce(
    (n, definition) =>
      n +
      editions
        .filter((e) => existsSync(join(ROOT, 'data/breakdowns', definition.id, `${e.year}.csv`)))
        .reduce((rows, e) => rows + readBreakdownCsv(ROOT, definition.id, e.year).length, 0) *
        definition.measures.length,
    0,
  );
/** Whether the loader reads data/breakdowns: until it does (issue 26), no edition publishes a breakdown. */

const valueOf = (row: Record<string, unknown>) => String(row.value ?? '') || String(row.value_text ?? '');
const keyOf = (row: Record<string, unknown>) => `${row.edition}|${row.indicator}|${row.period}`;

function expectSameRows(rows: Array<Record<string, unknown>>, editions: Edition[], file: string) {
  const expected = expectedRows(editions);
  expect(rows.length, file).toBe(expected.size);
  for (const row of rows) {
    expect(expected.has(keyOf(row)), `${file}: ${keyOf(row)}`).toBe(true);
    expect(valueOf(row), `${file}: ${keyOf(row)}`).toBe(expected.get(keyOf(row)));
  }
}

const files = [
  { name: 'all', editions: project.editions },
  ...project.editions.map((e) => ({ name: String(e.year), editions: [e] })),
];

describe.each(files)('ledger-$name downloads', ({ name, editions }) => {
  it('CSV: UTF-8 with BOM for Excel, exactly the ledger’s rows and values', () => {
    const text = readFileSync(dataPath(`ledger-${name}.csv`), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expectSameRows(csvParse(text.slice(1)), editions, `ledger-${name}.csv`);
  });

  it('XLSX: a sheet of figures (exactly the ledger’s rows) and a data dictionary', () => {
    const book = XLSX.read(readFileSync(dataPath(`ledger-${name}.xlsx`)));
    expect(book.SheetNames).toEqual(['数据', '数据字典', '指标目录']);
    const rows = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['数据']!);
    expectSameRows(rows, editions, `ledger-${name}.xlsx`);
    for (const row of rows) if (row.value !== undefined) expect(typeof row.value).toBe('number');
    const dictionary = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['数据字典']!);
    expect(dictionary.map((r) => r['字段'])).toContain('status');
    expect(XLSX.utils.sheet_to_json(book.Sheets['指标目录']!)).toHaveLength(project.publishedIndicators.length);
  });

  it('JSON: the same records with the field descriptions', () => {
    const doc = JSON.parse(readFileSync(dataPath(`ledger-${name}.json`), 'utf8')) as {
      records: Array<Record<string, unknown>>;
      fields: unknown[];
      license: unknown;
    };
    expectSameRows(doc.records, editions, `ledger-${name}.json`);
    expect(doc.fields.length).toBeGreaterThan(5);
    expect(doc.license).toEqual(project.site.dataLicence);
  });
});

describe('datapackage.json', () => {
  const descriptorPath = dataPath('datapackage.json');
  const descriptor = JSON.parse(readFileSync(descriptorPath, 'utf8')) as {
    resources: Array<{ name: string; path: string; bytes: number; hash: string; format: string }>;
  };

  it('every resource exists in dist/ with the stated size and hash', () => {
    for (const r of descriptor.resources) {
      const file = join(DIST, 'data', r.path);
      expect(existsSync(file), r.path).toBe(true);
      const bytes = readFileSync(file);
      expect(bytes.length, r.path).toBe(r.bytes);
      expect(`sha256:${createHash('sha256').update(bytes).digest('hex')}`, r.path).toBe(r.hash);
    }
    expect(descriptor.resources.map((r) => r.format)).toEqual(expect.arrayContaining(['csv', 'xlsx', 'json']));
  });

  it('validates with the Frictionless reference implementation, including types, enums and keys', async () => {
    const { Package } = createRequire(import.meta.url)('datapackage') as {
      Package: {
        load: (p: string) => Promise<{
          valid: boolean;
          errors: Error[];
          resources: Array<{
            name: string;
            tabular: boolean;
            descriptor: { format: string };
            read: (o: object) => Promise<unknown[]>;
          }>;
        }>;
      };
    };
    const pkg = await Package.load(descriptorPath);
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const tabular = pkg.resources.filter((r) => r.descriptor.format === 'csv');
    expect(tabular.map((r) => r.name)).toEqual(expect.arrayContaining(['indicators', 'ledger-all']));
    // Every row of the editors' files, read back through the schema (types, enums, foreign keys).
    // plan-targets: one row per line of data/plans/*.csv (read back independently of the loader).
    const planRows = readdirSync(join(ROOT, 'data/plans'))
      .filter((n) => n.endsWith('.csv'))
      .reduce((n, f) => n + readCsv(ROOT, `data/plans/${f}`).length, 0);
    const editionsOf = (name: string) =>
      name.endsWith('-all') ? project.editions : project.editions.filter((e) => name.endsWith(`-${e.year}`));
    const rowsOf = (name: string) =>
      name === 'indicators'
        ? ledgers.catalogue.size
        : name === 'plan-targets'
          ? planRows
          : name.startsWith('breakdowns-')
            ? breakdownFigureCount(editionsOf(name))
            : expectedRows(editionsOf(name)).size;
    for (const resource of tabular) {
      const rows = await resource.read({ keyed: true, relations: true });
      expect(rowsOf(resource.name), resource.name).toBeGreaterThan(0);
      expect(rows.length, resource.name).toBe(rowsOf(resource.name));
    }
  });

  it('a broken row would be caught: the validator is not a rubber stamp', async () => {
    const { Table } = createRequire(import.meta.url)('tableschema') as {
      Table: { load: (s: unknown, o: object) => Promise<{ read: (o: object) => Promise<unknown[]> }> };
    };
    const ledger = descriptor.resources.find((r) => r.name === 'ledger-all') as unknown as { schema: object };
    const table = await Table.load(
      [
        [
          'edition',
          'indicator',
          'name',
          'domain',
          'unit',
          'period',
          'value',
          'value_text',
          'target',
          'status',
          'status_by',
          'note',
          'source',
        ],
        ['2024', 'x', 'n', 'd', '%', '2024', 'abc', '', '', '好', '系统计算', '', 's'],
      ],
      { schema: ledger.schema },
    );
    await expect(table.read({ keyed: true })).rejects.toThrow();
  });
});

describe('indicator pages, index and the data page', () => {
  const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');

  it('every indicator has a page with definition, series, citations and a permalink', () => {
    for (const indicator of project.publishedIndicators) {
      const page = html(paths.indicator(indicator.id));
      expect(page).toContain(`<h1>${indicator.name}</h1>`);
      expect(page).toContain(indicator.definition);
      expect(page).toContain('[DS/OL]');
      expect(page).toContain(`@dataset{${indicator.id}_`);
      expect(page).toContain(`${project.site.siteUrl}/indicators/${indicator.id}/`);
      for (const e of project.editions) {
        const own = e.ledgerRows.find((r) => r.indicator === indicator.id && r.period === String(e.year));
        if (own) expect(page, `${indicator.id} ${e.year}`).toContain(formatValue(own.value, indicator));
      }
    }
  });

  it('the index lists every indicator, filterable by domain and status', () => {
    const page = html(paths.indicators());
    for (const i of project.publishedIndicators) expect(page).toContain(`href="${paths.indicator(i.id)}"`);
    expect(page).toMatch(/<select name="domain">/);
    expect(page).toMatch(/<select name="status">/);
  });

  it('the data page lists every download with its size, the licence and citations', () => {
    const page = html(paths.data());
    for (const name of [
      'ledger-all.csv',
      'ledger-all.xlsx',
      'ledger-all.json',
      'datapackage.json',
      'indicators.csv',
      ...project.editions.map((e) => `ledger-${e.year}.xlsx`),
    ]) {
      expect(page).toContain(`href="${paths.dataFile(name)}"`);
    }
    expect(page).toMatch(/\d+\.\d KB/);
    expect(page).toContain(project.site.dataLicence.url);
    expect(page).toContain('[DS/OL]');
  });

  it('the data page lists the breakdown downloads of every edition publishing one, with their data dictionary', () => {
    const page = html(paths.data());
    const years = project.editions.filter((e) => breakdownFigureCount([e]) > 0).map((e) => e.year);
    expect(years.length).toBeGreaterThan(0);
    for (const stem of ['all', ...years])
      for (const format of ['csv', 'xlsx', 'json'])
        expect(page).toContain(`href="${paths.dataFile(`breakdowns-${stem}.${format}`)}"`);
    expect(page).toContain('数据字典（breakdowns-*.csv / .xlsx / .json）');
    expect(page).toContain('<code>category_name</code>');
  });

  it('an older edition says which of its figures a later edition revised; values stay as published', () => {
    const revised = project.editions.flatMap((e) => laterRevisions(project, e).map((r) => ({ e, r })));
    expect(revised.length).toBeGreaterThan(0);
    for (const { e, r } of revised) {
      const page = html(paths.edition(e.year));
      expect(page).toContain(
        `本版 ${formatValue(r.published, r.indicator)}，${r.by}年版修订为 ${formatValue(r.revised, r.indicator)}`,
      );
      const csv = csvParse(readFileSync(dataPath(`ledger-${e.year}.csv`), 'utf8').slice(1));
      expect(csv.find((row) => row.indicator === r.indicator.id && row.period === r.period)?.value).toBe(
        String(r.published),
      );
    }
  });
});
