/**
 * The site's breakdowns read straight from data/breakdowns/ with yaml and csv-parse — not through the
 * project's loader — as `BreakdownDefinition` and `BreakdownTable` objects, so the downloads, forms and
 * new-edition can be tested on the demo's real tables, and compared with data the code under test did
 * not produce.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';

import {
  type BreakdownDefinition,
  type BreakdownMeasure,
  type BreakdownRow,
  type BreakdownTable,
  TOTAL_CATEGORY,
} from '../../src/lib/ledger/breakdown.ts';
import type { Project } from '../../src/lib/model/project.ts';

const FOLDER = 'data/breakdowns';

interface MeasureYaml {
  id: string;
  name: string;
  unit?: string;
  decimals?: number;
  sums?: boolean;
  rate?: string;
  share?: string;
  change?: string;
}

function measure(m: MeasureYaml): BreakdownMeasure {
  const [numerator, denominator] = (m.rate ?? '').split('/').map((part) => part.trim());
  return {
    id: m.id,
    name: m.name,
    unit: m.unit ?? '',
    decimals: m.decimals ?? null,
    role: m.rate
      ? { kind: 'rate', numerator: numerator!, denominator: denominator! }
      : m.share
        ? { kind: 'share', of: m.share }
        : m.change
          ? { kind: 'change', of: m.change }
          : m.sums !== undefined
            ? { kind: 'count', sums: m.sums }
            : { kind: 'value' },
  };
}

/** `data/breakdowns/<id>.yaml` as a definition. */
export function readBreakdownDefinition(root: string, id: string): BreakdownDefinition {
  const file = `${FOLDER}/${id}.yaml`;
  const yaml = parseYaml(readFileSync(join(root, file), 'utf8')) as {
    title: string;
    dimension: string;
    indicator?: string;
    source?: string;
    measures: MeasureYaml[];
    chart?: string;
    bands?: number[];
  };
  const measures = yaml.measures.map(measure);
  return {
    id,
    title: yaml.title,
    dimension: yaml.dimension,
    indicator: yaml.indicator ?? null,
    ...(yaml.source ? { source: yaml.source } : {}),
    measures,
    chart: yaml.chart ?? measures[0]!.id,
    bands: yaml.bands ?? [],
    file,
  };
}

/** The cells of a breakdown CSV as written, one record per row (header names as keys). */
export const readBreakdownCsv = (root: string, id: string, year: number): Array<Record<string, string>> =>
  parse(readFileSync(join(root, FOLDER, id, `${year}.csv`)), { columns: true, bom: true, skip_empty_lines: true });

/** `data/breakdowns/<id>/<year>.csv` as a table: “—” and empty cells unknown (null), never 0. */
export function readBreakdownTable(root: string, definition: BreakdownDefinition, year: number): BreakdownTable {
  const rows: BreakdownRow[] = readBreakdownCsv(root, definition.id, year).map((cells, i) => ({
    category: cells.category!,
    name: cells.name!,
    parent: cells.parent || null,
    values: Object.fromEntries(
      definition.measures.map((m) => {
        const text = (cells[m.id] ?? '').trim();
        return [m.id, text === '' || text === '—' ? null : Number(text)];
      }),
    ),
    note: cells.note ?? '',
    checked: cells.checked ?? '',
    line: i + 2,
  }));
  return {
    definition,
    year,
    rows: rows.filter((r) => r.category !== TOTAL_CATEGORY),
    total: rows.find((r) => r.category === TOTAL_CATEGORY) ?? null,
    file: `${FOLDER}/${definition.id}/${year}.csv`,
  };
}

/** Every definition of the site, by file name. */
export const readBreakdownDefinitions = (root: string): BreakdownDefinition[] =>
  existsSync(join(root, FOLDER))
    ? readdirSync(join(root, FOLDER))
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => readBreakdownDefinition(root, name.slice(0, -'.yaml'.length)))
    : [];

/**
 * The project with its breakdowns read from `root` as the loader will read them: the definitions, and on each
 * loaded edition the tables of its year.
 */
export function withBreakdowns(project: Project, root: string): Project {
  const definitions = readBreakdownDefinitions(root);
  return {
    ...project,
    breakdowns: definitions,
    editions: project.editions.map((edition) => ({
      ...edition,
      breakdowns: definitions
        .filter((d) => existsSync(join(root, FOLDER, d.id, `${edition.year}.csv`)))
        .map((d) => readBreakdownTable(root, d, edition.year)),
    })),
  };
}

/**
 * A department types figures into a form's breakdown sheets (found by the tables' titles) as a person
 * would: numbers as numbers, an unknown figure left empty, notes as written. The figures are those of the
 * files of `from` (as a year's report might repeat them), through `figure` (a measure's cell as the file
 * has it → what to type); `year` is the form's.
 */
export function typeBreakdownFigures(
  book: ExcelJS.Workbook,
  root: string,
  {
    from,
    year,
    figure = (cell) => cell,
  }: { from: number; year: number; figure?: (cell: string, measure: BreakdownMeasure) => string },
): void {
  for (const definition of readBreakdownDefinitions(root)) {
    const sheet = book.getWorksheet(definition.title);
    if (!sheet) continue;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const rows = new Map(readBreakdownCsv(root, definition.id, from).map((r) => [r.category, r]));
    sheet.eachRow((row, n) => {
      const csv = rows.get(String(row.getCell(1).value));
      if (n === 1 || !csv) return;
      for (const m of definition.measures) {
        const typed = figure(csv[m.id] ?? '', m);
        const column = header.indexOf(`${m.name}（${year}年，${m.unit}）`);
        if (typed !== '') row.getCell(column).value = Number(typed);
      }
      if (csv.note) row.getCell(header.indexOf('备注')).value = csv.note;
    });
  }
}

/** A breakdown's year file as new-edition leaves it: its categories (ids, names, parents), every figure and note empty. */
export function blankedBreakdownCsv(root: string, id: string, year: number): string {
  const columns = Object.keys(readBreakdownCsv(root, id, year)[0] ?? {});
  return stringify(
    readBreakdownCsv(root, id, year).map(({ category, name, parent }) => ({ category, name, parent })),
    { header: true, columns },
  );
}

/** A breakdown file's cells, row by row, numbers as numbers (so 100.0 typed as 100 is the same figure). */
export const breakdownFigures = (text: string | Uint8Array): Array<Record<string, string | number>> =>
  (parse(text, { columns: true, bom: true }) as Array<Record<string, string>>).map((row) =>
    Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v])),
  );
