import { describe, expect, it } from 'vitest';

import { evaluateLedgers } from './evaluation.ts';
import { parseCatalogue } from './indicator.ts';
import { parseLedger } from './ledger.ts';
import { namesItsYears, parsePlanTargets, type Plan } from './plan.ts';

const catalogue = new Map(
  parseCatalogue(
    [
      'id,name,domain,unit,direction',
      'pass_rate,制造业产品质量合格率,产品质量,%,higher',
      'awards,区长质量奖,综合指标,家,higher',
      'standards,制订“浙江制造”标准,产品质量,项,higher',
      'emissions,主要污染物排放量,环境质量,万吨,lower',
      'pm25,细颗粒物浓度,环境质量,微克/立方米,lower',
    ].join('\n'),
    'data/indicators.csv',
  ).indicators.map((i) => [i.id, i]),
);

const plan = (csv: string): Plan => {
  const { targets, problems } = parsePlanTargets(
    csv,
    'data/plans/2021-2025.csv',
    { start: 2021, end: 2025 },
    catalogue,
  );
  expect(problems).toEqual([]);
  return {
    stages: [],
    id: '2021-2025',
    name: '质量强区“十四五”发展规划',
    short: '“十四五”',
    start: 2021,
    end: 2025,
    base: 2020,
    source: { title: '质量强区“十四五”发展规划' },
    targets,
    file: 'data/plans/2021-2025.yaml',
  };
};

const PLAN = plan(
  [
    'indicator,target,year,name',
    'pass_rate,96%以上,,',
    'awards,新增5家以上,,',
    'standards,7,,制订“浙江制造”标准（新增）',
    'emissions,比2020年下降15%,,',
    'pm25,≤25,,',
    'pm25,≤28,2023,',
  ].join('\n'),
);

/** Ledgers of years 2020 (base) … up to `last`, each row `id,value[,target,status]`. */
function evaluate(rowsByYear: Record<number, string[]>) {
  const ledgers = Object.entries(rowsByYear).map(([year, rows]) => ({
    year: Number(year),
    rows: parseLedger(
      [
        'indicator,period,value,target,status',
        ...rows.map((r) => `${r.replace(/^(\w+),/, `$1,${year},`)},,`.split(',').slice(0, 5).join(',')),
      ].join('\n'),
      `data/ledgers/${year}.csv`,
      catalogue,
    ).rows,
  }));
  return evaluateLedgers([...catalogue.values()], ledgers, [PLAN]);
}
const entry = (result: ReturnType<typeof evaluate>, year: number, id: string) =>
  result.get(year)!.find((e) => e.indicator.id === id && e.period === String(year))!;

