import type { TopLevelSpec } from 'vega-lite';

import { formatTarget } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { messagesFor } from '../site/messages/index.ts';
import { ledgerSeries } from './chart-data.ts';
import { BASE_CONFIG } from './chart-tokens.ts';

/**
 * An editor's custom spec as the site renders it: the shared look under the editor's settings, and the
 * edition's ledger (every period, number indicators) as its data, in place of `{"name": "ledger"}`.
 * The one construction for the page (custom-chart.ts#customChart) and the trial render of validation
 * (chart-trial.ts), so what is tried is exactly what is built. No Vega here: validation loads none.
 * The editor's JSON is the one spec the compiler cannot check: spec-rules.ts and the trial render do.
 */
export function customChartSpec(project: Project, edition: Edition, spec: unknown): TopLevelSpec {
  const m = messagesFor(project.site.language);
  const values = ledgerSeries(project, edition).map((e) => ({
    indicator: e.indicator.id,
    name: e.indicator.name,
    domain: e.indicator.domain,
    unit: e.indicator.unit,
    period: e.period,
    value: e.value as number,
    target: formatTarget(e.target, e.indicator),
    status: m.status[e.status],
  }));
  return { config: BASE_CONFIG, ...(spec as object), data: { values } } as unknown as TopLevelSpec;
}
