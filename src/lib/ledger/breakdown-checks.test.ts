import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT } from '../../../tests/helpers/project-copy.ts';
import { parseYamlData } from '../content/yaml-data.ts';
import { breakdownSchema } from '../model/schemas.ts';
import type { BreakdownDefinition, BreakdownTable } from './breakdown.ts';
import {
  breakdownWarnings,
  categoryWarnings,
  changeWarnings,
  indicatorWarnings,
  rateWarnings,
  shareWarnings,
  sumWarnings,
  tableWarnings,
} from './breakdown-checks.ts';
import { parseBreakdownTable } from './breakdown-table.ts';
import { evaluateLedgers } from './evaluation.ts';
import { parseCatalogue } from './indicator.ts';
import { parseLedger } from './ledger.ts';

/** The demo's definitions and tables, read from its files (each test breaks one figure of them). */
function definition(id: string): BreakdownDefinition {
  const file = `data/breakdowns/${id}.yaml`;
  const { data } = parseYamlData(readFileSync(join(ROOT, file), 'utf8'), file, breakdownSchema);
  return { id, ...data!, file };
}
function table(
  id: string,
  year: number,
  edit: (csv: string) => string = (csv) => csv,
  of: BreakdownDefinition = definition(id),
): BreakdownTable {
  const file = `data/breakdowns/${id}/${year}.csv`;
  const read = parseBreakdownTable(edit(readFileSync(join(ROOT, file), 'utf8')), file, of, year);
  expect(read.problems).toEqual([]);
  return read.table;
}
/** Replaces one row (found by its category) of a CSV. */
const row = (category: string, cells: string) => (csv: string) =>
  csv.replace(new RegExp(`^${category},.*$`, 'm'), `${category},${cells}`);
const said = (problems: ReturnType<typeof rateWarnings>) => problems.map((p) => [p.line, p.column, p.message]);

/** The ledger's evaluated entries of 2024 with spot_check_pass_rate at `value`, its catalogue row with `decimals`. */
function entries2024(value: string, decimals = '1') {
  const catalogue = parseCatalogue(
    `id,name,domain,unit,direction,type,decimals\nspot_check_pass_rate,产品质量监督抽查合格率,产品质量,%,higher,number,${decimals}\n`,
    'data/indicators.csv',
  ).indicators;
  const ledger = parseLedger(
    `indicator,period,value,target\nspot_check_pass_rate,2024,${value},\n`,
    'data/ledgers/2024.csv',
    new Map(catalogue.map((i) => [i.id, i])),
  );
  return evaluateLedgers(catalogue, [{ year: 2024, rows: ledger.rows }]).get(2024)!;
}
const entryWith = (value: string, decimals: string) => entries2024(value, decimals)[0]!;

/** A definition of the demo with one measure changed. */
function withMeasure(id: string, measure: string, patch: object): BreakdownDefinition {
  const base = definition(id);
  return { ...base, measures: base.measures.map((m) => (m.id === measure ? { ...m, ...patch } : m)) };
}

describe('the demo’s tables agree with one another, last year’s and the ledger', () => {
  it('says nothing of them', () => {
    expect(tableWarnings(table('spot_checks', 2024), table('spot_checks', 2023), undefined)).toEqual([]);
    expect(tableWarnings(table('spot_checks', 2023), null, undefined)).toEqual([]);
    expect(tableWarnings(table('spot_checks_by_size', 2024), null, undefined)).toEqual([]);
  });
});

describe('rateWarnings: a rate agrees with its counts to its published decimals', () => {
  it('198/203 is 97.5 and 192/203 is 94.6; anything else is said with both numbers', () => {
    expect(rateWarnings(table('spot_checks', 2024, row('total', '合计,,103,203,198,97.5,0.5,,')))).toEqual([]);
    expect(said(rateWarnings(table('spot_checks', 2024, row('total', '合计,,103,203,198,97.6,0.5,,'))))).toEqual([
      [2, 7, '“合计”的合格率写的是 97.6，而合格批次 198 ÷ 抽查批次 203 × 100 按 1 位小数为 97.5。'],
    ]);
    expect(said(rateWarnings(table('spot_checks', 2024, row('total', '合计,,103,203,192,94.5,0.5,,'))))).toEqual([
      [2, 7, '“合计”的合格率写的是 94.5，而合格批次 192 ÷ 抽查批次 203 × 100 按 1 位小数为 94.6。'],
    ]);
  });

  it('without decimals in the definition, to the decimals the cell is written with', () => {
    const asWritten = withMeasure('spot_checks', 'pass_rate', { decimals: null });
    const electrical = (rate: string) =>
      rateWarnings(table('spot_checks', 2023, row('electrical', `电子电器,,16,33,32,${rate},,,`), asWritten));
    // 32 ÷ 33 = 96.97
    expect(electrical('97.0')).toEqual([]);
    expect(electrical('97')).toEqual([]);
    expect(said(electrical('96.9'))).toEqual([
      [4, 7, expect.stringContaining('写的是 96.9，而合格批次 32 ÷ 抽查批次 33 × 100 按 1 位小数为 97.0')],
    ]);
    expect(said(electrical('96'))).toEqual([[4, 7, expect.stringContaining('按 0 位小数为 97')]]);
  });

  it('says nothing when a count is unknown', () => {
    expect(rateWarnings(table('spot_checks', 2024, row('total', '合计,,103,—,198,97.6,0.5,,')))).toEqual([]);
    expect(rateWarnings(table('spot_checks', 2024, row('total', '合计,,103,203,,97.6,0.5,,')))).toEqual([]);
  });
});

