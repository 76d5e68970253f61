import { describe, expect, it } from 'vitest';

import type { BreakdownDefinition } from './breakdown.ts';
import { breakdownFileColumns, mergeBreakdown } from './breakdown-file.ts';
import type { ImportedRow } from './ledger-merge.ts';

const definition: BreakdownDefinition = {
  id: 'by_size',
  title: '按企业规模',
  dimension: '企业规模',
  indicator: null,
  measures: [
    { id: 'batches', name: '抽查批次', unit: '批次', decimals: null, role: { kind: 'count', sums: true } },
    {
      id: 'pass_rate',
      name: '合格率',
      unit: '%',
      decimals: 1,
      role: { kind: 'rate', numerator: 'p', denominator: 'b' },
    },
  ],
  chart: 'pass_rate',
  bands: [],
  file: 'data/breakdowns/by_size.yaml',
};
const row = (category: string, cells: Record<string, string>): ImportedRow<string> => ({
  key: [category],
  cells,
  origins: {
    key: { file: `form.xlsx › 按企业规模!A${category.length}` },
    ...Object.fromEntries(Object.keys(cells).map((k) => [k, { file: `form.xlsx › 按企业规模!${k}` }])),
  },
});

describe('a breakdown’s year file merged with the rows a form brought back', () => {
  it('is written with the definition’s columns when the year has no file yet, each category whole', () => {
    expect(breakdownFileColumns(definition)).toEqual([
      'category',
      'name',
      'parent',
      'batches',
      'pass_rate',
      'note',
      'checked',
    ]);
    const merged = mergeBreakdown(
      '',
      [
        row('total', { name: '合计', parent: '', batches: '203', pass_rate: '94.6' }),
        row('small', { name: '小型企业', parent: '', batches: '117' }),
      ],
      definition,
    );
    expect(merged.text).toBe(
      'category,name,parent,batches,pass_rate,note,checked\ntotal,合计,,203,94.6,,\nsmall,小型企业,,117,,,\n',
    );
    expect(merged).toMatchObject({ added: 2, changes: [], problems: [] });
  });

  it('fills the empty cells of a file new-edition wrote, and lists a figure that differs as a change', () => {
    const file = 'category,name,parent,batches,pass_rate,note,checked\ntotal,合计,,,,,\nsmall,小型企业,,110,,,\n';
    const merged = mergeBreakdown(
      file,
      [
        row('total', { name: '合计', parent: '', batches: '203' }),
        row('small', { name: '小型企业', parent: '', batches: '117' }),
      ],
      definition,
    );
    expect(merged.text).toBe(
      'category,name,parent,batches,pass_rate,note,checked\ntotal,合计,,203,,,\nsmall,小型企业,,117,,,\n',
    );
    expect(merged.changes).toEqual([
      {
        key: ['small'],
        column: 'batches',
        before: '110',
        after: '117',
        origin: { file: 'form.xlsx › 按企业规模!batches' },
      },
    ]);
  });

  it('refuses one category brought twice, naming where it came from first', () => {
    const merged = mergeBreakdown('', [row('small', { batches: '117' }), row('small', { batches: '118' })], definition);
    expect(merged.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: '类别 small 的数据重复：已从 form.xlsx › 按企业规模!A5 导入。',
      }),
    ]);
  });
});
