import { describe, expect, it } from 'vitest';

import { type EditionLedger, entryAt, entryOf, evaluateLedgers } from './evaluation.ts';
import type { Indicator } from './indicator.ts';
import type { LedgerRow } from './ledger.ts';
import { parseTarget } from './target.ts';

const indicator = (id: string, direction: 'higher' | 'lower' = 'higher'): Indicator => ({
  id,
  name: id,
  domain: 'd',
  group: '',
  unit: '%',
  direction,
  type: 'number',
  decimals: 1,
  definition: '',
  source: 'catalogue source',
});
const row = (
  id: string,
  period: number | string,
  value: number | string | null,
  target = '',
  extra: Partial<LedgerRow> = {},
) => {
  const parsed = target ? parseTarget(target) : null;
  return {
    indicator: id,
    period: String(period),
    value,
    target: parsed && parsed.ok ? parsed.target : null,
    editorStatus: null,
    note: '',
    source: '',
    checked: '',
    file: `data/ledgers/x.csv`,
    line: 2,
    ...extra,
  } satisfies LedgerRow;
};

const indicators = [indicator('a'), indicator('pm', 'lower')];
const ledgers: EditionLedger[] = [
  { year: 2022, rows: [row('a', 2021, 95), row('a', 2022, 96, '≥96'), row('pm', 2022, 30, '稳步下降')] },
  // 2023 restates 2022's value of “a” (96 → 97) and reports pm without a baseline row.
  { year: 2023, rows: [row('a', 2022, 97), row('a', 2023, 96.5, '≥97'), row('pm', 2023, 31, '稳步下降')] },
];
const evaluated = evaluateLedgers(indicators, ledgers);
const editions = ledgers.map((l) => ({ year: l.year, allEntries: evaluated.get(l.year)! }));

describe('evaluateLedgers: the one evaluation', () => {
  it('evaluates every row of every edition, sorted by period then catalogue order', () => {
    expect(evaluated.get(2022)!.map((e) => `${e.period}:${e.indicator.id}`)).toEqual(['2021:a', '2022:a', '2022:pm']);
  });

  it('takes the previous value from the edition’s own rows first (a restatement wins)', () => {
    const a2023 = entryOf(editions[1]!, 'a')!;
    expect(a2023.previous).toBe(97);
    expect(a2023.change).toBeCloseTo(-0.5);
    expect(a2023.status).toBe('not_met');
  });

  it('falls back to the previous period’s own edition, for trend targets too', () => {
    const pm2023 = entryOf(editions[1]!, 'pm')!;
    expect(pm2023.previous).toBe(30);
    expect(pm2023.status).toBe('not_met'); // 稳步下降 but 30 → 31
  });

  it('no target or no previous value: not assessed; source falls back to the catalogue', () => {
    const base = evaluated.get(2022)![0]!;
    expect(base).toMatchObject({ period: '2021', status: 'not_assessed', statusBy: 'computed', previous: null });
    expect(base.source).toBe('catalogue source');
    expect(entryOf(editions[0]!, 'pm')!.status).toBe('not_assessed');
  });

  it('the editor’s status wins and is marked as the editor’s', () => {
    const [result] = evaluateLedgers(
      [indicator('a')],
      [{ year: 2022, rows: [row('a', 2022, 90, '≥96', { editorStatus: 'policy_changed' })] }],
    ).get(2022)!;
    expect(result).toMatchObject({ status: 'policy_changed', statusBy: 'editor' });
  });

  it('leaves out rows of indicators not in the catalogue (reported as errors elsewhere)', () => {
    expect(evaluateLedgers([indicator('a')], [{ year: 2022, rows: [row('zz', 2022, 1)] }]).get(2022)).toEqual([]);
  });
});

describe('entryAt: the vintage rule', () => {
  it('an edition quotes its own figure, else that period’s edition, else the latest earlier edition', () => {
    expect(entryAt(editions, editions[1]!, 'a', '2022')!).toMatchObject({ edition: 2023, value: 97 });
    expect(entryAt(editions, editions[0]!, 'a', '2022')!).toMatchObject({ edition: 2022, value: 96 });
    expect(entryAt(editions, editions[1]!, 'a', '2021')!).toMatchObject({ edition: 2022, value: 95 });
    expect(entryAt(editions, editions[1]!, 'a', '2019')).toBeUndefined();
  });
});

describe('baselines: what a reader needs to check a verdict against a base', () => {
  const emissions = indicator('so2', 'lower');
  const awards = indicator('awards');
  const judged = (rows: LedgerRow[], year = 2015) => evaluateLedgers([emissions, awards], [{ year, rows }]).get(year)!;

  it('carries the base year, its value and the limit it implies', () => {
    const [entry] = judged([row('so2', 2010, 10), row('so2', 2015, 8.4, '在2010年基础上下降15.2%')]).filter(
      (e) => e.period === '2015',
    );
    expect(entry).toMatchObject({
      status: 'met',
      baseline: { period: '2010', value: 10, limit: 8.48, op: '<=' },
    });
  });

  it('finds a period’s value under its years, and its end under its last year', () => {
    const entries = judged([row('awards', '2006-2010', 40), row('awards', 2015, 45, '较“十一五”时期增加15%')]);
    // The period's own row is a base, not an entry of the edition.
    expect(entries.map((e) => `${e.indicator.id} ${e.period}`)).toEqual(['awards 2015']);
    expect(entries[0]).toMatchObject({
      status: 'not_met',
      baseline: { period: '2006-2010', value: 40, limit: 46, op: '>=' },
    });
    const [, end] = judged([row('so2', 2015, 10), row('so2', 2020, 9, '比“十二五”末下降10%')], 2020);
    expect(end).toMatchObject({ status: 'met', baseline: { period: '2015', value: 10, limit: 9, op: '<=' } });
  });

  it('takes 较上年 from the year before', () => {
    const [entry] = judged([row('awards', 2014, 90), row('awards', 2015, 92, '较上年提高2个百分点')]).filter(
      (e) => e.period === '2015',
    );
    expect(entry).toMatchObject({ status: 'met', baseline: { period: '2014', value: 90, limit: 92, op: '>=' } });
  });

  it('leaves the target not assessed and says which base value is missing', () => {
    const [entry] = judged([row('awards', 2015, 45, '较“十一五”时期增加15%')]);
    expect(entry).toMatchObject({
      status: 'not_assessed',
      baseline: { period: '2006-2010', value: null, limit: null, op: '>=' },
    });
    expect(entry!.target?.text).toBe('较“十一五”时期增加15%');
  });

  it('has no baseline for a target that names none', () => {
    expect(judged([row('awards', 2015, 45, '≥40')])[0]!.baseline).toBeNull();
  });
});
