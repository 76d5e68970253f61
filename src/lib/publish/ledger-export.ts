import { stringify } from 'csv-stringify/sync';
import { formatTarget } from '../site/format.ts';
import type { Edition } from '../content/project.ts';

/** The evaluated ledger of an edition as CSV rows (what `npm run ledger -- <year>` prints). */
export function evaluatedLedgerCsv(edition: Edition): string {
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
    e.status,
    e.statusBy === 'editor' ? '编辑填写' : '系统计算',
    e.note,
  ]);
  return stringify([header, ...rows]);
}
