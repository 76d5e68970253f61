import { diagnostics } from '../site/messages/index.ts';
import { type Problem, warning } from '../site/problems.ts';
import { type BreakdownMeasure, type BreakdownRow, type BreakdownTable, figureDecimals } from './breakdown.ts';
import { type Entry, entryAt, type EvaluatedEdition } from './evaluation.ts';
import { previousEdition } from './vintage.ts';

/**
 * The checks of a breakdown's figures against one another, against the previous edition's table and
 * against the ledger: the slips that copying a report's table into a spreadsheet makes (a digit typed
 * wrong, a row pasted one line off, last year's figure left in). Each is a warning located at the cell
 * (or the row) it is about, settled by that row's `checked` cell, and one that rests on rounding says both
 * numbers. Pure functions over tables, so each rule is tested alone.
 */

const say = diagnostics().breakdown;

/** How far a figure published to `decimals` may lie from the exact one: half a unit of its last decimal. */
const halfUnit = (decimals: number): number => 0.5 * 10 ** -decimals;

/** Equal within `slack`, and within the floating-point noise of sums and quotients (0.1 + 0.2). */
const within = (a: number, b: number, slack: number): boolean =>
  Math.abs(a - b) <= slack + 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** `n` to `decimals` places, never `-0.0`. */
