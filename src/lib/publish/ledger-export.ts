import { stringify } from 'csv-stringify/sync';
import { formatTarget } from '../site/format.ts';
import type { Edition } from '../content/project.ts';
import type { Messages } from '../site/messages/index.ts';

/** The evaluated ledger of an edition as CSV rows (what `npm run ledger -- <year>` prints). */
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
  ];
  const rows = edition.entries.map((e) => [
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
  ]);
  return stringify([header, ...rows]);
}