describe('plan targets', () => {
  it('reads the plan’s kinds of target', () => {
    expect(PLAN.targets.map((t) => [t.indicator, t.year, t.kind])).toEqual([
      ['pass_rate', 2025, 'end'],
      ['awards', 2025, 'cumulative'],
      ['standards', 2025, 'cumulative'],
      ['emissions', 2025, 'base'],
      ['pm25', 2025, 'end'],
      ['pm25', 2023, 'annual'],
    ]);
  });

  it('refuses a year outside the plan, an unknown indicator, a duplicate and an unreadable target, each located', () => {
    const { problems } = parsePlanTargets(
      'indicator,target,year\npass_rate,96%以上,2030\nnope,1,\npm25,≤25,\npm25,≤24,\nawards,≥≥5,\n',
      'p.csv',
      { start: 2021, end: 2025 },
      catalogue,
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 3],
      [3, 1],
      [5, 1],
      [6, 2],
    ]);
  });

  it('keeps a target whose only problem is a warning (a unit the catalogue lacks), with the warning', () => {
    const unitless = new Map(
      parseCatalogue('id,name,domain,unit,direction\nawards,区长质量奖,综合指标,,higher\n', 'c.csv').indicators.map(
        (i) => [i.id, i],
      ),
    );
    const { targets, problems } = parsePlanTargets(
      'indicator,target\nawards,5个以上\n',
      'p.csv',
      { start: 2021, end: 2025 },
      unitless,
    );
    expect(targets.map((t) => t.target.text)).toEqual(['5个以上']);
    expect(problems).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 2 })]);
  });

  it('reads a row naming several indicators: each its part of the printed cell, its own name, the cell kept', () => {
    const cell = '制造业产品质量合格率达到96%以上;区长质量奖新增5家以上。';
    const { targets, problems } = parsePlanTargets(
      `indicator,target,year,name\npass_rate、awards,${cell},,制造业合格率、区长质量奖\nstandards、awards,5项、3家,2023,\n`,
      'p.csv',
      { start: 2021, end: 2025 },
      catalogue,
    );
    expect(problems).toEqual([]);
    expect(targets.map((t) => [t.indicator, t.year, t.kind, t.name, t.target.text, t.target.cell])).toEqual([
      ['pass_rate', 2025, 'end', '制造业合格率', '制造业产品质量合格率达到96%以上', cell],
      ['awards', 2025, 'cumulative', '区长质量奖', '区长质量奖新增5家以上', cell],
      ['standards', 2023, 'annual', '制订“浙江制造”标准', '5项', '5项、3家'],
      ['awards', 2023, 'annual', '区长质量奖', '3家', '5项、3家'],
    ]);
  });

  it('locates a missing target once for the row, and names that do not fit its ids', () => {
    const { problems } = parsePlanTargets(
      'indicator,target,year,name\npass_rate、awards,,,\npass_rate、awards,96%、5家,2023,甲、乙、丙\n',
      'p.csv',
      { start: 2021, end: 2025 },
      catalogue,
    );
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 2, '目标（target）为空。'],
      [3, 4, 'indicator 列列出 2 个指标，name 列的个数与之不同。'],
    ]);
  });

  it('judges the end year by the plan’s target when the ledger has none of its own', () => {
    const result = evaluate({ 2025: ['pass_rate,96.2', 'pm25,26'] });
    expect(entry(result, 2025, 'pass_rate')).toMatchObject({ status: 'met', plan: null });
    expect(entry(result, 2025, 'pass_rate').target?.text).toBe('96%以上');
    expect(entry(result, 2025, 'pm25').status).toBe('not_met');
  });

  it('the ledger’s own target for the year wins over the plan’s', () => {
    const result = evaluate({ 2025: ['pass_rate,95.5,≥95'] });
    expect(entry(result, 2025, 'pass_rate')).toMatchObject({ status: 'met' });
  });

  it('uses a yearly target the plan sets for that year', () => {
    const result = evaluate({ 2020: ['pm25,30'], 2023: ['pm25,28.5'] });
    expect(entry(result, 2023, 'pm25')).toMatchObject({ status: 'not_met' });
    expect(entry(result, 2023, 'pm25').target?.text).toBe('≤28');
  });

  it('sums counts over the plan’s years and shows progress in the middle years', () => {
    const result = evaluate({
      2021: ['awards,1', 'standards,2'],
      2022: ['awards,1', 'standards,1'],
      2023: ['awards,1', 'standards,0'],
    });
    // 3 of 5 after three years: 1 a year needed, 1 a year done.
    expect(entry(result, 2023, 'awards').plan).toMatchObject({ value: 3, progress: 'on_track' });
    // 3 of 7 after three years: 1.4 a year needed, 1 a year done.
    expect(entry(result, 2023, 'standards').plan).toMatchObject({ value: 3, progress: 'slow' });
  });

  it('gives the plan’s verdict on a count in its end year', () => {
    const years = {
      2021: ['awards,1'],
      2022: ['awards,2'],
      2023: ['awards,0'],
      2024: ['awards,1'],
      2025: ['awards,1'],
    };
    expect(entry(evaluate(years), 2025, 'awards')).toMatchObject({ status: 'met' });
    expect(entry(evaluate({ ...years, 2025: ['awards,0'] }), 2025, 'awards')).toMatchObject({ status: 'not_met' });
  });

  it('judges a base-year target against the base year’s value, in the middle years and at the end', () => {
    const years = { 2020: ['emissions,40'], 2022: ['emissions,37'] };
    // Goal 34 (40 − 15%): 1.2 a year needed, 1.5 a year done.
    expect(entry(evaluate(years), 2022, 'emissions').plan).toMatchObject({
      value: 37,
      progress: 'on_track',
      baseline: { period: '2020', value: 40, limit: 34, op: '<=' },
    });
    expect(entry(evaluate({ ...years, 2025: ['emissions,34'] }), 2025, 'emissions')).toMatchObject({
      status: 'met',
      baseline: { period: '2020', value: 40, limit: 34 },
    });
    expect(entry(evaluate({ ...years, 2025: ['emissions,34.1'] }), 2025, 'emissions').status).toBe('not_met');
  });

  it('says when the value already meets the end-year target, and when it moves away', () => {
    const result = evaluate({ 2020: ['pass_rate,95', 'pm25,27'], 2022: ['pass_rate,96.5', 'pm25,29'] });
    expect(entry(result, 2022, 'pass_rate').plan?.progress).toBe('achieved');
    expect(entry(result, 2022, 'pm25').plan?.progress).toBe('off_track');
  });

  it('measures pace from the first year with a value when the ledgers lack the plan’s base year', () => {
    // No 2020 values: the pace runs from 2021, the first year that has one, and says so.
    const result = evaluate({ 2021: ['pm25,30'], 2023: ['pm25,28'] });
    // Goal 25 from 30 in 2021: 1.25 a year needed, 1 a year done.
    expect(entry(result, 2023, 'pm25').plan).toMatchObject({ progress: 'slow', paceFrom: 2021 });
    expect(entry(evaluate({ 2020: ['pm25,31'], 2023: ['pm25,28'] }), 2023, 'pm25').plan?.paceFrom).toBe(2020);
    // A first year alone has no pace, unless its value already meets the end-year target.
    const first = evaluate({ 2021: ['pm25,30', 'pass_rate,97'] });
    expect(entry(first, 2021, 'pm25').plan).toMatchObject({ progress: null, paceFrom: null });
    expect(entry(first, 2021, 'pass_rate').plan).toMatchObject({ progress: 'achieved', paceFrom: null });
  });
});

describe('a plan named in running text', () => {
  it('states its years once: a name that carries them gets none added', () => {
    const named = (name: string) => namesItsYears({ name, start: 2014, end: 2020 });
    expect(named('铜陵市质量发展纲要（2014—2020年）')).toBe(true);
    expect(named('质量发展纲要(２０１４-２０２０年)')).toBe(true);
    expect(named('青岚区质量强区建设“十四五”规划')).toBe(false);
    expect(named('质量发展纲要（2011—2020年）')).toBe(false); // other years: the plan's own are still said
  });
});
