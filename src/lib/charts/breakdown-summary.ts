import type { BreakdownMeasure, BreakdownTable } from '../ledger/breakdown.ts';
import { countsThings } from '../ledger/unit.ts';
import { formatNumber } from '../model/format.ts';
import type { Messages } from '../site/messages/index.ts';
import { type CategoryLine, categoryLines, figureWithUnit, isNested, totalLine } from './breakdown-table.ts';

/**
 * What a breakdown says in words, decided from its figures: the lowest and highest category and the total
 * (with its change on last year), how many categories fall in each band, and which categories rose or fell —
 * from the table's own change column, or else from last year's table, matching categories by id.
 */

/** The categories' change on last year, and where it comes from. */
export interface Changes {
  source: { column: BreakdownMeasure } | { previous: BreakdownTable };
  /** By category id (the total under its own id); absent where it is unknown. */
  byCategory: Map<string, number>;
  total: number | null;
  /** The change's unit (个百分点 for a percentage) and decimals. */
  unit: string;
  decimals: number | null;
  /** A count rises by increase (增加), anything else by going up (提高). */
  counted: boolean;
}

/** The table's change column for `measure`, else the difference from `previous`, else nothing to compare. */
export function changesOnLastYear(
  table: BreakdownTable,
  previous: BreakdownTable | null,
  measure: BreakdownMeasure,
  m: Messages,
): Changes | null {
  const column = table.definition.measures.find((c) => c.role.kind === 'change' && c.role.of === measure.id);
  const rows = [...table.rows, ...(table.total ? [table.total] : [])];
  const byCategory = new Map<string, number>();
  if (column) {
    for (const row of rows) {
      const value = row.values[column.id];
      if (typeof value === 'number') byCategory.set(row.category, value);
    }
    const total = table.total?.values[column.id] ?? null;
    return { source: { column }, byCategory, total, unit: column.unit, decimals: column.decimals, counted: false };
  }
  if (!previous) return null;
  const before = new Map([...previous.rows, ...(previous.total ? [previous.total] : [])].map((r) => [r.category, r]));
  for (const row of rows) {
    const now = row.values[measure.id];
    const then = before.get(row.category)?.values[measure.id];
    // Rounded as published: 95.8 − 93.2 is 2.6, not 2.5999999999999943.
    if (typeof now === 'number' && typeof then === 'number')
      byCategory.set(row.category, Number((now - then).toFixed(measure.decimals ?? 6)));
  }
  return {
    source: { previous },
    byCategory,
    total: table.total ? (byCategory.get(table.total.category) ?? null) : null,
    unit: m.breakdown.changeUnit(measure.unit),
    decimals: measure.decimals,
    counted: countsThings(measure.unit),
  };
}

/** The bands of the chart measure, high to low, with how many of `lines` fall in each (empty bands left out). */
export function bandCounts(
  edges: readonly number[],
  lines: readonly CategoryLine[],
  measure: BreakdownMeasure,
  m: Messages,
): Array<{ label: string; count: number }> {
  const values = lines.flatMap((l) =>
    typeof l.row.values[measure.id] === 'number' ? [l.row.values[measure.id]!] : [],
  );
  const at = (edge: number) => `${formatNumber(edge, null)}${measure.unit}`;
  const sorted = [...edges].sort((a, b) => b - a);
  const bands = sorted.map((edge, i) => {
    const upper = sorted[i - 1];
    const count = values.filter((v) => v >= edge && (upper === undefined || v < upper)).length;
    // The top band of a percentage at 100 is “100%”, not “100%及以上”.
    const label =
      upper === undefined
        ? m.breakdown.bandTop(at(edge), measure.unit === '%' && edge === 100)
        : m.breakdown.bandBetween(at(edge), at(upper));
    return { label, count };
  });
  const lowest = sorted.at(-1);
  const below =
    lowest === undefined
      ? []
      : [{ label: m.breakdown.bandBottom(at(lowest)), count: values.filter((v) => v < lowest).length }];
  return [...bands, ...below].filter((b) => b.count > 0);
}

/** The names of the lines with the given value (several when tied). */
const namesAt = (lines: readonly CategoryLine[], measure: BreakdownMeasure, value: number) =>
  lines.filter((l) => l.row.values[measure.id] === value).map((l) => l.row.name);

