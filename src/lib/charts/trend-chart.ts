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
import { PHONE_CHART_WIDTH, PHONE_FONT_SIZE } from './phone-chart.ts';
import { textWidth } from './text-width.ts';

/** A point of the trend as the spec carries it (tooltip, table and CSV read the same fields). */
interface TrendPoint {
  period: string;
  /** The period as a number: the x position, so years sit at their true distance from one another. */
  year: number;
  /**
   * Which stretch of consecutive years the point is in (0, 1, …): the solid line joins the points of a
   * stretch only, so it never runs through a year without a value as if that year had been measured.
   */
  stretch: number;
  value: number;
  /** The number the target line is drawn at, if the target has one. */
  target: number | null;
  targetText: string;
  /** The status label (what the legend, tooltip and table show). */
  status: string;
  label: string;
}

function trendPoint(entry: Entry, stretch: number, m: Messages): TrendPoint {
  return {
    period: entry.period,
    year: Number(entry.period),
    stretch,
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
    year: ofPlan.target.year,
    value,
    label: m.chart.planGoalLabel(ofPlan.plan.short, target),
    progress: ofPlan.progress ? m.progress[ofPlan.progress] : null,
  };
}

/** The plans whose years the chart's years fall in, as bands from their first to their last year shown. */
function planBands(project: Project, shown: readonly number[], m: Messages) {
  return project.plans.flatMap((plan) => {
    const inside = shown.filter((year) => year >= plan.start && year <= plan.end);
    const years = m.chart.planYears(plan.start, plan.end);
    // A band of one year has no width: not drawn, and not named in the summary.
    return inside.length < 2 ? [] : [{ from: inside[0]!, to: inside.at(-1)!, label: plan.short, years }];
  });
}

/** The years without a value between two years with one, as spans (2016—2019 is one span). */
export function missingYears(years: readonly number[]): Array<{ from: number; to: number }> {
  return years.slice(1).flatMap((year, i) => {
    const before = years[i]!;
    return year - before > 1 ? [{ from: before + 1, to: year - 1 }] : [];
  });
}

/**
 * The x domain: from half a year before the first year shown to half a year after the last, so the end
 * points keep clear of the axes as on the former evenly spaced axis; [0, 1] when there is no year at all.
 */
function yearDomain(years: readonly number[]): [number, number] {
  return years.length === 0 ? [0, 1] : [Math.min(...years) - 0.5, Math.max(...years) + 0.5];
}

/** The narrowest plot a trend is drawn in: the phone design's width less its value axis (labels and ticks). */
const NARROWEST_PLOT = PHONE_CHART_WIDTH - 60;
/** What a year label takes on that plot: its width at the phone's text size, and a gap to the next. */
const YEAR_LABEL_SPACE = textWidth('2000', PHONE_FONT_SIZE) + 8;

/**
 * The years the axis names, sorted: as many of the years shown as fit on the narrowest plot without
 * meeting (so phone, desktop and print name the same years) — the latest value's year first, then the
 * last year (a plan's target year), the first, and the others from the latest back. Every point still
 * sits at its own year; its tooltip and the table name it.
 */
export function labelledYears(years: readonly number[], latest: number | undefined): number[] {
  const [from, to] = yearDomain(years);
  const apart = (YEAR_LABEL_SPACE * (to - from)) / NARROWEST_PLOT;
  const wanted = [latest, years.at(-1), years[0], ...years.toReversed()].filter((y) => y !== undefined);
  const kept: number[] = [];
  for (const year of new Set(wanted)) if (kept.every((k) => Math.abs(k - year) >= apart)) kept.push(year);
  return kept.sort((a, b) => a - b);
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
  const gaps = missingYears(series.map((e) => Number(e.period)));
  const points = series.map((e) => trendPoint(e, gaps.filter((gap) => gap.to < Number(e.period)).length, m));
  const present = series.map((e) => e.status);
  const first = points[0];
  const last = points.at(-1);
  const latest = series.at(-1);
  const goal = planGoal(latest, m);
  // Every year a mark is drawn at, each at its true distance from the others (the axis names those that fit).
  const years = [...new Set([...points.map((p) => p.year), ...(goal ? [goal.year] : [])])].sort((a, b) => a - b);
  const bands = planBands(project, years, m);
  // The dashed target line joins two years next to each other that both have one; a lone target is
  // in the tooltip and the table, and the summary speaks of no line that is not drawn.
  const targetDrawn = points.some(
    (p, i) => i > 0 && p.target !== null && points[i - 1]!.target !== null && points[i - 1]!.stretch === p.stretch,
  );
  const title = m.chart.trendTitle(indicator.name, first?.period ?? '', last?.period ?? '');
  const summary =
    !first || !last
      ? m.chart.trendEmpty(indicator.name)
      : m.chart.trendSummary(indicator.name, first.period, first.label, last.period, last.label) +
        (latest?.target ? m.chart.trendTarget(last.period, last.targetText, last.status) : '') +
        (goal ? m.chart.planGoal(goal.label, goal.progress) : '') +
        m.chart.sentenceEnd +
        (targetDrawn ? m.chart.targetLine : '') +
        (gaps.length > 0 ? m.chart.missingYears(gaps) : '') +
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
  // Years as numbers on a linear scale: 2010, 2014, 2015 and a 2020 target sit at their true distances
  // (an ordinal axis spaced them evenly). The same scale in every layer, for the reason given for y.
  const xScale = { domain: yearDomain(years), nice: false, zero: false };
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
      x: { field: 'from', type: 'quantitative', scale: xScale },
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
            x: { field: 'year', type: 'quantitative', scale: xScale },
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
      x: {
        field: 'year',
        type: 'quantitative',
        title: null,
        scale: xScale,
        // Whole years, written without a thousands separator.
        axis: { values: labelledYears(years, last?.year), format: 'd', labelAngle: 0, grid: false },
      },
    },
    layer: [
      ...bandLayers,
      ...goalLayers,
      {
        // Broken where a year has no value or no target line, like the values' line.
        mark: {
          type: 'line',
          strokeDash: [5, 4],
          color: COLOURS.target,
          point: false,
          invalid: 'break-paths-filter-domains',
        },
        encoding: { y: { field: 'target', type: 'quantitative', scale: yScale }, detail: { field: 'stretch' } },
      },
      // Across a year without a value, a dotted line under the solid one (which covers it elsewhere): the
      // change is still followed, and not drawn as if that year had been measured (the summary says so).
      ...(gaps.length > 0
        ? [
            {
              mark: {
                type: 'line',
                color: COLOURS.value,
                strokeWidth: 2,
                strokeDash: [1, 5],
                strokeCap: 'round',
              },
              encoding: { y: { field: 'value', type: 'quantitative', scale: yScale } },
            } satisfies SpecLayer,
          ]
        : []),
      {
        mark: { type: 'line', color: COLOURS.value, strokeWidth: 2 },
        encoding: {
          y: { field: 'value', type: 'quantitative', axis: yAxis, scale: yScale },
          detail: { field: 'stretch' },
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
