/**
 * The site's breakdowns read straight from data/breakdowns/ with yaml and csv-parse — not through the
 * project's loader — as `BreakdownDefinition` and `BreakdownTable` objects, so the charts, summaries and pages
 * can be tested on the demo's real tables, and compared with data the code under test did not produce.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';

import {
  type BreakdownDefinition,
  type BreakdownMeasure,
  type BreakdownRow,
  type BreakdownTable,
  TOTAL_CATEGORY,
} from '../../src/lib/ledger/breakdown.ts';

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
    // As the loader defaults it: the first rate, else the first measure.
    chart: yaml.chart ?? (measures.find((m) => m.role.kind === 'rate') ?? measures[0]!).id,
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
    writtenDecimals: Object.fromEntries(
      definition.measures.flatMap((m) => {
        const text = (cells[m.id] ?? '').trim();
        return text === '' || text === '—' ? [] : [[m.id, /\.(\d+)$/.exec(text)?.[1]!.length ?? 0]];
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
    columns: Object.keys(readBreakdownCsv(root, definition.id, year)[0] ?? {}),
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

/** Every table of the site, by breakdown id and year. */
export const readBreakdowns = (root: string): Map<string, Map<number, BreakdownTable>> =>
  new Map(
    readBreakdownDefinitions(root).map((definition) => {
      const years = readdirSync(join(root, FOLDER, definition.id))
        .filter((n) => /^\d{4}\.csv$/.test(n))
        .map((n) => Number(n.slice(0, 4)));
      return [definition.id, new Map(years.map((y) => [y, readBreakdownTable(root, definition, y)]))];
    }),
  );

/** A copy of a table with some figures changed, by category and measure (null: the report gives none). */
export function withFigures(
  table: BreakdownTable,
  figures: Record<string, Record<string, number | null>>,
): BreakdownTable {
  const change = (row: BreakdownRow): BreakdownRow => ({ ...row, values: { ...row.values, ...figures[row.category] } });
  return { ...table, rows: table.rows.map(change), total: table.total && change(table.total) };
}
