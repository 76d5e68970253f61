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
 * unknown cell is empty or “—” and stays unknown: it is never read as 0.
 */

/** How a measure relates to the others of its table, for the checks and the charts. */
export type MeasureRole =
  /** A count whose categories sum to the total (enterprises, batches). */
  | { kind: 'count'; sums: boolean }
  /** numerator ÷ denominator × 100, published to `decimals` (合格率 = 合格批次 ÷ 抽查批次). */
  | { kind: 'rate'; numerator: string; denominator: string }
  /** A category's share of the total of another measure, in %; the shares sum to 100. */
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
  note: string;
  /** The editor's reason the row's figures are right as they stand: settles the warnings about it. */
  checked: string;
  line: number;
}

/** A breakdown as one edition publishes it (`data/breakdowns/<id>/<year>.csv`). */
export interface BreakdownTable {
  definition: BreakdownDefinition;
  year: number;
  /** The categories in the order the file lists them (children after their parent). */
  rows: BreakdownRow[];
  /** The `total` row, if the file has one. */
  total: BreakdownRow | null;
  file: string;
}

/** The id of the row that holds the table's total. */
export const TOTAL_CATEGORY = 'total';