describe('sumWarnings: counts marked sums add up', () => {
  it('the top-level categories to the total', () => {
    const warnings = sumWarnings(table('spot_checks', 2024, row('daily_goods', '日用消费品,,24,47,46,95.8,2.6,,')));
    expect(said(warnings)).toEqual([[2, 5, '抽查批次：各大类之和为 202，合计为 203。']]);
  });

  it('a parent’s children to the parent, and not to the total', () => {
    const warnings = sumWarnings(table('spot_checks', 2024, row('fertilizer', '化肥,agri_inputs,9,13,11,78.6,-4.7,,')));
    expect(said(warnings)).toEqual([[7, 5, '“农业生产资料”的抽查批次为 24，其下各类之和为 23。']]);
  });

  it('says nothing when a part is unknown', () => {
    expect(sumWarnings(table('spot_checks', 2024, row('fertilizer', '化肥,agri_inputs,9,,11,78.6,-4.7,,')))).toEqual(
      [],
    );
  });

  it('figures written with decimals may each be off by half a unit of the last', () => {
    const sizes = (total: string) =>
      sumWarnings(
        table('spot_checks_by_size', 2024, (csv) =>
          [
            ['total', `合计,,${total},100.0,203,192,94.6,,`],
            ['large', '大型企业,,12.1,11.7,24,24,100.0,,'],
            ['medium', '中型企业,,31.2,30.1,62,60,96.8,,'],
            ['small', '小型企业,,60.3,58.3,117,108,92.3,,'],
          ].reduce((text, [category, cells]) => row(category!, cells!)(text), csv),
        ),
      );
    // 12.1 + 31.2 + 60.3 = 103.6; four rounded figures: 0.2 either way.
    expect(sizes('103.7')).toEqual([]);
    expect(said(sizes('103.9'))).toEqual([[2, 4, '抽查企业：各大类之和为 103.6，合计为 103.9。']]);
  });
});

describe('shareWarnings: shares agree with their counts and sum to 100 within rounding', () => {
  it('a share that is not its count ÷ the total’s', () => {
    const warnings = shareWarnings(table('spot_checks_by_size', 2024, row('large', '大型企业,,12,11.9,24,24,100.0,,')));
    expect(said(warnings)).toEqual([
      [3, 5, '“大型企业”的企业数占比写的是 11.9，而抽查企业 12 ÷ 合计抽查企业 103 × 100 按 1 位小数为 11.7。'],
      [2, 5, '企业数占比：3 个大类之和为 100.3，与 100 相差超过四舍五入最多能造成的 0.15。'],
    ]);
  });

  it('n shares may miss 100 by n half units: 100.1 of three passes, 100.2 does not', () => {
    const withoutTotal = (medium: string) =>
      shareWarnings(
        table('spot_checks_by_size', 2024, (csv) =>
          row('medium', `中型企业,,31,${medium},62,60,96.8,,`)(csv.replace(/^total,.*\n/m, '')),
        ),
      );
    expect(withoutTotal('30.1')).toEqual([]);
    expect(said(withoutTotal('30.2'))).toEqual([
      [2, 5, '企业数占比：3 个大类之和为 100.2，与 100 相差超过四舍五入最多能造成的 0.15。'],
    ]);
  });
});

describe('changeWarnings: a change agrees with the previous edition’s figure for the category', () => {
  const previous = table('spot_checks', 2023);
  const daily = (change: string) =>
    changeWarnings(table('spot_checks', 2024, row('daily_goods', `日用消费品,,24,48,46,95.8,${change},,`)), previous);

  it('now − then of the figures as published, both said', () => {
    expect(daily('2.6')).toEqual([]);
    expect(said(daily('2.9'))).toEqual([
      [3, 8, '“日用消费品”的合格率比上年写的是 2.9，而上年（2023年版）为 93.2、本年为 95.8，变化为 2.6。'],
    ]);
  });

  it('of a rate, as the report may have taken it before rounding: 2.7 passes, 2.8 does not', () => {
    expect(daily('2.7')).toEqual([]);
    expect(daily('2.8')).toHaveLength(1);
  });

  it('of a count, exactly', () => {
    const ofBatches = withMeasure('spot_checks', 'change', { decimals: 0, role: { kind: 'change', of: 'batches' } });
    const batches = (change: string) =>
      changeWarnings(
        table('spot_checks', 2024, row('daily_goods', `日用消费品,,24,48,46,95.8,${change},,`), ofBatches),
        table('spot_checks', 2023, (csv) => csv, ofBatches),
      ).filter((p) => p.line === 3);
    expect(batches('4')).toEqual([]);
    expect(said(batches('5'))).toEqual([[3, 8, expect.stringContaining('变化为 4。')]]);
  });

  it('a change of a category the previous table lacks has nothing to compare with; no previous table, no check', () => {
    const without = table('spot_checks', 2023, (csv) => csv.replace(/^daily_goods,.*\n/m, ''));
    expect(said(changeWarnings(table('spot_checks', 2024), without))).toEqual([
      [3, 8, '“日用消费品”写了合格率比上年，但 2023 年版的这张表中没有这一分类，无从比较。'],
    ]);
    expect(
      changeWarnings(table('spot_checks', 2024, row('daily_goods', '日用消费品,,24,48,46,95.8,9.9,,')), null),
    ).toEqual([]);
  });
});

