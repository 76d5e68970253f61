import { STATUSES } from '../ledger/status.ts';
import { formatRate } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { bestDomain, completionByDomain } from '../model/summary.ts';
import { messagesFor } from '../site/messages/index.ts';
import type { ChartModel, SingleViewSpec } from './chart-model.ts';
import {
  BASE_CONFIG,
  CHART_WIDTH,
  COLOURS,
  rowsHeight,
  STATUS_COLOURS,
  statusScale,
  VEGA_LITE_SCHEMA,
} from './chart-tokens.ts';

/** An edition's indicators by domain and status, as stacked bars; the summary names the best completion rate. */
export function domainCompletionChart(project: Project, edition: Edition): ChartModel {
  const m = messagesFor(project.site.language);
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
  const spec: SingleViewSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH - 110,
    height: rowsHeight(new Set(values.map((v) => v.domain)).size),
    config: BASE_CONFIG,
    data: { values },
    mark: { type: 'bar', stroke: COLOURS.barStroke, strokeWidth: 1 },
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
  };
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
