import type { BreakdownRow, BreakdownTable } from '../ledger/breakdown.ts';
import { chartKey } from '../model/chart-ref.ts';
import type { Edition, Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';
import { categoryLines, chartMeasure, figureWithUnit } from './breakdown-table.ts';
import type { ChartModel, LayeredSpec, SpecLayer } from './chart-model.ts';
import { BASE_CONFIG, CHART_WIDTH, COLOURS, VEGA_LITE_SCHEMA } from './chart-tokens.ts';
import { PHONE_CHART_WIDTH, PHONE_FONT_SIZE } from './phone-chart.ts';
import { textWidth } from './text-width.ts';
import { labelledYears } from './trend-chart.ts';

/**
 * A breakdown over the years as small multiples: one small line per category, each on its own row under its
 * name, every row on the same value scale and the same years, the first and last year's figures written at the
 * line's ends. One view rather than a facet, so it has the phone design every chart has (a facet cannot be
 * fitted to a phone's width) and prints like the others.
 */

/** A category's row: its name, then its small line. */
const ROW = 66;
/** Height of a row's line: from the lowest figure of all rows to the highest. */
const LINE_HEIGHT = 20;
/** From a row's top to its line's top: the name's line. */
const LINE_TOP = 33;
const INDENT = 14;
/** The narrowest plot the chart is drawn in (the phone design's, less Vega's padding). */
const NARROWEST_PLOT = PHONE_CHART_WIDTH - 10;

/** A category's figure in a year, with where it is drawn in its row. */
interface Point {
  key: string;
  name: string;
  path: string;
  indent: number;
  year: number;
  value: number;
  label: string;
  /** The point's height in px: its row, then its place on the shared value scale. */
  y: number;
  /** The first or the last year of the row's line (their figures are written), or neither. */
  end: 'first' | 'last' | null;
}

/** The small multiples of `tables` (one breakdown's tables of several years, any order). */
export function breakdownYearsModel(tables: readonly BreakdownTable[], m: Messages): ChartModel {
  const byYear = [...tables].sort((a, b) => a.year - b.year);
  const latest = byYear.at(-1)!;
  const measure = chartMeasure(latest);
  /** A category's row in a table, if it gives the measure's figure. */
  const rowOf = (table: BreakdownTable, key: string): BreakdownRow | null => {
    const row = table.rows.find((r) => r.category === key);
    return typeof row?.values[measure.id] === 'number' ? row : null;
  };
  const value = (row: BreakdownRow) => row.values[measure.id]!;
  // The categories in the latest table's order (its names), then any that only earlier years have; one
  // without a figure in any year has no line, and no row either.
  const lines = new Map<string, { name: string; path: string; depth: number }>();
  for (const table of byYear.toReversed())
    for (const l of categoryLines(table, m))
      if (!lines.has(l.row.category) && byYear.some((t) => rowOf(t, l.row.category)))
        lines.set(l.row.category, { name: l.row.name, path: l.path, depth: l.depth });
  const all = byYear.flatMap((t) => [...lines.keys()].flatMap((key) => rowOf(t, key) ?? []));
  const lowest = all.reduce((a, b) => (value(b) < value(a) ? b : a));
  const highest = all.reduce((a, b) => (value(b) > value(a) ? b : a));
  const [lo, hi] = [value(lowest), value(highest)];
  const span = hi - lo || 1;
  const rows = [...lines].map(([key, line], index) => {
    const known = byYear.flatMap((t) => {
      const row = rowOf(t, key);
      return row ? [{ year: t.year, row }] : [];
    });
    return known.map(({ year, row }, i): Point => ({
      key,
      name: line.name,
      path: line.path,
      indent: line.depth * INDENT,
      year,
      value: value(row),
      label: figureWithUnit(row, measure, m),
      y: index * ROW + LINE_TOP + (1 - (value(row) - lo) / span) * LINE_HEIGHT,
      end: i === 0 ? 'first' : i === known.length - 1 ? 'last' : null,
    }));
  });
  const points = rows.flat();
  const years = byYear.map((t) => t.year);
  const [from, to] = [years[0]!, years.at(-1)!];
  // Room at each side for the figures written there, on the narrowest plot.
  const room = Math.max(...points.map((p) => textWidth(p.label, PHONE_FONT_SIZE))) + 10;
  const perYear = (to - from || 1) / (NARROWEST_PLOT - 2 * room);
  const xScale = { domain: [from - room * perYear, to + room * perYear], nice: false, zero: false };
  const tooltip = [
    { field: 'path', title: latest.definition.dimension },
    { field: 'year', title: m.breakdown.year },
    { field: 'label', title: measure.name },
  ];
  const y = { field: 'y', type: 'quantitative', scale: null } as const;
  const x = { field: 'year', type: 'quantitative', scale: xScale } as const;
  const ends = (end: 'first' | 'last'): SpecLayer => ({
    transform: [{ filter: { field: 'end', equal: end } }],
    mark: {
      type: 'text',
      baseline: 'middle',
      align: end === 'first' ? 'right' : 'left',
      dx: end === 'first' ? -7 : 7,
      color: COLOURS.label,
    },
    encoding: { x, y, text: { field: 'label' }, tooltip },
  });
  const spec: LayeredSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: ROW * lines.size,
    config: BASE_CONFIG,
    data: { values: points },
    encoding: {
      // A band per category: the rows, and the way the print design knows to keep their height.
      y: {
        field: 'key',
        type: 'nominal',
        axis: null,
        scale: { type: 'band', domain: [...lines.keys()], paddingInner: 0, paddingOuter: 0 },
      },
    },
    layer: [
      {
        // A rule above each row, so a row's name is read with the line under it, not the one above.
        transform: [{ filter: { field: 'end', equal: 'first' } }],
        mark: { type: 'rule', color: COLOURS.rowRule },
        encoding: { y: { field: 'key', type: 'nominal', bandPosition: 0 } },
      },
      {
        mark: { type: 'line', color: COLOURS.value, strokeWidth: 2 },
        encoding: {
          x: { ...x, axis: { values: labelledYears(years, to), format: 'd', labelAngle: 0, grid: false, title: null } },
          y,
          detail: { field: 'key' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 40, opacity: 1, color: COLOURS.value },
        encoding: { x, y, tooltip },
      },
      ends('first'),
      ends('last'),
      {
        // A row's name above its line, once (at its first point).
        transform: [{ filter: { field: 'end', equal: 'first' } }],
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'top',
          color: COLOURS.label,
          limit: NARROWEST_PLOT - INDENT * 2,
        },
        encoding: {
          x: { field: 'indent', type: 'quantitative', scale: null, axis: null },
          y: { field: 'key', type: 'nominal', bandPosition: 0 },
          yOffset: { value: 4 },
          text: { field: 'name' },
          tooltip,
        },
      },
    ],
  };
  return {
    key: chartKey({ kind: 'breakdown-years', id: latest.definition.id }),
    title: m.breakdown.yearsTitle(latest.definition.title, measure.name, from, to),
    summary: m.breakdown.yearsSummary(
      lines.size,
      measure.name,
      from,
      to,
      figureWithUnit(lowest, measure, m),
      figureWithUnit(highest, measure, m),
    ),
    spec,
    table: {
      columns: [latest.definition.dimension, ...years.map((year) => m.chart.yearLabel(year))],
      rows: [...lines].map(([key, line]) => [line.path, ...byYear.map((t) => rowOf(t, key)?.values[measure.id] ?? '')]),
    },
  };
}

/** The tables of breakdown `id` that `edition` and the editions before it published, each its own year's. */
export const breakdownTablesUpTo = (project: Project, edition: Edition, id: string): BreakdownTable[] =>
  project.editions
    .filter((e) => e.year <= edition.year)
    .flatMap((e) => e.breakdowns.filter((t) => t.definition.id === id && t.year === e.year));

export const breakdownYearsChart = (project: Project, edition: Edition, id: string): ChartModel =>
  breakdownYearsModel(breakdownTablesUpTo(project, edition, id), messagesFor(project.site.language));
