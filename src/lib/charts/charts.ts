import type { TopLevelSpec } from 'vega-lite';
import { formatTarget, formatValue } from '../site/format.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { rowAt } from '../ledger/lookup.ts';
import type { Edition, Project } from '../content/project.ts';
import { evaluateStatus, STATUSES, type Status } from '../ledger/status.ts';
import { completionByDomain } from '../ledger/summary.ts';

/** A chart as readers meet it: spec, a one-sentence summary, and exactly its data as a table. */
export interface ChartModel {
  /** Stable, URL-safe key within an edition: names the CSV download. */
  key: string;
  title: string;
  summary: string;
  spec: TopLevelSpec;
  table: { columns: string[]; rows: Array<Array<string | number>> };
}

/** Chart usages editors can write: <Chart kind="trend" id="…"/>, <Chart kind="domains"/>, <Chart kind="compare" ids="a,b"/>. */
export type ChartRef =
  | { kind: 'trend'; id: string }
  | { kind: 'domains' }
  | { kind: 'compare'; ids: string[] }
  | { kind: 'custom'; spec: string; title: string };

export const chartKey = (ref: ChartRef): string =>
  ref.kind === 'trend'
    ? `trend-${ref.id}`
    : ref.kind === 'compare'
      ? `compare-${ref.ids.join('-')}`
      : ref.kind === 'custom'
        ? `custom-${ref.spec.replace(/\.(vl\.)?json$/, '').replace(/[^a-z0-9-]+/gi, '-')}`
        : 'domains';

/** Colours pass 3:1 against white; status is also given by shape and text (never colour alone). */
export const STATUS_COLOURS: Record<Status, string> = {
  已完成: '#1a7f37',
  未完成: '#cf222e',
  不再统计: '#6e7781',
  政策调整: '#8250df',
  未评估: '#9a6700',
};
const STATUS_SHAPES: Record<Status, string> = {
  已完成: 'circle',
  未完成: 'cross',
  不再统计: 'square',
  政策调整: 'diamond',
  未评估: 'triangle-up',
};
const statusScale = (present: readonly Status[]) => {
  const domain = STATUSES.filter((s) => present.includes(s));
  return { domain, range: domain.map((s) => STATUS_COLOURS[s]) };
};

export const CHART_FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
/** Design width in CSS px; the inline SVG scales with its container (see site.css). */
export const CHART_WIDTH = 420;

const baseConfig = {
  font: CHART_FONT,
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: '#32383f', titleColor: '#32383f', gridColor: '#e6e8eb' },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal' },
  title: { fontSize: 14, anchor: 'start' },
} as const;

interface TrendPoint {
  period: string;
  value: number;
  target: number | null;
  targetText: string;
  targetLabel: string;
  status: Status;
  label: string;
}

/** Values of one indicator across the periods this edition covers, as this edition published them. */
function trendPoints(project: Project, edition: Edition, indicator: Indicator): TrendPoint[] {
  const periods = [...new Set(project.editions.flatMap((e) => e.rows.map((r) => r.period)))]
    .filter((p) => Number(p) <= edition.year)
    .sort();
  const points: TrendPoint[] = [];
  for (const period of periods) {
    const row = rowAt(project, edition, indicator.id, period);
    if (!row || typeof row.value !== 'number') continue;
    const previous = rowAt(project, edition, indicator.id, String(Number(period) - 1))?.value;
    const { status } = evaluateStatus({
      value: row.value,
      target: row.target,
      direction: indicator.direction,
      previous: typeof previous === 'number' ? previous : null,
      editorStatus: row.editorStatus,
    });
    const t = row.target;
    const target = t?.kind === 'compare' || t?.kind === 'reach' ? t.value : null;
    points.push({
      period,
      value: row.value,
      target,
      targetText: formatTarget(t, indicator),
      targetLabel: `目标${formatTarget(t, indicator)}`,
      status,
      label: formatValue(row.value, indicator),
    });
  }
  return points;
}

