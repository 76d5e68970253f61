import { stringify } from 'csv-stringify/sync';

import { formatTarget } from '../model/format.ts';
import type { Edition } from '../model/project.ts';
import type { Messages } from '../site/messages/index.ts';
import { neutralised } from './csv-export.ts';

/**
 * The evaluated ledger of an edition as CSV rows (what `npm run ledger -- <year>` prints), with the plan's
 * end-year target, the value it is measured by and the progress in a plan's middle years. Formulas in
 * text cells are neutralised as in every download: the editor opens this file in Excel too.
 */
export function evaluatedLedgerCsv(edition: Edition, m: Messages): string {
  const header = [
    'indicator',
    'name',
    'domain',
    'unit',
    'period',
    'value',
    'previous',
    'change',
    'target',
    'status',
    'status_by',
    'note',
    'plan_target',
    'plan_value',
    'plan_progress',
  ];
  const rows = edition.yearEntries.map((e) => [
    e.indicator.id,
    e.indicator.name,
    e.indicator.domain,
    e.indicator.unit,
    e.period,
    e.value ?? '',
    e.previous ?? '',
    e.change === null ? '' : Number(e.change.toFixed(6)),
    formatTarget(e.target, e.indicator),
    m.status[e.status],
    m.statusBy[e.statusBy],
    e.note,
    e.plan
      ? m.plan.column(e.plan.plan.short, e.plan.target.year) + formatTarget(e.plan.target.target, e.indicator)
      : '',
    e.plan?.value ?? '',
    e.plan?.progress ? m.progress[e.plan.progress] : '',
  ]);
  return stringify([header, ...rows.map((r) => r.map(neutralised))]);
}
