import type { TopLevelSpec } from 'vega-lite';
import type { Edition, Project } from '../content/project.ts';
import type { Entry } from '../ledger/evaluation.ts';
import { STATUSES, type Status } from '../ledger/status.ts';
import { bestDomain, completionByDomain } from '../ledger/summary.ts';
import { targetLine } from '../ledger/target.ts';
import { formatRate, formatTarget, formatValue } from '../site/format.ts';
import { messagesFor, type Messages } from '../site/messages/index.ts';
import { seriesEntries, valueAt } from './chart-data.ts';
import { plottedData } from './chart-svg.ts';
import { chartKey, type ChartRef } from './chart-ref.ts';
import { BASE_CONFIG as baseConfig } from './chart-config.ts';
import { customChartSpec } from './custom-chart.ts';

/** A chart as readers meet it: spec, a one-sentence summary, and exactly its data as a table. */
export interface ChartModel {
  /** Stable, URL-safe key within an edition: names the CSV download. */
  key: string;
  title: string;
  summary: string;
  spec: TopLevelSpec;
  table: { columns: string[]; rows: Array<Array<string | number>> };
}

/** Colours pass 3:1 against white; status is also given by shape and text (never colour alone). */
export const STATUS_COLOURS: Record<Status, string> = {
  met: '#1a7f37',
  not_met: '#cf222e',
  in_progress: '#0969da',
  discontinued: '#6e7781',
  policy_changed: '#8250df',
  not_assessed: '#9a6700',
};
const STATUS_SHAPES: Record<Status, string> = {
  met: 'circle',
  not_met: 'cross',
  in_progress: 'triangle-right',
  discontinued: 'square',
  policy_changed: 'diamond',
  not_assessed: 'triangle-up',
};
/** Legend scales over the statuses present, in display order, labelled in the site's language. */
const statusScale = (present: readonly Status[], range: Record<Status, string>, m: Messages) => {
  const shown = STATUSES.filter((s) => present.includes(s));
  return { domain: shown.map((s) => m.status[s]), range: shown.map((s) => range[s]) };
};
const messagesOf = (project: Project) => messagesFor(project.site.language);

export { CHART_FONT } from './chart-config.ts';
/** Design width in CSS px; the inline SVG scales with its container (see site.css). */
export const CHART_WIDTH = 420;
const TREND_HEIGHT = 200;

interface TrendPoint {
  period: string;
  value: number;
  target: number | null;
  targetText: string;
  /** The status label (what the legend, tooltip and table show). */
  status: string;
  label: string;
}

