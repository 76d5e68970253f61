import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readBreakdowns, withFigures } from '../../../tests/helpers/breakdowns.ts';
import type { BreakdownTable } from '../ledger/breakdown.ts';
import { messagesFor } from '../site/messages/index.ts';
import { bandCounts, breakdownSummary, changesOnLastYear } from './breakdown-summary.ts';
import { categoryLines, chartMeasure } from './breakdown-table.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const m = messagesFor();
const demo = readBreakdowns(ROOT);
const spot = demo.get('spot_checks')!;
const [t2023, t2024] = [spot.get(2023)!, spot.get(2024)!];
const bySize = demo.get('spot_checks_by_size')!.get(2024)!;
const rate = chartMeasure(t2024);

/** The table as if its report had no change column: its change on last year is then worked out from last year's table. */
const withoutChangeColumn = (table: BreakdownTable): BreakdownTable => ({
  ...table,
  definition: { ...table.definition, measures: table.definition.measures.filter((x) => x.role.kind !== 'change') },
});

describe('a breakdown’s summary', () => {
  it('names the lowest and the highest 大类 and the total with its change on last year, in the catalogue’s words', () => {
    expect(breakdownSummary(t2024, t2023, rate, m)).toMatch(
      /^6个大类中合格率最低的是农业生产资料（83\.3%），最高的是食品相关产品（100\.0%）；合计94\.6%，比上年提高0\.5个百分点。/,
    );
    // A table without categories under others, and without last year's: its categories and its total only.
    expect(breakdownSummary(bySize, null, rate, m)).toBe(
      '按企业规模分的3类中合格率最低的是小型企业（92.3%），最高的是大型企业（100.0%）；合计94.6%。图中竖线为合计。',
    );
  });

  it('counts the 大类 in each band of the definition, high to low, an edge belonging to the band above it', () => {
    const top = categoryLines(t2024, m).filter((l) => l.depth === 0);
    const bands = bandCounts(t2024.definition.bands, top, rate, m);
    expect(bands).toEqual([
      { label: '100%', count: 1 },
      // 95.0 is on the edge: in 95%—100%.
      { label: '95%—100%', count: 3 },
      { label: '90%—95%', count: 1 },
      { label: '90%以下', count: 1 },
    ]);
    expect(bands.reduce((n, b) => n + b.count, 0)).toBe(top.length);
    expect(breakdownSummary(t2024, t2023, rate, m)).toContain(
      '合格率100%的1类，95%—100%的3类，90%—95%的1类，90%以下的1类。',
    );
    // Empty bands are left out; a top edge below 100 is “及以上”.
    expect(bandCounts([99, 90], top, rate, m)).toEqual([
      { label: '99%及以上', count: 1 },
      { label: '90%—99%', count: 4 },
      { label: '90%以下', count: 1 },
    ]);
  });

  it('says which 大类 rose and fell the most, from the table’s change column, naming the column', () => {
    expect(breakdownSummary(t2024, t2023, rate, m)).toContain(
      '与上年相比，3类提高、1类下降、2类持平（表中“合格率比上年”一列）；提高最多的是日用消费品（2.6个百分点），下降最多的是农业生产资料（3.1个百分点）。',
    );
  });

  it('works the change out from last year’s table by category id when the table has no change column, and says so', () => {
    const without = withoutChangeColumn(t2024);
    const computed = changesOnLastYear(without, t2023, rate, m)!;
    // The same changes as the report's own column, category by category and for the total.
    const column = changesOnLastYear(t2024, null, rate, m)!;
    expect(Object.fromEntries(computed.byCategory)).toEqual(Object.fromEntries(column.byCategory));
    expect(computed.total).toBe(t2024.total!.values.change);
    const summary = breakdownSummary(without, t2023, rate, m);
    expect(summary).toContain('合计94.6%，比上年提高0.5个百分点。');
    // The renamed 日用及纺织品 is found by its id and named both ways.
    expect(summary).toContain(
      '与上年相比，3类提高、1类下降、2类持平（按2023年版中的同一类别计算）；提高最多的是日用消费品（2.6个百分点，上年称“日用及纺织品”），下降最多的是农业生产资料（3.1个百分点）。',
    );
    // Without last year's table there is nothing to compare with, and nothing is said of a change.
    expect(breakdownSummary(without, null, rate, m)).not.toMatch(/上年|提高|下降/);
  });

  it('names the year compared with when the editions skip one, and counts in 增加/减少', () => {
    const earlier = { ...t2023, year: 2022 };
    const batches = chartMeasure(t2024, 'batches');
    const summary = breakdownSummary(t2024, earlier, batches, m);
    expect(summary).toContain('合计203批次，比2022年增加17批次。');
    expect(summary).toContain(
      '与2022年相比，5类增加、1类持平（按2022年版中的同一类别计算）；增加最多的是食品相关产品（5批次）。',
    );
  });

  it('lists tied categories together, says when all are equal, and names those without a figure', () => {
    const tied = withFigures(t2024, { electrical: { pass_rate: 100 }, agri_inputs: { pass_rate: null } });
    expect(breakdownSummary(tied, null, rate, m)).toMatch(
      /^6个大类中合格率最低的是建筑和装饰装修材料（93\.3%），最高的是电子电器、食品相关产品（100\.0%）；合计94\.6%，.*农业生产资料没有数值，图中以“—”表示。$/,
    );
    const same = withFigures(bySize, Object.fromEntries(bySize.rows.map((r) => [r.category, { pass_rate: 95 }])));
    expect(breakdownSummary(same, null, rate, m)).toMatch(/^按企业规模分的3类的合格率都是95\.0%；/);
    const one = withFigures(bySize, { large: { pass_rate: null }, medium: { pass_rate: null } });
    expect(breakdownSummary(one, null, rate, m)).toMatch(/^按企业规模分的3类中只有小型企业有合格率数值（92\.3%）；/);
    const none = withFigures(
      bySize,
      Object.fromEntries([...bySize.rows, bySize.total!].map((r) => [r.category, { pass_rate: null }])),
    );
    expect(breakdownSummary(none, null, rate, m)).toBe(
      '按企业规模分的3类都没有合格率数值。大型企业、中型企业、小型企业没有数值，图中以“—”表示。',
    );
  });
});
