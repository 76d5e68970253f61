import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';

import { readBreakdownCsv, readBreakdownDefinitions } from '../../../tests/helpers/breakdowns.ts';
import { tempDir } from '../../../tests/helpers/project-copy.ts';
import { loadProject } from '../content/load-project.ts';
import { siteSchema } from '../model/schemas.ts';
import { dataFiles, dataPackage } from './downloads.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const demo = loadProject(ROOT);
const withSite = (patch: Record<string, unknown>) => ({
  ...demo,
  site: siteSchema.parse({ ...demo.site, basePath: undefined, ...patch }),
});

describe('the data package describes the site truly', () => {
  it('its homepage is the site’s home page, folder included', () => {
    expect(dataPackage(withSite({ siteUrl: 'https://example.org/tongling' }), []).homepage).toBe(
      'https://example.org/tongling/',
    );
    expect(dataPackage(withSite({ siteUrl: 'https://example.org', basePath: '/tongling/' }), []).homepage).toBe(
      'https://example.org/tongling/',
    );
  });

  it('its description says which kind of demo it is, or nothing for a real publication', () => {
    const description = (demoKind: unknown, region = '铜陵市') =>
      dataPackage(withSite({ demo: demoKind, region }), []).description;
    expect(description(true)).toMatch(/（演示数据，全部为虚构）$/);
    expect(description('illustrative')).toMatch(/（演示数据：铜陵市是真实地区，数值均为示例）$/);
    expect(description(false)).toMatch(/后续修订见 edition 列。$/);
  });
});

interface Frictionless {
  load: (path: string) => Promise<{
    valid: boolean;
    errors: Error[];
    resources: Array<{
      name: string;
      descriptor: { format: string; path: string };
      read: (options: object) => Promise<Array<Record<string, unknown>>>;
    }>;
  }>;
}
const { Package } = createRequire(import.meta.url)('datapackage') as { Package: Frictionless };

/** The demo with its breakdowns (read from data/breakdowns as the loader will), its downloads written to a folder. */
async function writtenDownloads() {
  const project = demo;
  const dir = tempDir('wp-downloads-');
  const files = await dataFiles(project);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.name)), { recursive: true });
    writeFileSync(join(dir, file.name), file.bytes);
  }
  return { project, dir, files };
}

describe('breakdown downloads: tidy records beside the ledger’s, described by the data package', () => {
  const written = writtenDownloads();
  /** Every figure of the editors' breakdown files for `years` (csv-parse): breakdown|year|category|measure → cell. */
  const expected = (years: readonly number[]) =>
    new Map<string, string>(
      readBreakdownDefinitions(ROOT).flatMap((definition) =>
        years
          .filter((year) => existsSync(join(ROOT, 'data/breakdowns', definition.id, `${year}.csv`)))
          .flatMap((year) =>
            readBreakdownCsv(ROOT, definition.id, year).flatMap((row) =>
              definition.measures.map((m): [string, string] => [
                `${definition.id}|${year}|${row.category}|${m.id}`,
                row[m.id] === '' ? '' : String(Number(row[m.id])),
              ]),
            ),
          ),
      ),
    );
  const keyOf = (r: Record<string, unknown>) => `${r.breakdown}|${r.edition}|${r.category}|${r.measure}`;
  const valueOf = (v: unknown) => (v === null || v === undefined ? '' : String(v));

  it('are written for all editions and for each edition with breakdowns (the demo: 2023 and 2024), in three formats', async () => {
    const { files } = await written;
    const names = files.filter((f) => f.dataset === 'breakdowns' && !f.packageOnly).map((f) => f.name);
    expect(names.sort()).toEqual(
      ['all', '2023', '2024']
        .flatMap((stem) => ['csv', 'json', 'xlsx'].map((ext) => `breakdowns-${stem}.${ext}`))
        .sort(),
    );
  });

  it.each([
    ['all', [2023, 2024]],
    ['2024', [2024]],
    ['2023', [2023]],
  ] as const)(
    'breakdowns-%s: CSV, XLSX and JSON hold exactly the files’ figures, unknown ones empty',
    async (stem, years) => {
      const { dir } = await written;
      const want = expected(years);
      const csv = csvParse(readFileSync(join(dir, `breakdowns-${stem}.csv`), 'utf8').replace(/^\uFEFF/, ''));
      const book = XLSX.read(readFileSync(join(dir, `breakdowns-${stem}.xlsx`)));
      expect(book.SheetNames).toEqual(['数据', '数据字典']);
      const xlsx = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets['数据']!);
      const json = (
        JSON.parse(readFileSync(join(dir, `breakdowns-${stem}.json`), 'utf8')) as {
          records: Array<Record<string, unknown>>;
        }
      ).records;
      for (const [format, rows] of [
        ['CSV', csv],
        ['XLSX', xlsx],
        ['JSON', json],
      ] as const) {
        expect(rows.length, format).toBe(want.size);
        for (const row of rows) expect(valueOf(row.value), `${format} ${keyOf(row)}`).toBe(want.get(keyOf(row)));
      }
      // Unknown is empty in each, never 0: the 2023 table has no change on last year.
      if ((years as readonly number[]).includes(2023))
        expect(json.filter((r) => r.edition === 2023 && r.measure === 'change').every((r) => r.value === null)).toBe(
          true,
        );
      for (const r of xlsx) if (r.value !== undefined) expect(typeof r.value).toBe('number');
    },
  );

  it('validates with the Frictionless reference implementation: types, keys, and the indicator and parent references', async () => {
    const { dir } = await written;
    const pkg = await Package.load(join(dir, 'datapackage.json'));
    expect(pkg.errors.map((e) => e.message)).toEqual([]);
    expect(pkg.valid).toBe(true);
    const resources = pkg.resources.filter((r) => r.name.startsWith('breakdowns-') && r.descriptor.format === 'csv');
    expect(resources.map((r) => r.name).sort()).toEqual(['breakdowns-2023', 'breakdowns-2024', 'breakdowns-all']);
    for (const resource of resources) {
      const rows = await resource.read({ keyed: true, relations: true });
      const years = resource.name === 'breakdowns-all' ? [2023, 2024] : [Number(resource.name.slice(-4))];
      expect(rows.length, resource.name).toBe(expected(years).size);
    }
  });

  it('a parent that is no category of the file, or a figure that is no number, would be caught', async () => {
    const { dir } = await written;
    const path = join(dir, 'utf8/breakdowns-2024.csv');
    const good = readFileSync(path, 'utf8');
    const read = async (text: string) => {
      writeFileSync(path, text);
      const pkg = await Package.load(join(dir, 'datapackage.json'));
      const resource = pkg.resources.find((r) => r.name === 'breakdowns-2024')!;
      try {
        return await resource.read({ keyed: true, relations: true });
      } finally {
        writeFileSync(path, good);
      }
    };
    expect((await read(good)).length).toBeGreaterThan(0);
    await expect(read(good.replace(',化肥,agri_inputs,', ',化肥,agri_input,'))).rejects.toThrow(/Foreign key/);
    await expect(read(good.replace(/,14,家,/, ',十四,家,'))).rejects.toThrow();
  });
});
