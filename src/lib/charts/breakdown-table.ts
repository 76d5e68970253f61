import { type BreakdownMeasure, type BreakdownRow, type BreakdownTable, figureDecimals } from '../ledger/breakdown.ts';
import { formatNumber } from '../model/format.ts';
import type { Messages } from '../site/messages/index.ts';

/**
 * A breakdown table as readers read it: the categories in order with their depth (a 产品 under its 大类),
 * each measure's figure as published, and the one table the page, the PDF and the CSV download share.
 */

/** A category in reading order: its row, how deep it sits, and its name with its parents' (大类 › 产品). */
export interface CategoryLine {
  row: BreakdownRow;
  /** 0 for a top-level category, 1 for one under it. */
  depth: number;
  /** The name with its parents' names: unambiguous where two 大类 have a 产品 of the same name. */
  path: string;
  /** The line of the category this one is part of, or null. */
  parent: CategoryLine | null;
}

/**
 * Every category of the table, each top-level category followed by the categories under it, in the order
 * of the file: two levels, as the loader allows (大类 › 产品). A row naming a parent the table lacks stays
 * at the top (the loader reports it).
 */
export function categoryLines(table: BreakdownTable, m: Messages): CategoryLine[] {
  const { rows } = table;
  const known = new Set(rows.map((r) => r.category));
  return rows
    .filter((row) => row.parent === null || !known.has(row.parent))
    .flatMap((row) => {
      const line: CategoryLine = { row, depth: 0, path: row.name, parent: null };
      const children = rows.filter((child) => child.parent === row.category);
      return [
        line,
        ...children.map((child) => ({
          row: child,
          depth: 1,
          path: m.breakdown.path(row.name, child.name),
          parent: line,
        })),
      ];
    });
}

/** Whether any category sits under another. */
export const isNested = (lines: readonly CategoryLine[]) => lines.some((l) => l.depth > 0);

/** The measure a chart draws: the one asked for, else the definition's chart measure. */
export function chartMeasure(table: BreakdownTable, id?: string): BreakdownMeasure {
  const { measures, chart } = table.definition;
  return measures.find((m) => m.id === (id ?? chart)) ?? measures[0]!;
}

/**
 * A row's figure of a measure as the table prints it: to the measure's decimals, else as the row wrote it
 * (`figureDecimals`); a change signed (+2.6, −3.1); “—” when the report gives none.
 */
export function figureText(row: BreakdownRow, measure: BreakdownMeasure, m: Messages): string {
  const value = row.values[measure.id] ?? null;
  if (value === null) return m.breakdown.unknown;
  const decimals = figureDecimals(measure, row);
  const rounded = Number(value.toFixed(decimals));
  const number = formatNumber(Math.abs(rounded), decimals);
  if (measure.role.kind === 'change' && rounded !== 0) return `${rounded > 0 ? '+' : '−'}${number}`;
  return rounded < 0 ? `−${number}` : number;
}

/** The same with its unit, as a chart's label or a summary writes it: “94.6%”, “24家”, “+2.6个百分点”. */
export const figureWithUnit = (row: BreakdownRow, measure: BreakdownMeasure, m: Messages): string =>
  row.values[measure.id] == null ? m.breakdown.unknown : `${figureText(row, measure, m)}${measure.unit}`;

/** One row of the breakdown's table: a category (or the total) and its figures, measure by measure. */
export interface TableLine {
  /** The name as shown in the table (indented by `depth`). */
  name: string;
  /** The name with its parents', for the CSV. */
  path: string;
  /** The parent's name with its parents', or null for a top-level category and the total. */
  parentPath: string | null;
  depth: number;
  total: boolean;
  figures: Array<{ value: number | null; text: string }>;
  note: string;
}

/**
 * The table of every measure: each category in reading order, then the total row; the column names carry
 * the units; a note column only when a row has a note.
 */
export function breakdownTable(
  table: BreakdownTable,
  m: Messages,
): { columns: string[]; measures: BreakdownMeasure[]; lines: TableLine[]; notes: boolean } {
  const { measures, dimension } = table.definition;
  const line = (
    row: BreakdownRow,
    path: string,
    parentPath: string | null,
    depth: number,
    total: boolean,
  ): TableLine => ({
    name: row.name,
    path,
    parentPath,
    depth,
    total,
    figures: measures.map((measure) => {
      return { value: row.values[measure.id] ?? null, text: figureText(row, measure, m) };
    }),
    note: row.note,
  });
  const lines = [
    ...categoryLines(table, m).map((l) => line(l.row, l.path, l.parent?.path ?? null, l.depth, false)),
    ...(table.total ? [line(table.total, table.total.name, null, 0, true)] : []),
  ];
  const notes = lines.some((l) => l.note !== '');
  return {
    columns: [
      dimension,
      ...measures.map((measure) => m.breakdown.column(measure.name, measure.unit)),
      ...(notes ? [m.breakdown.note] : []),
    ],
    measures,
    lines,
    notes,
  };
}

/** The table as the chart's data table and CSV carry it: names with their parents', numbers as numbers, '' when unknown. */
export function tableRows(view: ReturnType<typeof breakdownTable>): Array<Array<string | number>> {
  return view.lines.map((l) => [l.path, ...l.figures.map((f) => f.value ?? ''), ...(view.notes ? [l.note] : [])]);
}

/**
 * The total drawn as the chart's reference line, if any: a rate's or a value's. A count's total is the sum of
 * the bars and a share's is 100%: as a line either would only stretch the axis (the summary still says it).
 */
export function totalLine(table: BreakdownTable, measure: BreakdownMeasure): number | null {
  const value = table.total?.values[measure.id];
  return typeof value === 'number' && measure.role.kind !== 'count' && measure.role.kind !== 'share' ? value : null;
}