export function trendChart(project: Project, edition: Edition, id: string): ChartModel {
  const indicator = project.indicatorById.get(id)!;
  const points = trendPoints(project, edition, indicator);
  const first = points[0];
  const last = points.at(-1);
  const title = `${indicator.name}（${first?.period ?? ''}—${last?.period ?? ''}年）`;
  const summary =
    !first || !last
      ? `${indicator.name}暂无数值。`
      : `${indicator.name}从${first.period}年的${first.label}变为${last.period}年的${last.label}` +
        (last.targetText !== '—' ? `，${last.period}年目标为${last.targetText}，${last.status}` : '') +
        '。';
  const yAxis = {
    title: indicator.unit ? `单位：${indicator.unit}` : null,
    titleAngle: 0,
    titleAlign: 'left',
    titleAnchor: 'end',
    titleY: -12,
    titleX: -30,
    titleFontWeight: 'normal',
  };
  const tooltip = [
    { field: 'period', title: '年份' },
    { field: 'label', title: '数值' },
    { field: 'targetText', title: '目标' },
    { field: 'status', title: '完成情况' },
  ];
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 80,
    height: 200,
    config: baseConfig,
    data: { values: points },
    encoding: { x: { field: 'period', type: 'ordinal', title: null, axis: { labelAngle: 0 } } },
    layer: [
      {
        mark: { type: 'line', strokeDash: [5, 4], color: '#57606a', point: false },
        transform: [{ filter: 'datum.target !== null' }],
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'right', dx: -2, dy: -7, fontSize: 11, color: '#57606a' },
        transform: [
          { filter: 'datum.target !== null' },
          { window: [{ op: 'row_number', as: 'n' }], sort: [{ field: 'period', order: 'descending' }] },
          { filter: 'datum.n === 1' },
        ],
        encoding: {
          y: { field: 'target', type: 'quantitative' },
          text: { field: 'targetLabel' },
          x: { field: 'period', type: 'ordinal' },
        },
      },
      {
        mark: { type: 'line', color: '#0b4f9c', strokeWidth: 2 },
        encoding: { y: { field: 'value', type: 'quantitative', axis: yAxis, scale: { zero: false, nice: true } } },
      },
      {
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: {
          y: { field: 'value', type: 'quantitative' },
          color: {
            field: 'status',
            type: 'nominal',
            title: '完成情况',
            scale: statusScale(points.map((p) => p.status)),
          },
          shape: {
            field: 'status',
            type: 'nominal',
            title: '完成情况',
            scale: {
              domain: STATUSES.filter((s) => points.some((p) => p.status === s)),
              range: STATUSES.filter((s) => points.some((p) => p.status === s)).map((s) => STATUS_SHAPES[s]),
            },
          },
          tooltip,
        },
      },
      {
        mark: { type: 'text', dy: -12, fontSize: 11, color: '#1f2328' },
        encoding: { y: { field: 'value', type: 'quantitative' }, text: { field: 'label' } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    key: chartKey({ kind: 'trend', id }),
    title,
    summary,
    spec,
    table: {
      columns: ['年份', `数值${indicator.unit ? `（${indicator.unit}）` : ''}`, '目标', '完成情况'],
      rows: points.map((p) => [p.period, p.value, p.targetText, p.status]),
    },
  };
}

export function domainCompletionChart(project: Project, edition: Edition): ChartModel {
  const domains = completionByDomain(edition.entries, project.domains);
  const values = domains.flatMap(({ domain, counts }) =>
    STATUSES.filter((s) => counts[s] > 0).map((status) => ({
      domain,
      status,
      count: counts[status],
      order: STATUSES.indexOf(status),
    })),
  );
  const best = [...domains].sort(
    (a, b) => b.counts['已完成'] / b.counts.total - a.counts['已完成'] / a.counts.total,
  )[0];
  const missed = domains.reduce((n, d) => n + d.counts['未完成'], 0);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: CHART_WIDTH - 110,
    height: { step: 30 },
    config: baseConfig,
    data: { values },
    mark: { type: 'bar', stroke: '#ffffff', strokeWidth: 1 },
    encoding: {
      y: { field: 'domain', type: 'nominal', title: null, sort: domains.map((d) => d.domain) },
      x: { field: 'count', type: 'quantitative', title: '指标数（项）', stack: 'zero', axis: { tickMinStep: 1 } },
      color: {
        field: 'status',
        type: 'nominal',
        title: '完成情况',
        scale: statusScale(values.map((v) => v.status as Status)),
      },
      order: { field: 'order' },
      tooltip: [
        { field: 'domain', title: '领域' },
        { field: 'status', title: '完成情况' },
        { field: 'count', title: '指标数' },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    key: 'domains',
    title: `${edition.year}年各领域指标完成情况`,
    summary: `${edition.year}年${domains.length}个领域中，${best ? `${best.domain}完成比例最高（${best.counts['已完成']}/${best.counts.total}项）` : ''}，全部领域共有${missed}项指标未完成。`,
    spec,
    table: {
      columns: ['领域', ...STATUSES, '合计'],
      rows: domains.map(({ domain, counts }) => [domain, ...STATUSES.map((s) => counts[s]), counts.total]),
    },
  };
}

export function comparisonChart(project: Project, edition: Edition, ids: string[]): ChartModel {
  const indicators = ids.map((id) => project.indicatorById.get(id)!);
  const year = String(edition.year);
  const previousYear = String(edition.year - 1);
  const values = indicators.flatMap((indicator) =>
    [previousYear, year].flatMap((period) => {
      const value = rowAt(project, edition, indicator.id, period)?.value;
      return typeof value === 'number'
        ? [{ name: indicator.name, period: `${period}年`, value, label: formatValue(value, indicator) }]
        : [];
    }),
  );
  const unit = indicators[0]?.unit ?? '';
  const rose = indicators.filter((i) => {
    const e = edition.entries.find((x) => x.indicator.id === i.id);
    return e?.change !== null && e?.change !== undefined && e.change > 0;
  }).length;
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
        title: unit ? `单位：${unit}` : null,
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
            title: '年份',
            scale: { domain: [`${previousYear}年`, `${year}年`], range: ['#8c959f', '#0b4f9c'] },
          },
          shape: {
            field: 'period',
            type: 'nominal',
            title: '年份',
            scale: { domain: [`${previousYear}年`, `${year}年`], range: ['circle', 'diamond'] },
          },
          tooltip: [
            { field: 'name', title: '指标' },
            { field: 'period', title: '年份' },
            { field: 'label', title: '数值' },
          ],
        },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    key: chartKey({ kind: 'compare', ids }),
    title: `${year}年与${previousYear}年主要指标对比`,
    summary: `所列${indicators.length}项指标中，${rose}项${year}年数值高于${previousYear}年。`,
    spec,
    table: {
      columns: ['指标', '单位', `${previousYear}年`, `${year}年`],
      rows: indicators.map((i) => [
        i.name,
        i.unit,
        ...[previousYear, year].map((p) => {
          const v = rowAt(project, edition, i.id, p)?.value;
          return typeof v === 'number' ? v : '';
        }),
      ]),
    },
  };
}

