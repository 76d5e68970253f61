import type { BreakdownMeasure, BreakdownTable } from '../ledger/breakdown.ts';
import { previousEdition } from '../ledger/vintage.ts';
import { chartKey } from '../model/chart-ref.ts';
import type { Edition, Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';
import { breakdownSummary } from './breakdown-summary.ts';
import {
  breakdownTable,
  type CategoryLine,
  categoryLines,
  chartMeasure,
  figureWithUnit,
  tableRows,
  totalLine,
} from './breakdown-table.ts';
import type { ChartModel, LayeredSpec, SpecLayer } from './chart-model.ts';
import { BASE_CONFIG, CHART_WIDTH, COLOURS, VEGA_LITE_SCHEMA } from './chart-tokens.ts';
import { PHONE_CHART_WIDTH, PHONE_FONT_SIZE } from './phone-chart.ts';
import { textWidth } from './text-width.ts';

/**
 * A breakdown's chart: a horizontal bar per category, sorted, each category's name on a line of its own above
 * its bar (so a long Chinese name has the whole width, on a phone too, instead of a label column that would
 * squeeze the bars), the products under their 大类 indented and in a lighter blue, every figure written at
 * the end of its bar, the total as a reference line with its label. A category without a figure has “—” and
 * no bar: never a bar of zero.
 */

/** A category's row: its name (about 16 px), then its bar. */
const ROW = 44;
const BAR = 16;
/** Where the bar sits below the middle of its row (the name sits above it). */
const BAR_OFFSET = 8;
/** How far a category is indented under its parent, in px. */
const INDENT = 14;
/** The narrowest plot the chart is drawn in: the phone design's (fit to PHONE_CHART_WIDTH, Vega's padding of 5 aside). */
const NARROWEST_PLOT = PHONE_CHART_WIDTH - 10;
/** Room a figure takes beside its bar end on that plot: its width at the phone's size and 4 px either side. */
const roomFor = (text: string) => textWidth(text, PHONE_FONT_SIZE) + 8;

/** A bar as the spec carries it (tooltip and labels read the same fields). */
interface Bar {
  key: string;
  name: string;
  path: string;
  /** The name's indent in px. */
  indent: number;
  depth: number;
  value: number | null;
  label: string;
  /** Where the figure is written: inside the bar's end, beside it (after the total's line if that is in the way), or “—”. */
  place: 'in+' | 'in-' | 'out+' | 'out-' | 'none';
  labelAt: number | null;
}

/** Siblings by the chart measure, highest first, unknown last; each category followed by those under it. */
export function sortedLines(lines: readonly CategoryLine[], measure: BreakdownMeasure): CategoryLine[] {
  const value = (l: CategoryLine) => l.row.values[measure.id] ?? null;
  const order = (siblings: CategoryLine[]): CategoryLine[] =>
    siblings
      .map((line, i) => ({ line, i }))
      .sort((a, b) => {
        const [x, y] = [value(a.line), value(b.line)];
        if (x === null || y === null) return x === y ? a.i - b.i : x === null ? 1 : -1;
        return y - x || a.i - b.i;
      })
      .flatMap(({ line }) => [line, ...order(lines.filter((l) => l.parent === line))]);
  return order(lines.filter((l) => l.parent === null));
}

/**
 * The x domain and where each figure goes, on the narrowest plot: the figure inside the bar's end where it
 * fits, else beside it — past the total's line where the line would run through it — with the domain widened
 * until every figure beside a bar fits in the plot.
 */
function layout(bars: ReadonlyArray<Omit<Bar, 'place' | 'labelAt'>>, total: number | null) {
  const known = bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  const lo = Math.min(0, ...known, total ?? 0);
  const hi = Math.max(0, ...known, total ?? 0);
  let domain: [number, number] = [lo, hi === lo ? lo + 1 : hi];
  let placed: Bar[] = [];
  // A figure moved outside widens the domain, which may move another outside: settle in a few rounds.
  for (let round = 0; round < 4; round++) {
    const perPx = (domain[1] - domain[0]) / NARROWEST_PLOT;
    placed = bars.map((bar) => {
      if (bar.value === null) return { ...bar, place: 'none', labelAt: null };
      const room = roomFor(bar.label) * perPx;
      const sign = bar.value < 0 ? '-' : '+';
      if (Math.abs(bar.value) >= room) return { ...bar, place: `in${sign}`, labelAt: bar.value };
      // Beside the bar, unless the total's line would run through the figure: then past the line.
      const end = bar.value;
      const crosses =
        total !== null && (sign === '+' ? total >= end && total <= end + room : total <= end && total >= end - room);
      return { ...bar, place: `out${sign}`, labelAt: crosses ? total : end };
    });
    const right = Math.max(hi, ...placed.map((b) => (b.place === 'out+' ? b.labelAt! + roomFor(b.label) * perPx : hi)));
    const left = Math.min(lo, ...placed.map((b) => (b.place === 'out-' ? b.labelAt! - roomFor(b.label) * perPx : lo)));
    if (right <= domain[1] && left >= domain[0]) break;
    domain = [Math.min(domain[0], left), Math.max(domain[1], right)];
  }
  return { domain, bars: placed };
}

type XScale = { domain: [number, number]; nice: false; zero: boolean };
type Tooltip = Array<{ field: string; title: string }>;

/** How a figure is written where it is placed: inside a bar's end in white, beside it in the text colour. */
const PLACEMENTS = [
  { place: 'in+', align: 'right', dx: -4, color: COLOURS.onBar },
  { place: 'in-', align: 'left', dx: 4, color: COLOURS.onBar },
  { place: 'out+', align: 'left', dx: 4, color: COLOURS.label },
  { place: 'out-', align: 'right', dx: -4, color: COLOURS.label },
] as const;

/** The figures written at the bars' ends, one layer per placement present. */
function figureLayers(bars: readonly Bar[], xScale: XScale, tooltip: Tooltip): SpecLayer[] {
  return PLACEMENTS.filter(({ place }) => bars.some((b) => b.place === place)).map(({ place, ...look }) => ({
    transform: [{ filter: { field: 'place', equal: place } }],
    mark: { type: 'text', baseline: 'middle', yOffset: BAR_OFFSET, ...look },
    encoding: {
      x: { field: 'labelAt', type: 'quantitative', scale: xScale, axis: null },
      text: { field: 'label' },
      tooltip,
    },
  }));
}

/** The chart of one measure of a breakdown table (pure: the table, last year's and the words in, the chart out). */
export function breakdownModel(
  table: BreakdownTable,
  previous: BreakdownTable | null,
  m: Messages,
  measureId?: string,
): ChartModel {
  const measure = chartMeasure(table, measureId);
  const total = totalLine(table, measure);
  const lines = sortedLines(categoryLines(table, m), measure);
  const { domain, bars } = layout(
    lines.map((l) => ({
      key: l.row.category,
      name: l.row.name,
      path: l.path,
      indent: l.depth * INDENT,
      depth: l.depth,
      value: l.row.values[measure.id] ?? null,
      label: figureWithUnit(l.row, measure, m),
    })),
    total,
  );
  const xScale: XScale = { domain, nice: false, zero: true };
  const tooltip: Tooltip = [
    { field: 'path', title: table.definition.dimension },
    { field: 'label', title: measure.name },
  ];
  const totalLabel =
    table.total && total !== null
      ? m.breakdown.totalLabel(table.total.name, figureWithUnit(table.total, measure, m))
      : '';
  // The total's label stands at the foot of its line, under the last row (the top right corner is the
  // interactive chart's menu button's), on the side with room for it.
  const totalPx = ((total ?? 0) - domain[0]) * (NARROWEST_PLOT / (domain[1] - domain[0]));
  const totalFitsRight = totalPx + 4 + textWidth(totalLabel, PHONE_FONT_SIZE) <= NARROWEST_PLOT;
  const totalLayers: SpecLayer[] =
    total === null
      ? []
      : [
          // A segment of the line in each row, beside the bars and behind them, so it never crosses a name.
          {
            mark: {
              type: 'tick',
              orient: 'vertical',
              size: BAR + 8,
              thickness: 1.5,
              yOffset: BAR_OFFSET,
              color: COLOURS.target,
              opacity: 1,
            },
            encoding: { x: { datum: total, type: 'quantitative', scale: xScale, axis: null } },
          },
          {
            data: { values: [{ label: totalLabel }] },
            mark: {
              type: 'text',
              baseline: 'top',
              align: totalFitsRight ? 'left' : 'right',
              dx: totalFitsRight ? 4 : -4,
              color: COLOURS.target,
              fontWeight: 'bold',
            },
            encoding: {
              x: { datum: total, type: 'quantitative', scale: xScale, axis: null },
              y: { value: ROW * bars.length + 2 },
              text: { field: 'label' },
            },
          },
        ];
  const spec: LayeredSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH,
    height: ROW * bars.length,
    config: BASE_CONFIG,
    data: { values: bars },
    encoding: {
      // One band per category, in the sorted order; no axis: each name is written above its bar.
      y: {
        field: 'key',
        type: 'nominal',
        axis: null,
        scale: { type: 'band', domain: bars.map((b) => b.key), paddingInner: 0, paddingOuter: 0 },
      },
    },
    layer: [
      ...totalLayers,
      {
        mark: { type: 'bar', height: BAR, yOffset: BAR_OFFSET },
        encoding: {
          x: { field: 'value', type: 'quantitative', scale: xScale, axis: null },
          color: { condition: { test: 'datum.depth > 0', value: COLOURS.childValue }, value: COLOURS.value },
          tooltip,
        },
      },
      ...figureLayers(bars, xScale, tooltip),
      {
        transform: [{ filter: { field: 'place', equal: 'none' } }],
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, yOffset: BAR_OFFSET, color: COLOURS.target },
        encoding: {
          x: { datum: 0, type: 'quantitative', scale: xScale, axis: null },
          text: { field: 'label' },
          tooltip,
        },
      },
      // The names, left-aligned at their indent; one longer than the narrowest plot ends in “…” (the table has it whole).
      {
        mark: {
          type: 'text',
          align: 'left',
          baseline: 'bottom',
          dy: -6,
          color: COLOURS.label,
          limit: NARROWEST_PLOT - INDENT * 2,
        },
        encoding: {
          x: { field: 'indent', type: 'quantitative', scale: null, axis: null },
          text: { field: 'name' },
          tooltip,
        },
      },
    ],
  };
  const view = breakdownTable(table, m);
  return {
    key: chartKey({ kind: 'breakdown', id: table.definition.id, ...(measureId ? { measure: measureId } : {}) }),
    title: m.breakdown.title(table.year, table.definition.title),
    summary: breakdownSummary(table, previous, measure, m),
    spec,
    table: { columns: view.columns, rows: tableRows(view) },
  };
}

/** The breakdown `id` of an edition's year, compared with the previous edition's table of it. */
export function breakdownChart(project: Project, edition: Edition, id: string, measure?: string): ChartModel {
  const table = edition.breakdowns.find((t) => t.definition.id === id)!;
  const previous =
    previousEdition(project.editions, edition.year)?.breakdowns.find((t) => t.definition.id === id) ?? null;
  return breakdownModel(table, previous, messagesFor(project.site.language), measure);
}