function trendPoint(entry: Entry, m: Messages): TrendPoint {
  const t = entry.target;
  const targetText = formatTarget(t, entry.indicator);
  return {
    period: entry.period,
    value: entry.value as number,
    target: targetLine(t),
    targetText,
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

export function trendChart(project: Project, edition: Edition, id: string): ChartModel {
  const m = messagesOf(project);
  const indicator = project.catalogueById.get(id)!;
  const series = seriesEntries(project, edition, indicator);
  const points = series.map((e) => trendPoint(e, m));
  const present = series.map((e) => e.status);
  const first = points[0];
  const last = points.at(-1);
  const goal = planGoal(series.at(-1), m);
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
        (last.targetText !== '—' ? m.chart.trendTarget(last.period, last.targetText, last.status) : '') +
        (goal ? m.chart.planGoal(goal.label, goal.progress) : '') +
        m.chart.sentenceEnd +
        (points.some((p) => p.target !== null) ? m.chart.targetLine : '') +
        (goal ? m.chart.goalMark(goal.label) : '') +
        bands.map((b) => m.chart.planBand(b.label, b.from, b.to)).join('');
  // The latest value's label goes where neither the incoming line nor the target line is.
  const previous = points.at(-2);
  const blocked = (above: boolean) =>
    (previous !== undefined && last !== undefined && previous.value > last.value === above) ||
    (last?.target != null && last.target > last.value === above);
  const placement = !blocked(true) ? 'above' : !blocked(false) ? 'below' : 'right';
  const labelAt = {
    above: { dy: -14 },
    below: { dy: 16 },
    right: { dx: 9, dy: 0, align: 'left' as const, baseline: 'middle' as const },
  }[placement];
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
  };
  const tooltip = [
    { field: 'period', title: m.chart.year },
    { field: 'label', title: m.chart.value },
    { field: 'targetText', title: m.chart.target },
    { field: 'status', title: m.chart.status },
  ];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 80,
    height: TREND_HEIGHT,
    config: baseConfig,
    data: { values: points },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: 0 }, scale: { domain: periods } },
    },
    layer: [
      // The plans' years as shaded bands (named in the summary: text in the plot would meet the line).
      ...bands.map((band) => ({
        data: { values: [band] },
        mark: { type: 'rect', color: '#f3f4f6' },
        encoding: {
          x: { field: 'from', type: 'ordinal' },
          x2: { field: 'to' },
          tooltip: [
            { field: 'label', title: m.plan.label },
            { field: 'years', title: m.chart.year },
          ],
        },
      })),
      // The plan's end-year target, at its year.
      ...(goal
        ? [
            {
              data: { values: [goal] },
              mark: { type: 'point', shape: 'diamond', size: 90, filled: false, strokeWidth: 2, color: '#57606a' },
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
        : []),
      {
        mark: { type: 'line', strokeDash: [5, 4], color: '#57606a', point: false },
        transform: [{ filter: 'datum.target !== null' }],
        encoding: { y: { field: 'target', type: 'quantitative', scale: yScale } },
      },
      {
        mark: { type: 'line', color: '#0b4f9c', strokeWidth: 2 },
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
        mark: { type: 'text', ...labelAt, color: '#1f2328', fontWeight: 'bold' },
        encoding: { y: { field: 'value', type: 'quantitative', scale: yScale }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;
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

export function domainCompletionChart(project: Project, edition: Edition): ChartModel {
  const m = messagesOf(project);
  const domains = completionByDomain(edition.yearEntries, project.domains);
  const values = domains.flatMap(({ domain, counts }) =>
    STATUSES.filter((s) => counts[s] > 0).map((status) => ({
      domain,
      status: m.status[status],
      count: counts[status],
      order: STATUSES.indexOf(status),
    })),
  );
  const present = STATUSES.filter((s) => domains.some((d) => d.counts[s] > 0));
  const best = bestDomain(domains);
  const missed = domains.reduce((n, d) => n + d.counts.not_met, 0);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 110,
    height: { step: 30 },
    config: baseConfig,
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      y: { field: 'domain', type: 'nominal', title: null, sort: domains.map((d) => d.domain) },
      x: { field: 'count', type: 'quantitative', title: m.chart.countAxis, stack: 'zero', axis: { tickMinStep: 1 } },
      color: {
        field: 'status',
        type: 'nominal',
        title: m.chart.status,
        scale: statusScale(present, STATUS_COLOURS, m),
      },
      order: { field: 'order' },
      tooltip: [
        { field: 'domain', title: m.chart.domain },
        { field: 'status', title: m.chart.status },
        { field: 'count', title: m.chart.count },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    key: 'domains',
    title: m.chart.domainsTitle(edition.year),
    summary: m.chart.domainsSummary(
      edition.year,
      domains.length,
      best && { domain: best.domain, rate: formatRate(best.rate) },
      missed,
    ),
    spec,
    table: {
      columns: [m.chart.domain, ...STATUSES.map((s) => m.status[s]), m.chart.total],
      rows: domains.map(({ domain, counts }) => [domain, ...STATUSES.map((s) => counts[s]), counts.total]),
    },
  };
}

export function comparisonChart(project: Project, edition: Edition, ids: string[]): ChartModel {
  const m = messagesOf(project);
  const indicators = ids.map((id) => project.catalogueById.get(id)!);
  const year = String(edition.year);
  const previousYear = String(edition.year - 1);
  const periods = [previousYear, year];
  const values = indicators.flatMap((indicator) =>
    periods.flatMap((period) => {
      const value = valueAt(project, edition, indicator.id, period);
      return value === null
        ? []
        : [{ name: indicator.name, period: m.chart.yearLabel(period), value, label: formatValue(value, indicator) }];
    }),
  );
  const unit = indicators[0]?.unit ?? '';
  // Compared: the indicators with a value in both years, as drawn.
  const changes = indicators.flatMap((i) => {
    const [before, now] = periods.map((p) => valueAt(project, edition, i.id, p));
    return before === null || now === null ? [] : [now - before];
  });
  const rose = changes.filter((c) => c > 0).length;
  // No previous year to compare with: show this year's values only, and say so.
  const shown = changes.length > 0 ? periods : [year];
  const yearLabels = shown.map((p) => m.chart.yearLabel(p));
  // A dot plot (previous year → this year) rather than bars: rates near 100% need a non-zero axis.
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 190,
    height: { step: 30 },
    config: baseConfig,
    data: { values },
    encoding: {
      y: {
        field: 'name',
        type: 'nominal',
        title: null,
        sort: indicators.map((i) => i.name),
        axis: { labelLimit: 180, labelFontSize: 12 },
      },
      x: {
        field: 'value',
        type: 'quantitative',
        title: unit ? m.chart.unitAxis(unit) : null,
        scale: { zero: false, nice: true },
      },
    },
    layer: [
      { mark: { type: 'line', color: '#8c959f', strokeWidth: 2 }, encoding: { detail: { field: 'name' } } },
      {
        mark: { type: 'point', filled: true, size: 110, opacity: 1 },
        encoding: {
          color: {
            field: 'period',
            type: 'nominal',
            title: m.chart.year,
            scale: { domain: yearLabels, range: ['#8c959f', '#0b4f9c'] },
          },
          shape: {
            field: 'period',
            type: 'nominal',
            title: m.chart.year,
            scale: { domain: yearLabels, range: ['circle', 'diamond'] },
          },
          tooltip: [
            { field: 'name', title: m.chart.indicator },
            { field: 'period', title: m.chart.year },
            { field: 'label', title: m.chart.value },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    key: chartKey({ kind: 'compare', ids }),
    title: m.chart.compareTitle(edition.year, edition.year - 1, changes.length),
    summary: m.chart.compareSummary(indicators.length, changes.length, rose, edition.year, edition.year - 1),
    spec,
    table: {
      columns: [m.chart.indicator, m.chart.unit, ...yearLabels],
      rows: indicators.map((i) => [i.name, i.unit, ...shown.map((p) => valueAt(project, edition, i.id, p) ?? '')]),
    },
  };
}

interface FieldDef {
  field?: string;
  aggregate?: string;
  title?: string | null;
}

/**
 * The columns of a custom chart's table: every field its encodings show (tooltip included), in the order
 * the spec names them, as the key the plotted records carry (`mean_value` for an aggregate) and the
 * Chinese title other charts' tables use for it (the editor's own title for a field they calculated).
 */
function plottedColumns(
  spec: object,
  records: ReadonlyArray<Record<string, unknown>>,
  m: Messages,
): Array<{ key: string; title: string }> {
  const specs = [spec, ...((spec as { layer?: object[] }).layer ?? [])];
  const defs = specs.flatMap((s) =>
    Object.values((s as { encoding?: Record<string, FieldDef | FieldDef[]> }).encoding ?? {}).flat(),
  );
  const units = new Set(records.map((r) => r.unit));
  const known: Record<string, string> = {
    indicator: m.ledgerFields.indicator.title,
    name: m.chart.indicator,
    domain: m.chart.domain,
    unit: m.chart.unit,
    period: m.chart.year,
    value: units.size === 1 ? m.chart.valueColumn(String([...units][0] ?? '')) : m.chart.value,
    target: m.chart.target,
    status: m.chart.status,
    __count: m.chart.count,
  };
  const columns = new Map<string, string>();
  for (const def of defs) {
    const named = def.field ?? (def.aggregate === 'count' ? '__count' : undefined);
    if (!named) continue;
    const key = [def.aggregate ? `${def.aggregate}_${named}` : undefined, named].find(
      (k) => k !== undefined && records.some((r) => k in r),
    );
    if (!key || columns.has(key)) continue;
    const title = known[named] ?? (typeof def.title === 'string' && def.title !== '' ? def.title : named);
    columns.set(
      key,
      key === named || named === '__count'
        ? title
        : `${title}（${m.chart.aggregates[def.aggregate!] ?? def.aggregate}）`,
    );
  }
  return [...columns].map(([key, title]) => ({ key, title }));
}

export function customChart(
  project: Project,
  edition: Edition,
  ref: Extract<ChartRef, { kind: 'custom' }>,
  spec: unknown,
): ChartModel {
  const m = messagesOf(project);
  const withData = customChartSpec(project, edition, spec);
  // The table, the CSV and the summary give what the chart draws, not the whole ledger it was given.
  const plotted = plottedData(withData);
  const columns = plottedColumns(spec as object, plotted, m);
  return {
    key: chartKey(ref),
    title: ref.title,
    summary: m.chart.customSummary(
      (spec as { description?: string }).description ?? ref.title,
      edition.year,
      plotted.length,
    ),
    spec: withData,
    table: {
      columns: columns.map((c) => c.title),
      rows: plotted.map((record) =>
        columns.map(({ key }) => {
          const cell = record[key];
          return typeof cell === 'number' || typeof cell === 'string' ? cell : '';
        }),
      ),
    },
  };
}

/** The model of any chart usage; `customSpecs` are the chapter's spec files (for kind="custom"). */
export function buildChart(
  project: Project,
  edition: Edition,
  ref: ChartRef,
  customSpecs: Record<string, unknown> = {},
): ChartModel {
  switch (ref.kind) {
    case 'trend':
      return trendChart(project, edition, ref.id);
    case 'domains':
      return domainCompletionChart(project, edition);
    case 'compare':
      return comparisonChart(project, edition, ref.ids);
    case 'custom':
      return customChart(project, edition, ref, customSpecs[ref.spec]);
  }
}

/** The charts an edition overview shows besides those in its chapters. */
export const EDITION_CHARTS: ChartRef[] = [{ kind: 'domains' }];

/** Every chart drawn for an edition: overview, chapters, and (latest edition) the indicator pages' trends. */
export function editionChartRefs(project: Project, edition: Edition): ChartRef[] {
  const isLatest = project.editions.at(-1) === edition;
  const trends: ChartRef[] = isLatest
    ? project.publishedIndicators.filter((i) => i.type === 'number').map((i) => ({ kind: 'trend', id: i.id }))
    : [];
  const refs = [...EDITION_CHARTS, ...edition.chapters.flatMap((c) => c.charts), ...trends];
  return [...new Map(refs.map((ref) => [chartKey(ref), ref])).values()];
}
