import { describe, expect, it } from 'vitest';

import { type ImportedRow, mergeLedger } from './ledger-merge.ts';

const LEDGER = 'indicator,period,value,target,status,note,source\nmfg,2025,,97%以上,,,\nfood,2025,98.1,,,,\n';
const row = (indicator: string, cells: ImportedRow['cells'], period = '2025'): ImportedRow => ({
  key: [indicator, period],
  cells,
  origins: {
    key: { file: `form.xlsx › 填报表!A${indicator.length}` },
    ...Object.fromEntries(Object.keys(cells).map((k) => [k, { file: `form.xlsx › 填报表!${k}` }])),
  },
});

describe('imported rows merged into a ledger', () => {
  it('fills empty cells, leaves cells the import left empty, and keeps the ledger’s shape', () => {
    const merged = mergeLedger(LEDGER, [row('mfg', { value: '97.3', note: '快报数', status: '' })]);
    expect(merged.text).toBe(
      'indicator,period,value,target,status,note,source\nmfg,2025,97.3,97%以上,,快报数,\nfood,2025,98.1,,,,\n',
    );
    expect(merged).toMatchObject({ filled: 2, added: 0, changes: [], problems: [] });
  });

  it('lists a differing filled cell as a change, and takes the same figure written otherwise as no change', () => {
    const merged = mergeLedger(LEDGER, [row('food', { value: '98.10' }), row('mfg', { value: '97.3' })]);
    expect(merged.changes).toEqual([]);
    const changed = mergeLedger(LEDGER, [row('food', { value: '98.4' })]);
    expect(changed.changes).toEqual([
      {
        key: ['food', '2025'],
        column: 'value',
        before: '98.1',
        after: '98.4',
        origin: { file: 'form.xlsx › 填报表!value' },
      },
    ]);
    expect(changed.text).toContain('food,2025,98.4,');
  });

  it('adds a row the ledger lacks, and a column it lacks', () => {
    const merged = mergeLedger('indicator,period,value,target\nmfg,2025,,\n', [
      row('coast', { value: '58.6', note: '复核' }, '2024'),
    ]);
    expect(merged.text).toBe('indicator,period,value,target,note\nmfg,2025,,,\ncoast,2024,58.6,,复核\n');
    expect(merged.added).toBe(1);
  });

  it('refuses one indicator and year imported twice, naming where it came from first', () => {
    const merged = mergeLedger(LEDGER, [row('mfg', { value: '97.3' }), row('mfg', { value: '97.4' })]);
    expect(merged.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: 'form.xlsx › 填报表!A3',
        message: expect.stringContaining('已从 form.xlsx › 填报表!A3 导入'),
      }),
    ]);
  });

  it('traces a line and column of the merged text to the cell it came from, past notes of several lines', () => {
    const merged = mergeLedger(LEDGER, [row('mfg', { note: '第一行\n第二行' }), row('food', { value: '约98' })]);
    const lines = merged.text.split('\n');
    const foodLine = lines.findIndex((l) => l.startsWith('food')) + 1;
    expect(foodLine).toBe(4);
    expect(merged.originOf(foodLine, 3)).toEqual({ file: 'form.xlsx › 填报表!value' });
    expect(merged.originOf(foodLine, 1)).toEqual({ file: 'form.xlsx › 填报表!A4' });
    expect(merged.originOf(1, 1)).toBeUndefined();
  });

  it('reads the header as check does, spaces around a name ignored', () => {
    const merged = mergeLedger('indicator ,period, value\nmfg,2025,\n', [row('mfg', { value: '97.3' })]);
    expect(merged.text).toBe('indicator,period,value\nmfg,2025,97.3\n');
  });

  it('keeps a byte-order mark and Windows line ends', () => {
    const merged = mergeLedger(`\uFEFF${LEDGER.replaceAll('\n', '\r\n')}`, [row('mfg', { value: '97.3' })]);
    expect(merged.text.startsWith('\uFEFFindicator,period')).toBe(true);
    expect(merged.text).toContain('mfg,2025,97.3,97%以上,,,\r\nfood');
  });

  it('puts the value and status of an indicator of a row naming several at its place in the lists', () => {
    const ledger =
      'indicator,period,value,target,status\ncounty、firm,2015,,县(区)100%开展;规模以上企业90%开展。,已完成\n';
    const merged = mergeLedger(ledger, [
      row('firm', { value: '85', status: '未完成' }, '2015'),
      row('county', { value: '100' }, '2015'),
    ]);
    expect(merged.text).toBe(
      'indicator,period,value,target,status\ncounty、firm,2015,100、85,县(区)100%开展;规模以上企业90%开展。,已完成、未完成\n',
    );
    expect(merged).toMatchObject({ filled: 2, added: 0, problems: [] });
    expect(merged.changes).toEqual([expect.objectContaining({ column: 'status', before: '已完成', after: '未完成' })]);
    const again = mergeLedger(merged.text, [row('county', { value: '99' }, '2015')]);
    expect(again.changes).toEqual([expect.objectContaining({ key: ['county', '2015'], before: '100', after: '99' })]);
    expect(again.text).toContain(',99、85,');
  });
});