describe('categoryWarnings: categories that appeared or vanished, in one warning', () => {
  /** 机械及安全防护 (machinery) gone, 玩具 (toys) in its place. */
  const renamed = (csv: string) => row('machinery', '玩具,,20,40,38,95.0,,,')(csv).replace(/^machinery,/m, 'toys,');

  it('names them, at the total row; a renamed category keeps its id and is not named', () => {
    expect(categoryWarnings(table('spot_checks', 2024), table('spot_checks', 2023))).toEqual([]);
    expect(said(categoryWarnings(table('spot_checks', 2024, renamed), table('spot_checks', 2023)))).toEqual([
      [2, 1, '与 2023 年版相比，新出现的分类：“玩具”（toys）；不再出现的分类：“机械及安全防护”（machinery）。'],
    ]);
  });

  it('is settled by the total row’s checked cell', () => {
    const checked = (csv: string) => row('total', '合计,,103,203,192,94.6,0.5,,2024年起玩具单列')(renamed(csv));
    expect(categoryWarnings(table('spot_checks', 2024, checked), table('spot_checks', 2023))).toEqual([
      expect.objectContaining({ settled: '2024年起玩具单列' }),
    ]);
  });
});

describe('indicatorWarnings: the total of the chart measure is the ledger’s value of the indicator', () => {
  it('agrees to the coarser of the two figures’ decimals, and says both when it does not', () => {
    expect(indicatorWarnings(table('spot_checks', 2024), entryWith('94.6', '1'))).toEqual([]);
    expect(indicatorWarnings(table('spot_checks', 2024), entryWith('95', ''))).toEqual([]);
    expect(said(indicatorWarnings(table('spot_checks', 2024), entryWith('94.7', '1')))).toEqual([
      [2, 7, '合计的合格率为 94.6，而台账中“产品质量监督抽查合格率”2024年为 94.7。'],
    ]);
    expect(indicatorWarnings(table('spot_checks', 2024), entryWith('96', ''))).toHaveLength(1);
  });

  it('says nothing when the ledger has no value; a table without a total cannot be checked, which is said', () => {
    expect(indicatorWarnings(table('spot_checks', 2024), entryWith('', '1'))).toEqual([]);
    expect(indicatorWarnings(table('spot_checks', 2024), undefined)).toEqual([]);
    const noTotal = table('spot_checks', 2024, (csv) => csv.replace(/^total,.*\n/m, ''));
    expect(said(indicatorWarnings(noTotal, entryWith('94.6', '1')))).toEqual([
      [1, undefined, '这张表分列的是指标“产品质量监督抽查合格率”，但没有合计行（total），无法与台账核对。'],
    ]);
  });
});

describe('settling: a row’s checked cell settles the warnings on that row, with its reason', () => {
  it('keeps the warning, settled', () => {
    const checked = table('spot_checks', 2024, row('total', '合计,,103,203,192,94.5,0.5,,原报告如此'));
    expect(rateWarnings(checked)).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, settled: '原报告如此' }),
    ]);
    expect(
      rateWarnings(table('spot_checks', 2024, row('total', '合计,,103,203,192,94.5,0.5,,')))[0],
    ).not.toHaveProperty('settled');
  });
});

describe('breakdownWarnings: each edition’s tables against the previous edition’s and its ledger', () => {
  const wrongChange = table('spot_checks', 2024, row('daily_goods', '日用消费品,,24,48,46,95.8,2.9,,'));
  const editions = [
    { year: 2022, allEntries: [], breakdowns: [] },
    { year: 2023, allEntries: [], breakdowns: [table('spot_checks', 2023)] },
    { year: 2024, allEntries: entries2024('94.7'), breakdowns: [wrongChange] },
  ];

  it('compares with the latest edition before, when it publishes the breakdown, and with the edition’s ledger', () => {
    expect(said(breakdownWarnings(editions))).toEqual([
      [3, 8, expect.stringContaining('写的是 2.9')],
      [2, 7, expect.stringContaining('台账中“产品质量监督抽查合格率”2024年为 94.7')],
    ]);
    // 2023 is not loaded (a draft, for the build): 2022 comes before 2024, and has no such table.
    expect(said(breakdownWarnings([editions[0]!, editions[2]!]))).toEqual([
      [2, 7, expect.stringContaining('2024年为 94.7')],
    ]);
  });
});