/** The charts an edition overview shows besides those in its chapters. */
export const EDITION_CHARTS: ChartRef[] = [{ kind: 'domains' }];

/** Every chart drawn for an edition: overview, chapters, and (latest edition) the indicator pages' trends. */
export function editionChartRefs(project: Project, edition: Edition): ChartRef[] {
  const isLatest = project.editions.at(-1) === edition;
  const trends: ChartRef[] = isLatest
    ? project.indicators.filter((i) => i.type === 'number').map((i) => ({ kind: 'trend', id: i.id }))
    : [];
  const refs = [...EDITION_CHARTS, ...edition.chapters.flatMap((c) => c.charts), ...trends];
  return [...new Map(refs.map((ref) => [chartKey(ref), ref])).values()];
}

/** Every period ≤ the edition year of every numeric indicator, as this edition published it (long format). */
function ledgerLong(project: Project, edition: Edition) {
  return project.indicators
    .filter((i) => i.type === 'number')
    .flatMap((i) =>
      trendPoints(project, edition, i).map((p) => ({
        indicator: i.id,
        name: i.name,
        domain: i.domain,
        unit: i.unit,
        period: p.period,
        value: p.value,
        target: p.targetText,
        status: p.status,
      })),
    );
}

export function customChart(
  project: Project,
  edition: Edition,
  ref: Extract<ChartRef, { kind: 'custom' }>,
  spec: unknown,
): ChartModel {
  const values = ledgerLong(project, edition);
  const withData = { config: baseConfig, ...(spec as object), data: { values } } as unknown as TopLevelSpec;
  const columns = ['indicator', 'name', 'domain', 'unit', 'period', 'value', 'target', 'status'] as const;
  return {
    key: chartKey(ref),
    title: ref.title,
    summary: `${(spec as { description?: string }).description ?? ref.title}。数据取自${edition.year}年版指标台账（共${values.length}条记录）。`,
    spec: withData,
    table: { columns: [...columns], rows: values.map((v) => columns.map((c) => v[c])) },
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
