/**
 * The demo's breakdowns for the tests of downloads, forms, import and new-edition: the definitions and
 * tables as the loader reads them, and the files' cells as written (csv-parse alone), to compare the
 * code's output with data it did not produce.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type ExcelJS from 'exceljs';

import { loadProject, PATHS } from '../../src/lib/content/load-project.ts';
import type {
  BreakdownDefinition,
  BreakdownMeasure,
  BreakdownRow,
  BreakdownTable,
} from '../../src/lib/ledger/breakdown.ts';

/** Every breakdown definition of the site at `root`, drafts' included. */
export const readBreakdownDefinitions = (root: string): BreakdownDefinition[] =>
  loadProject(root, { includeDrafts: true }).breakdowns;

/** One definition, by id. */
export const readBreakdownDefinition = (root: string, id: string): BreakdownDefinition =>
  readBreakdownDefinitions(root).find((d) => d.id === id)!;

/** The cells of a breakdown CSV as written, one record per row (header names as keys). */
export const readBreakdownCsv = (root: string, id: string, year: number): Array<Record<string, string>> =>
  parse(readFileSync(join(root, PATHS.breakdowns, id, `${year}.csv`)), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
  });

/** A breakdown's table of a year, as the loader reads it for that year's edition, under `definition` (a test may vary it). */
export function readBreakdownTable(root: string, definition: BreakdownDefinition, year: number): BreakdownTable {
  const table = loadProject(root, { includeDrafts: true })
    .editions.find((e) => e.year === year)!
    .breakdowns.find((t) => t.definition.id === definition.id)!;
  return { ...table, definition };
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

/** Every table of the site, by breakdown id and year, as the loader reads them. */
export function readBreakdowns(root: string): Map<string, Map<number, BreakdownTable>> {
  const project = loadProject(root, { includeDrafts: true });
  return new Map(
    project.breakdowns.map((definition) => [
      definition.id,
      new Map(
        project.editions.flatMap((edition) =>
          edition.breakdowns.filter((t) => t.definition.id === definition.id).map((t) => [edition.year, t] as const),
        ),
      ),
    ]),
  );
}

/** A copy of a table with some figures changed, by category and measure (null: the report gives none). */
export function withFigures(
  table: BreakdownTable,
  figures: Record<string, Record<string, number | null>>,
): BreakdownTable {
  const change = (row: BreakdownRow): BreakdownRow => ({ ...row, values: { ...row.values, ...figures[row.category] } });
  return { ...table, rows: table.rows.map(change), total: table.total && change(table.total) };
}