/** The lowest and highest of the top-level categories, the total and its change on last year: one sentence. */
function mainSentence(table: BreakdownTable, measure: BreakdownMeasure, changes: Changes | null, m: Messages): string {
  const b = m.breakdown;
  const lines = categoryLines(table, m);
  const top = lines.filter((l) => l.depth === 0);
  const groups = b.groups(top.length, isNested(lines), table.definition.dimension);
  const known = top.flatMap((l) => (typeof l.row.values[measure.id] === 'number' ? [l.row.values[measure.id]!] : []));
  const [low, high] = [Math.min(...known), Math.max(...known)];
  // A value as the first of its categories prints it.
  const said = (value: number) => figureWithUnit(top.find((l) => l.row.values[measure.id] === value)!.row, measure, m);
  const extremes =
    known.length === 0
      ? b.noValues(groups, measure.name)
      : known.length === 1
        ? b.onlyOne(groups, measure.name, b.names(namesAt(top, measure, low)), said(low))
        : low === high
          ? b.allEqual(groups, measure.name, said(low))
          : b.extremes(
              groups,
              measure.name,
              b.names(namesAt(top, measure, low)),
              said(low),
              b.names(namesAt(top, measure, high)),
              said(high),
            );
  const total =
    table.total && typeof table.total.values[measure.id] === 'number'
      ? b.total(table.total.name, figureWithUnit(table.total, measure, m))
      : '';
  const change =
    total && changes?.total != null
      ? b.totalChange(since(table, changes, m), changeWords(changes, changes.total, m))
      : '';
  return `${extremes}${total}${change}${b.sentenceEnd}`;
}

/** The year a change is counted from: 上年, or the previous table's year when the editions skip one. */
const since = (table: BreakdownTable, changes: Changes, m: Messages) =>
  m.breakdown.since('previous' in changes.source ? changes.source.previous.year : table.year - 1, table.year);

/** A change in words: 提高0.5个百分点, 增加3家, 持平. */
function changeWords(changes: Changes, change: number, m: Messages): string {
  if (change === 0) return m.change.none;
  const amount = `${formatNumber(Math.abs(change), changes.decimals)}${changes.unit}`;
  return `${change > 0 ? m.breakdown.rise(changes.counted) : m.breakdown.fall(changes.counted)}${amount}`;
}

/** Which top-level categories rose, fell or held, and the largest rise and fall, saying where the change comes from. */
function changesSentence(table: BreakdownTable, changes: Changes, m: Messages): string {
  const b = m.breakdown;
  const top = categoryLines(table, m).filter((l) => l.depth === 0);
  const compared = top.flatMap((l) => {
    const change = changes.byCategory.get(l.row.category);
    return change === undefined ? [] : [{ line: l, change }];
  });
  if (compared.length === 0) return '';
  const before =
    'previous' in changes.source
      ? new Map(changes.source.previous.rows.map((r) => [r.category, r.name]))
      : new Map<string, string>();
  // A renamed category is named as this year's report names it, with the name it had beside it.
  const renamed = (line: CategoryLine) => {
    const was = before.get(line.row.category);
    return was && was !== line.row.name ? { since: since(table, changes, m), name: was } : undefined;
  };
  const most = (sign: 1 | -1) => {
    const extreme = Math.max(...compared.map((c) => sign * c.change));
    if (extreme <= 0) return undefined;
    const amount = `${formatNumber(extreme, changes.decimals)}${changes.unit}`;
    return b.names(
      compared
        .filter((c) => sign * c.change === extreme)
        .map((c) => b.changeOf(c.line.row.name, amount, renamed(c.line))),
    );
  };
  return b.changes(
    'column' in changes.source ? { column: changes.source.column.name } : { year: changes.source.previous.year },
    since(table, changes, m),
    {
      up: compared.filter((c) => c.change > 0).length,
      down: compared.filter((c) => c.change < 0).length,
      same: compared.filter((c) => c.change === 0).length,
    },
    { up: b.rise(changes.counted), down: b.fall(changes.counted) },
    { up: most(1), down: most(-1) },
  );
}

/**
 * The breakdown's summary: the main sentence; the bands (of the definition's chart measure); the changes on
 * last year; then what the chart shows that needs saying (the total's line, products indented under their
 * 大类, categories without a figure).
 */
export function breakdownSummary(
  table: BreakdownTable,
  previous: BreakdownTable | null,
  measure: BreakdownMeasure,
  m: Messages,
): string {
  const b = m.breakdown;
  const lines = categoryLines(table, m);
  const changes = changesOnLastYear(table, previous, measure, m);
  const top = lines.filter((l) => l.depth === 0);
  const bands =
    measure.id === table.definition.chart && table.definition.bands.length > 0
      ? bandCounts(table.definition.bands, top, measure, m)
      : [];
  const unknown = lines.filter((l) => l.row.values[measure.id] === null || l.row.values[measure.id] === undefined);
  return [
    mainSentence(table, measure, changes, m),
    bands.length > 0 ? b.bands(measure.name, bands) : '',
    changes ? changesSentence(table, changes, m) : '',
    table.total && totalLine(table, measure) !== null ? b.totalLine(table.total.name) : '',
    isNested(lines) ? b.nestedNote : '',
    unknown.length > 0 ? b.unknownNote(b.names(unknown.map((l) => l.path))) : '',
  ].join('');
}
