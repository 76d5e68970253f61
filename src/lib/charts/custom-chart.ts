import { chartKey, type ChartRef } from '../model/chart-ref.ts';
import type { Edition, Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';
import type { ChartModel } from './chart-model.ts';
import { plottedData } from './chart-svg.ts';
import { customChartSpec } from './custom-chart-spec.ts';

/** What a custom spec's encodings may name, as far as its table needs (the spec is the editor's JSON). */
interface FieldDef {
  field?: string;
  aggregate?: string;
  title?: string | null;
}
interface Encoded {
  encoding?: Record<string, FieldDef | FieldDef[]>;
  layer?: Encoded[];
  description?: string;
}

/**
 * The columns of a custom chart's table: every field its encodings show (tooltip included), in the order
 * the spec names them, as the key the plotted records carry (`mean_value` for an aggregate) and the
 * Chinese title other charts' tables use for it (the editor's own title for a field they calculated).
 */
function plottedColumns(
  spec: Encoded,
  records: ReadonlyArray<Record<string, unknown>>,
  m: Messages,
): Array<{ key: string; title: string }> {
  const specs = [spec, ...(spec.layer ?? [])];
  const defs = specs.flatMap((s) => Object.values(s.encoding ?? {}).flat());
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

/** An editor's Vega-Lite spec over the edition's ledger; its table and summary give what it plots. */
export function customChart(
  project: Project,
  edition: Edition,
  ref: Extract<ChartRef, { kind: 'custom' }>,
  spec: unknown,
): ChartModel {
  const m = messagesFor(project.site.language);
  const withData = customChartSpec(project, edition, spec);
  // The table, the CSV and the summary give what the chart draws, not the whole ledger it was given.
  const plotted = plottedData(withData);
  const written = spec as Encoded;
  const columns = plottedColumns(written, plotted, m);
  return {
    key: chartKey(ref),
    title: ref.title,
    summary: m.chart.customSummary(written.description ?? ref.title, edition.year, plotted.length),
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