function fixed(n: number, decimals: number): string {
  const text = n.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** A figure as the row writes it (`97.0`, not 97). */
const asWritten = (row: BreakdownRow, id: string): string => fixed(row.values[id]!, row.writtenDecimals[id] ?? 0);

/** A warning on a row of the table (at a measure's cell, or at the category), settled by the row's `checked`. */
function rowWarning(table: BreakdownTable, row: BreakdownRow, column: string, message: string, hint: string): Problem {
  const at = { line: row.line, column: table.columns.indexOf(column) + 1 || undefined, hint };
  return { ...warning(table.file, message, at), ...(row.checked ? { settled: row.checked } : {}) };
}

const measuresOf = <K extends BreakdownMeasure['role']['kind']>(table: BreakdownTable, kind: K) =>
  table.definition.measures.filter(
    (m): m is BreakdownMeasure & { role: Extract<BreakdownMeasure['role'], { kind: K }> } => m.role.kind === kind,
  );
const measure = (table: BreakdownTable, id: string): BreakdownMeasure =>
  table.definition.measures.find((m) => m.id === id)!;
/** The categories, then the total row: every row a figure may be given on. */
const everyRow = (table: BreakdownTable): BreakdownRow[] => [...table.rows, ...(table.total ? [table.total] : [])];

/**
 * `quotient` of a row published to its decimals agrees with a ÷ b × 100 (198 ÷ 203 → 97.5): off by no
 * more than half a unit of its last decimal. Nothing is said when a figure is unknown or b is 0.
 */
function quotientWarning(
  table: BreakdownTable,
  row: BreakdownRow,
  quotient: BreakdownMeasure,
  a: { name: string; value: number | null },
  b: { name: string; value: number | null },
): Problem[] {
  const given = row.values[quotient.id];
  if (given == null || a.value === null || b.value === null || b.value === 0) return [];
  const exact = (a.value / b.value) * 100;
  const decimals = figureDecimals(quotient, row);
  if (within(given, exact, halfUnit(decimals))) return [];
  const calculation = say.quotient(a.name, a.value, b.name, b.value);
  const message = say.rate(
    row.name,
    quotient.name,
    asWritten(row, quotient.id),
    calculation,
    fixed(exact, decimals),
    decimals,
  );
  return [rowWarning(table, row, quotient.id, message, say.checkHint)];
}

/** A rate given with its counts agrees with them to its published decimals (合格率 = 合格批次 ÷ 抽查批次 × 100). */
export function rateWarnings(table: BreakdownTable): Problem[] {
  return measuresOf(table, 'rate').flatMap((rate) => {
    const [numerator, denominator] = [measure(table, rate.role.numerator), measure(table, rate.role.denominator)];
    return everyRow(table).flatMap((row) =>
      quotientWarning(
        table,
        row,
        rate,
        { name: numerator.name, value: row.values[numerator.id] ?? null },
        { name: denominator.name, value: row.values[denominator.id] ?? null },
      ),
    );
  });
}

/**
 * Counts marked `sums` add up: the top-level categories to the total, a parent's children to the parent.
 * Counts are exact; figures published with decimals (产值, 亿元) may each be off by half a unit of the last.
 */
export function sumWarnings(table: BreakdownTable): Problem[] {
  return measuresOf(table, 'count')
    .filter((count) => count.role.sums)
    .flatMap((count) => {
      const check = (
        whole: BreakdownRow | null,
        parts: BreakdownRow[],
        words: (sum: string, whole: string) => string,
      ) => {
        const value = whole?.values[count.id];
        if (!whole || value == null || parts.length === 0 || parts.some((p) => p.values[count.id] === null)) return [];
        const sum = parts.reduce((total, part) => total + part.values[count.id]!, 0);
        const decimals = Math.max(...[whole, ...parts].map((r) => figureDecimals(count, r)));
        const slack = decimals === 0 ? 0 : (parts.length + 1) * halfUnit(decimals);
        if (within(sum, value, slack)) return [];
        return [
          rowWarning(table, whole, count.id, words(fixed(sum, decimals), asWritten(whole, count.id)), say.checkHint),
        ];
      };
      const children = (parent: string | null) => table.rows.filter((r) => r.parent === parent);
      return [
        ...check(table.total, children(null), (sum, total) => say.topSum(count.name, sum, total)),
        ...table.rows.flatMap((row) =>
          check(row, children(row.category), (sum, value) => say.childSum(row.name, count.name, value, sum)),
        ),
      ];
    });
}

/**
 * Shares: each category's share agrees with its figure ÷ the total's (to its published decimals), and the
 * top-level shares sum to 100 within rounding — n shares, each off by at most half a unit of its last decimal.
 */
export function shareWarnings(table: BreakdownTable): Problem[] {
  return measuresOf(table, 'share').flatMap((share) => {
    const of = measure(table, share.role.of);
    const base = { name: say.totalOf(of.name), value: table.total?.values[of.id] ?? null };
    const each = everyRow(table).flatMap((row) =>
      quotientWarning(table, row, share, { name: of.name, value: row.values[of.id] ?? null }, base),
    );
    const top = table.rows.filter((r) => r.parent === null);
    if (top.length === 0 || top.some((r) => r.values[share.id] === null)) return each;
    const sum = top.reduce((total, row) => total + row.values[share.id]!, 0);
    const decimals = Math.max(...top.map((r) => figureDecimals(share, r)));
    const slack = top.length * halfUnit(decimals);
    if (within(sum, 100, slack)) return each;
    const message = say.shareSum(share.name, top.length, fixed(sum, decimals), fixed(slack, decimals + 1));
    return [...each, rowWarning(table, table.total ?? top[0]!, share.id, message, say.checkHint)];
  });
}

/**
 * A given change agrees with the previous edition's figure for the same category: now − then, to the
 * change's decimals. When what changed is a rate or a share, published rounded, the report may have
 * taken the change before rounding: each of the two figures may then add half a unit of its last decimal.
 */
export function changeWarnings(table: BreakdownTable, previous: BreakdownTable | null): Problem[] {
  if (!previous) return [];
  return measuresOf(table, 'change').flatMap((change) => {
    const of = measure(table, change.role.of);
    const rounded = of.role.kind === 'rate' || of.role.kind === 'share';
    return everyRow(table).flatMap((row) => {
      if (row.values[change.id] == null) return [];
      const before = row === table.total ? previous.total : previous.rows.find((r) => r.category === row.category);
      if (!before)
        return [
          rowWarning(
            table,
            row,
            change.id,
            say.changeWithoutPrevious(row.name, change.name, previous.year),
            say.checkHint,
          ),
        ];
      const [now, then] = [row.values[of.id], before.values[of.id]];
      if (now == null || then == null) return [];
      const decimals = figureDecimals(change, row);
      const slack =
        halfUnit(decimals) + (rounded ? halfUnit(figureDecimals(of, row)) + halfUnit(figureDecimals(of, before)) : 0);
      if (within(row.values[change.id]!, now - then, slack)) return [];
      const message = say.change(
        row.name,
        change.name,
        asWritten(row, change.id),
        previous.year,
        table.year,
        asWritten(before, of.id),
        asWritten(row, of.id),
        fixed(now - then, decimals),
      );
      return [rowWarning(table, row, change.id, message, say.checkHint)];
    });
  });
}

/**
 * The categories that appeared or vanished since the previous edition's table, in one warning: ids are
 * stable across years (a renamed category keeps its id), so a new id is a new category or a renamed one
 * whose id was changed too. Located at the total row (else the first), whose `checked` settles it.
 */
export function categoryWarnings(table: BreakdownTable, previous: BreakdownTable | null): Problem[] {
  if (!previous) return [];
  const named = (rows: BreakdownRow[], others: BreakdownRow[]) =>
    rows.filter((r) => !others.some((o) => o.category === r.category)).map((r) => say.category(r.name, r.category));
  const [appeared, vanished] = [named(table.rows, previous.rows), named(previous.rows, table.rows)];
  const row = table.total ?? table.rows[0];
  if (!row || appeared.length + vanished.length === 0) return [];
  return [rowWarning(table, row, 'category', say.categories(previous.year, appeared, vanished), say.categoriesHint)];
}

/** The decimals a ledger value is published with: its indicator's, else as it reads. */
const entryDecimals = (entry: Entry, value: number): number =>
  entry.indicator.decimals ?? String(value).split('.')[1]?.length ?? 0;

/**
 * The total of the chart measure agrees with the ledger's value of the indicator the table breaks down,
 * as the edition quotes it, to the coarser of the two figures' decimals (94.6 and 95 agree; 94.6 and 94.5
 * do not). Said nothing when the ledger has no value (its own warnings say so); a table without a total
 * row cannot be checked, and that is said.
 */
export function indicatorWarnings(table: BreakdownTable, entry: Entry | undefined): Problem[] {
  const { indicator, chart } = table.definition;
  if (indicator === null) return [];
  if (!table.total)
    return [warning(table.file, say.noTotal(entry?.indicator.name ?? indicator), { line: 1, hint: say.noTotalHint })];
  const chartMeasure = measure(table, chart);
  const total = table.total.values[chart];
  if (total == null || typeof entry?.value !== 'number') return [];
  const decimals = Math.min(figureDecimals(chartMeasure, table.total), entryDecimals(entry, entry.value));
  if (within(total, entry.value, halfUnit(decimals))) return [];
  const message = say.indicator(
    chartMeasure.name,
    asWritten(table.total, chart),
    entry.indicator.name,
    table.year,
    fixed(entry.value, entryDecimals(entry, entry.value)),
  );
  return [rowWarning(table, table.total, chart, message, say.indicatorHint)];
}

/** Every check of one table, given the previous edition's table of the breakdown and the ledger's entry. */
export const tableWarnings = (
  table: BreakdownTable,
  previous: BreakdownTable | null,
  entry: Entry | undefined,
): Problem[] => [
  ...rateWarnings(table),
  ...sumWarnings(table),
  ...shareWarnings(table),
  ...changeWarnings(table, previous),
  ...categoryWarnings(table, previous),
  ...indicatorWarnings(table, entry),
];

/** What the checks need of an edition: its year, its evaluated entries and its breakdown tables. */
export interface BreakdownEdition extends EvaluatedEdition {
  breakdowns: readonly BreakdownTable[];
}

/**
 * The checks of every edition's tables: each against the same breakdown's table in the previous edition
 * (`vintage.ts#previousEdition`; none when that edition does not publish it) and against the ledger entry
 * of its indicator for the edition's year as the edition quotes it (`entryAt`).
 */
export function breakdownWarnings(editions: readonly BreakdownEdition[]): Problem[] {
  return editions.flatMap((edition) => {
    const before = previousEdition(editions, edition.year);
    return edition.breakdowns.flatMap((table) => {
      const previous = before?.breakdowns.find((t) => t.definition.id === table.definition.id) ?? null;
      const { indicator } = table.definition;
      const entry = indicator === null ? undefined : entryAt(editions, edition, indicator, String(edition.year));
      return tableWarnings(table, previous, entry);
    });
  });
}
