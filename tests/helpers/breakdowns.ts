/**
 * The demo's breakdowns (data/breakdowns/<id>.yaml and <id>/<year>.csv) read directly with yaml and csv-parse —
 * not through the project's loader — so the charts, summaries and pages can be checked against tables the code
 * under test did not produce.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import {
  type BreakdownDefinition,
  type BreakdownMeasure,
  type BreakdownRow,
  type BreakdownTable,
  type MeasureRole,
  TOTAL_CATEGORY,
} from '../../src/lib/ledger/breakdown.ts';
import { readCsv } from './ledgers.ts';

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

function role(m: MeasureYaml): MeasureRole {
  if (m.rate) {
    const [numerator, denominator] = m.rate.split('/').map((s) => s.trim());
    return { kind: 'rate', numerator: numerator!, denominator: denominator! };
  }
  if (m.share) return { kind: 'share', of: m.share };
  if (m.change) return { kind: 'change', of: m.change };
  if (m.sums !== undefined) return { kind: 'count', sums: m.sums };
  return { kind: 'value' };
}

export function readBreakdownDefinition(root: string, id: string): BreakdownDefinition {
  const file = `data/breakdowns/${id}.yaml`;
  const yaml = parseYaml(readFileSync(join(root, file), 'utf8')) as {
    title: string;
    dimension: string;
    indicator?: string;
    measures: MeasureYaml[];
    chart?: string;
    bands?: number[];
  };
  const measures: BreakdownMeasure[] = yaml.measures.map((m) => ({
    id: m.id,
    name: m.name,
    unit: m.unit ?? '',
    decimals: m.decimals ?? null,
    role: role(m),
  }));
  return {
    id,
    title: yaml.title,
    dimension: yaml.dimension,
    indicator: yaml.indicator ?? null,
    measures,
    chart: yaml.chart ?? (measures.find((m) => m.role.kind === 'rate') ?? measures[0]!).id,
    bands: yaml.bands ?? [],
    file,
  };
}

/** A cell as the report gives it: a number, or null when empty or “—”. */
const cell = (text: string | undefined): number | null =>
  text === undefined || text.trim() === '' || text.trim() === '—' ? null : Number(text);

/** The decimals a figure is written with (`97.0` → 1). */
const decimalsOf = (text: string | undefined): number => /\.(\d+)$/.exec(text?.trim() ?? '')?.[1]!.length ?? 0;

export function readBreakdownTable(root: string, definition: BreakdownDefinition, year: number): BreakdownTable {
  const file = `data/breakdowns/${definition.id}/${year}.csv`;
  const csv = readCsv(root, file);
  const rows: BreakdownRow[] = csv.map((r, i) => ({
    category: r.category!,
    name: r.name!,
    parent: r.parent || null,
    values: Object.fromEntries(definition.measures.map((m) => [m.id, cell(r[m.id])])),
    writtenDecimals: Object.fromEntries(
      definition.measures.flatMap((m) => (cell(r[m.id]) === null ? [] : [[m.id, decimalsOf(r[m.id])]])),
    ),
    note: r.note ?? '',
    checked: r.checked ?? '',
    line: i + 2,
  }));
  return {
    definition,
    year,
    rows: rows.filter((r) => r.category !== TOTAL_CATEGORY),
    total: rows.find((r) => r.category === TOTAL_CATEGORY) ?? null,
    columns: Object.keys(csv[0] ?? {}),
    file,
  };
}

/** Every demo breakdown table, by breakdown id and year. */
export function readBreakdowns(root: string): Map<string, Map<number, BreakdownTable>> {
  const dir = join(root, 'data/breakdowns');
  const ids = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.yaml')) : [];
  return new Map(
    ids.map((name) => {
      const definition = readBreakdownDefinition(root, name.replace(/\.yaml$/, ''));
      const years = readdirSync(join(dir, definition.id))
        .filter((n) => /^\d{4}\.csv$/.test(n))
        .map((n) => Number(n.slice(0, 4)));
      return [definition.id, new Map(years.map((y) => [y, readBreakdownTable(root, definition, y)]))];
    }),
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
