import type { Entry } from '../ledger/evaluation.ts';
import { targetLine } from '../ledger/target.ts';
import { chartKey } from '../model/chart-ref.ts';
import { formatTarget, formatValue } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';
import { seriesEntries } from './chart-data.ts';
import type { ChartModel, LayeredSpec, SpecLayer } from './chart-model.ts';
import {
  BASE_CONFIG,
  CHART_WIDTH,
  COLOURS,
  STATUS_COLOURS,
  STATUS_SHAPES,
  statusScale,
  TREND_HEIGHT,
  VEGA_LITE_SCHEMA,
} from './chart-tokens.ts';

/** A point of the trend as the spec carries it (tooltip, table and CSV read the same fields). */
interface TrendPoint {
  period: string;
  value: number;
  /** The number the target line is drawn at, if the target has one. */
  target: number | null;
  targetText: string;
  /** The status label (what the legend, tooltip and table show). */
  status: string;
  label: string;
}

function trendPoint(entry: Entry, m: Messages): TrendPoint {
  return {
    period: entry.period,
    value: entry.value as number,
    target: targetLine(entry.target),
    targetText: formatTarget(entry.target, entry.indicator),
    status: m.status[entry.status],
    label: formatValue(entry.value, entry.indicator),
  };
}

/**
 * The y domain of a trend: every value and every target line inside it (a target off the axis would
 * not be drawn), never a zero-width range (a flat 100% series), and a percentage never past 100.
 */
export function valueDomain(points: ReadonlyArray<{ value: number; target: number | null }>): [number, number] {
  const all = points.flatMap((p) => (p.target === null ? [p.value] : [p.value, p.target]));
  if (all.length === 0) return [0, 1];
  let [lo, hi] = [Math.min(...all), Math.max(...all)];
  if (hi - lo < 1e-9) {
    const pad = Math.max(Math.abs(hi) * 0.05, 1);
    lo -= pad;
    hi = hi === 100 ? hi : hi + pad;
  }
  return [lo, hi];
}

/**
 * The end-year target of the plan an edition reports against, where a chart can draw it against the
 * yearly values (not a count summed over the plan): its year, the threshold, a label, the progress.
 */
function planGoal(latest: Entry | undefined, m: Messages) {
  const ofPlan = latest?.plan;
  if (!ofPlan || ofPlan.target.kind === 'cumulative') return null;
  const value = targetLine(ofPlan.target.target);
  if (value === null) return null;
  const target = formatTarget(ofPlan.target.target, latest.indicator);
  return {
    period: String(ofPlan.target.year),
    value,
    label: m.chart.planGoalLabel(ofPlan.plan.short, target),
    progress: ofPlan.progress ? m.progress[ofPlan.progress] : null,
  };
}

/** The plans whose years the chart's periods fall in, as bands from their first to their last period shown. */
function planBands(project: Project, periods: readonly string[], m: Messages) {
  return project.plans.flatMap((plan) => {
    const inside = periods.filter((p) => Number(p) >= plan.start && Number(p) <= plan.end);
    const years = m.chart.planYears(plan.start, plan.end);
    // A band of one period has no width: not drawn, and not named in the summary.
    return inside.length < 2 ? [] : [{ from: inside[0]!, to: inside.at(-1)!, label: plan.short, years }];
  });
}

/** Where the latest value's label goes: the side neither the incoming line nor the target line is on. */
function labelPlacement(previous: TrendPoint | undefined, last: TrendPoint | undefined) {
  const blocked = (above: boolean) =>
    (previous !== undefined && last !== undefined && previous.value > last.value === above) ||
    (last?.target != null && last.target > last.value === above);
  return !blocked(true) ? 'above' : !blocked(false) ? 'below' : 'right';
}

