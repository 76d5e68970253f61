import { chartKey } from '../model/chart-ref.ts';
import { formatValue } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { messagesFor } from '../site/messages/index.ts';
import { valueAt } from './chart-data.ts';
import type { ChartModel, LayeredSpec } from './chart-model.ts';
import { BASE_CONFIG, CHART_WIDTH, COLOURS, rowsHeight, VEGA_LITE_SCHEMA } from './chart-tokens.ts';

/** Indicators of one unit in the edition's year and the year before, as a dot plot. */
export function comparisonChart(project: Project, edition: Edition, ids: string[]): ChartModel {
  const m = messagesFor(project.site.language);
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
  const spec: LayeredSpec = {
    $schema: VEGA_LITE_SCHEMA,
    width: CHART_WIDTH - 190,
    height: rowsHeight(new Set(values.map((v) => v.name)).size),
    config: BASE_CONFIG,
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
      { mark: { type: 'line', color: COLOURS.previous, strokeWidth: 2 }, encoding: { detail: { field: 'name' } } },
      {
        mark: { type: 'point', filled: true, size: 110, opacity: 1 },
        encoding: {
          color: {
            field: 'period',
            type: 'nominal',
            title: m.chart.year,
            scale: { domain: yearLabels, range: [COLOURS.previous, COLOURS.value] },
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
  };
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
