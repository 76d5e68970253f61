/**
 * Breakdowns: one figure of the ledger broken down by a dimension — product category (大类 › 产品),
 * industry, place, enterprise size — with several measures per category (counts, a rate derived from
 * counts, a share, the change on last year). Real quality reports are mostly such tables: a national
 * spot-check report gives, for each of 8 product categories, the enterprises (家), batches (批次), the pass
 * rate and its change on last year (个百分点).
 *
 * Written by editors as `data/breakdowns/<id>.yaml` (what the table is: its dimension, its measures and
 * how they relate) and `data/breakdowns/<id>/<year>.csv` (one per edition: a row per category, in the
 * order the report prints them, plus an optional `total` row):
 *
 *   category,name,parent,enterprises,batches,passed,pass_rate,note,checked
 *   total,合计,,103,203,198,97.5,,
 *   fertilizer,化肥,agri_inputs,9,14,12,85.7,,
 *
 * Category ids are stable across years (a renamed category keeps its id; its name is the year's). An
 * unknown cell is empty or “—” and stays unknown: it is never read as 0. Categories are at most two
 * levels deep (大类 › 产品): a parent is a top-level category listed before its children.
 *
 * Read by `breakdown-table.ts` (with the definition's schema in model/schemas.ts, both loaded by
 * content/load-project.ts); the figures' agreement is checked by `breakdown-checks.ts`.
 */

/** How a measure relates to the others of its table, for the checks and the charts. */
export type MeasureRole =
  /**
   * A count (`sums: true`/`false` in the yaml). Summing, its top-level categories add up to the total and
   * a parent's children to the parent (batches); not summing when one thing counts in several categories
   * (an enterprise sampled for two kinds of product).
   */
  | { kind: 'count'; sums: boolean }
  /** numerator ÷ denominator × 100, published to `decimals` (合格率 = 合格批次 ÷ 抽查批次). */
  | { kind: 'rate'; numerator: string; denominator: string }
  /** A category's share of the table's total of another measure, in %; the top-level shares sum to 100. */
  | { kind: 'share'; of: string }
  /** The change of another measure on last year's figure for the same category (个百分点 for a rate). */
  | { kind: 'change'; of: string }
  /** Any other figure, checked for nothing but being a number. */
  | { kind: 'value' };

export interface BreakdownMeasure {
  id: string;
  name: string;
  unit: string;
  /** Decimals published; null means as written. */
  decimals: number | null;
  role: MeasureRole;
}

/** What a breakdown table is (`data/breakdowns/<id>.yaml`). */
export interface BreakdownDefinition {
  id: string;
  title: string;
  /** What the categories are: 产品类别, 行业, 县区, 企业规模 … */
  dimension: string;
  /** The ledger indicator this breaks down (its value is the table's total), if any. */
  indicator: string | null;
  /**
   * The department that reports the table (yaml `source`), when it is not the catalogue `source` of its
   * indicator or the table has none: the table's sheet goes in that department's collection form.
   */
  source?: string;
  measures: BreakdownMeasure[];
  /** The measure charts plot (default: the first rate, else the first measure). */
  chart: string;
  /** Band edges of the chart measure, high to low (e.g. [100, 90, 80]): how many categories fall in each. */
  bands: number[];
  file: string;
}

/** One category's row of a year (or the total row, `category: 'total'`). */
export interface BreakdownRow {
  category: string;
  /** The category's name in this year's report. */
  name: string;
  /** The category this one is part of (大类 of a 产品), or null for a top-level category. */
  parent: string | null;
  /** By measure id; null when the report gives none (“—”). */
  values: Record<string, number | null>;
  /**
   * By measure id, the decimals each figure was written with (`97.0` → 1): what “as written” shows for a
   * measure without `decimals`, and the precision the rounding checks allow it.
   */
  writtenDecimals: Record<string, number>;
  note: string;
  /** The editor's reason the row's figures are right as they stand: settles the warnings about it. */
  checked: string;
  line: number;
}

/** A breakdown as one edition publishes it (`data/breakdowns/<id>/<year>.csv`). */
export interface BreakdownTable {
  definition: BreakdownDefinition;
  year: number;
  /** The categories in the order the file lists them (children after their parent), without the total. */
  rows: BreakdownRow[];
  /** The `total` row, if the file has one. */
  total: BreakdownRow | null;
  /** The file's header as written (measures in any order): where a measure's cell is, for a located problem. */
  columns: string[];
  file: string;
}

/** The id of the row that holds the table's total. */
export const TOTAL_CATEGORY = 'total';

/** The columns of every table besides its measures (whose ids may not be one of these). */
export const TABLE_COLUMNS = { required: ['category', 'name'], optional: ['parent', 'note', 'checked'] } as const;
export const FIXED_COLUMNS: readonly string[] = [...TABLE_COLUMNS.required, ...TABLE_COLUMNS.optional];

/** The decimals a figure of `measure` is published with: the definition's, else as the row wrote it. */
export const figureDecimals = (measure: BreakdownMeasure, row: BreakdownRow): number =>
  measure.decimals ?? row.writtenDecimals[measure.id] ?? 0;