/** An indicator's values over the periods an edition covers, with target line, status marks and plan goal. */
export function trendChart(project: Project, edition: Edition, id: string): ChartModel {
  const m = messagesFor(project.site.language);
  const indicator = project.catalogueById.get(id)!;
  const series = seriesEntries(project, edition, indicator);
  const points = series.map((e) => trendPoint(e, m));
  const present = series.map((e) => e.status);
  const first = points[0];
  const last = points.at(-1);
  const latest = series.at(-1);
  const goal = planGoal(latest, m);
  const periods = [
    ...points.map((p) => p.period),
    ...(goal && goal.period > (last?.period ?? '') ? [goal.period] : []),
  ];
  const bands = planBands(project, periods, m);
  const title = m.chart.trendTitle(indicator.name, first?.period ?? '', last?.period ?? '');
  const summary =
    !first || !last
      ? m.chart.trendEmpty(indicator.name)
      : m.chart.trendSummary(indicator.name, first.period, first.label, last.period, last.label) +
        (latest?.target ? m.chart.trendTarget(last.period, last.targetText, last.status) : '') +
        (goal ? m.chart.planGoal(goal.label, goal.progress) : '') +
        m.chart.sentenceEnd +
        (points.some((p) => p.target !== null) ? m.chart.targetLine : '') +
        (goal ? m.chart.goalMark(goal.label) : '') +
        bands.map((b) => m.chart.planBand(b.label, b.from, b.to)).join('');
  const placement = labelPlacement(points.at(-2), last);
  const labelAt = {
    above: { dy: -14 },
    below: { dy: 16 },
    right: { dx: 9, dy: 0, align: 'left', baseline: 'middle' },
  } as const;
  // One explicit scale in every layer: layers' own data domains would otherwise be unioned in (with zero).
  // Padded, so no point sits on the axis among the year labels (and a label below the latest point
  // stays clear of them).
  const yScale = {
    domain: valueDomain(goal ? [...points, { value: goal.value, target: null }] : points),
    nice: true,
    zero: false,
    padding: placement === 'below' ? 30 : 16,
  };
  const yAxis = {
    title: indicator.unit ? m.chart.unitAxis(indicator.unit) : null,
    titleAngle: 0,
    titleAlign: 'left',
    titleAnchor: 'end',
    titleY: -12,
    titleX: -30,
    titleFontWeight: 'normal',
  } as const;
  const tooltip = [
    { field: 'period', title: m.chart.year },
    { field: 'label', title: m.chart.value },
    { field: 'targetText', title: m.chart.target },
    { field: 'status', title: m.chart.status },
  ];
  // The plans' years as shaded bands (named in the summary: text in the plot would meet the line).
  const bandLayers = bands.map((band): SpecLayer => ({
    data: { values: [band] },
    mark: { type: 'rect', color: COLOURS.planBand },
    encoding: {
      x: { field: 'from', type: 'ordinal' },
      x2: { field: 'to' },
      tooltip: [
        { field: 'label', title: m.plan.label },
        { field: 'years', title: m.chart.year },
      ],
    },
  }));
  // The plan's end-year target, at its year.
  const goalLayers: SpecLayer[] = goal
    ? [
        {
          data: { values: [goal] },
          mark: { type: 'point', shape: 'diamond', size: 90, filled: false, strokeWidth: 2, color: COLOURS.target },
          encoding: {
            x: { field: 'period', type: 'ordinal' },
            y: { field: 'value', type: 'quantitative', scale: yScale },
            tooltip: [
              { field: 'period', title: m.chart.year },
              { field: 'label', title: m.chart.target },
              { field: 'progress', title: m.plan.progress },
            ],
          },
        },
      ]
    : [];
  const spec: LayeredSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH - 80,
    height: TREND_HEIGHT,
    config: BASE_CONFIG,
    data: { values: points },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: 0 }, scale: { domain: periods } },
    },
    layer: [
      ...bandLayers,
      ...goalLayers,
      {
        mark: { type: 'line', strokeDash: [5, 4], color: COLOURS.target, point: false },
        transform: [{ filter: 'datum.target !== null' }],
        encoding: { y: { field: 'target', type: 'quantitative', scale: yScale } },
      },
      {
        mark: { type: 'line', color: COLOURS.value, strokeWidth: 2 },
        encoding: {
          y: { field: 'value', type: 'quantitative', axis: yAxis, scale: yScale },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y: { field: 'value', type: 'quantitative', scale: yScale },
          color: {
            field: 'status',
            type: 'nominal',
            title: m.chart.status,
            scale: statusScale(present, STATUS_COLOURS, m),
            // Status words are short: side by side, in both designs.
            legend: { direction: 'horizontal', columns: 3 },
          },
          shape: {
            field: 'status',
            type: 'nominal',
            title: m.chart.status,
            scale: statusScale(present, STATUS_SHAPES, m),
          },
          tooltip,
        },
      },
      // The latest value only, on the side the line does not come from: every value is in the tooltip,
      // the table and the summary, and labels on every point met the line between them.
      {
        transform: [{ filter: { field: 'period', equal: last?.period ?? '' } }],
        mark: { type: 'text', ...labelAt[placement], color: COLOURS.label, fontWeight: 'bold' },
        encoding: { y: { field: 'value', type: 'quantitative', scale: yScale }, text: { field: 'label' } },
      },
    ],
  };
  return {
    key: chartKey({ kind: 'trend', id }),
    title,
    summary,
    spec,
    table: {
      columns: [m.chart.year, m.chart.valueColumn(indicator.unit), m.chart.target, m.chart.status],
      rows: [
        ...points.map((p): Array<string | number> => [p.period, p.value, p.targetText, p.status]),
        ...(goal ? [[goal.period, '', goal.label, goal.progress ?? '']] : []),
      ],
    },
  };
}
