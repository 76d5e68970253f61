import { describe, expect, it } from 'vitest';

import { parseCatalogue } from './indicator.ts';
import { parseLedger } from './ledger.ts';

const catalogueCsv = `id,name,domain,unit,direction,type,decimals,definition,source
food_pass_rate,食品抽检合格率,产品质量,%,higher,number,1,定义,区市场监管局
accident_rate,特种设备万台事故率,质量基础与安全,‱,lower,number,2,定义,区市场监管局
food_zone,省级食品安全示范区,质量基础与安全,,higher,text,,定义,区市场监管局
`;
const catalogue = new Map(parseCatalogue(catalogueCsv, 'data/indicators.csv').indicators.map((i) => [i.id, i]));
const ledger = (body: string) =>
  parseLedger(`indicator,period,value,target,status,note,source\r\n${body}`, 'data/ledgers/2024.csv', catalogue);

describe('parseCatalogue', () => {
  it('reads a valid catalogue', () => {
    const { indicators, problems } = parseCatalogue(catalogueCsv, 'data/indicators.csv');
    expect(problems).toEqual([]);
    expect(indicators.map((i) => i.id)).toEqual(['food_pass_rate', 'accident_rate', 'food_zone']);
    expect(indicators[1]).toMatchObject({ direction: 'lower', decimals: 2, unit: '‱' });
  });
  it('reports bad ids, duplicates, directions and decimals at their cell', () => {
    const { problems } = parseCatalogue(
      `${catalogueCsv}Food-Rate,名称,产品质量,%,up,number,x,,\nfood_pass_rate,重复,产品质量,%,higher,,,,\n`,
      'c.csv',
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [5, 1],
      [5, 5],
      [5, 7],
      [6, 1],
    ]);
    expect(problems[3]!.message).toContain('重复');
  });
  it('names missing columns', () => {
    const { problems } = parseCatalogue('id,name,domain\nx,y,z\n', 'c.csv');
    expect(problems[0]).toMatchObject({ line: 1, message: '表头缺少列：unit、direction。' });
  });
});

describe('parseLedger', () => {
  it('reads numbers, text values, empty values, targets and editor statuses', () => {
    const { rows, problems } = ledger(
      'food_pass_rate,2024,98.6,≥96,,,\r\naccident_rate,2024,,≤0.42,不再统计,,\r\nfood_zone,2024,已创成,创成,已完成,,\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.value, r.target?.kind, r.editorStatus])).toEqual([
      [98.6, 'compare', null],
      [null, 'compare', 'discontinued'],
      ['已创成', 'qualitative', 'met'],
    ]);
  });
  it('accepts the indicator’s own unit and full-width digits in a value, and keeps a status remark', () => {
    const { rows, problems } = ledger(
      'food_pass_rate,2024,98.6%,95%以上,,,\r\naccident_rate,2024,０.３,≤0.42,,,\r\nfood_zone,2024,建设中,基本建成,"未完成，有待推进",原注,\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.value, r.target?.text, r.editorStatus, r.note])).toEqual([
      [98.6, '95%以上', null, ''],
      [0.3, '≤0.42', null, ''],
      ['建设中', '基本建成', 'not_met', '原注；有待推进'],
    ]);
  });
  it('reports every problem of a file at once, each at its line and column', () => {
    const { problems } = ledger(
      [
        'food_pas_rate,2024,98,≥96,,,', // 2: unknown id (with a suggestion)
        'food_pass_rate,2024,98.6,≥96,,,', // 3: fine
        'food_pass_rate,2024,98,≥≥96,,,', // 4: duplicate + bad target
        'accident_rate,24,0.3,≤0.42,,,', // 5: bad period
        'accident_rate,2024,0.3,≤0.42,好,,', // 6: bad status
        'food_zone,2024,建设中,建成,,,', // 7: qualitative target without status: not an error
        'accident_rate,2023,10.9%,≤0.42,,,', // 8: value in another unit
        'accident_rate,2022,0.3,5个以上,,,', // 9: target in another unit
        'accident_rate,2204,0.3,≤0.42,,,', // 10: a year no figure can be for (2024 mistyped)
      ].join('\r\n'),
    );
    expect(problems.map((p) => [p.severity, p.line, p.column])).toEqual([
      ['error', 2, 1],
      ['error', 4, 1],
      ['error', 4, 4],
      ['error', 5, 2],
      ['error', 6, 5],
      ['error', 8, 3],
      ['error', 9, 4],
      ['error', 10, 2],
    ]);
    expect(problems[7]!.message).toBe('统计期（period）“2204”不在 1949 年至 2100 年之间，可能是笔误。');
    expect(problems[0]!.hint).toContain('food_pass_rate');
    expect(problems[2]!.message).toBe('无法识别的目标“≥≥96”。');
    expect(problems[2]!.hint).toContain('以上、以下、以内包含本数');
    expect(problems[5]!.message).toBe('值“10.9%”的单位“%”与指标“特种设备万台事故率”的单位“‱”不一致。');
    expect(problems[6]!.message).toBe('目标“5个以上”的单位“个”与指标“特种设备万台事故率”的单位“‱”不一致。');
  });
  it('warns, not refuses, a unit written for an indicator that has none in the catalogue', () => {
    const counted = new Map(
      parseCatalogue('id,name,domain,unit,direction\nbrand_count,区长质量奖,综合,,higher\n', 'c.csv').indicators.map(
        (i) => [i.id, i],
      ),
    );
    const { rows, problems } = parseLedger(
      'indicator,period,value,target\nbrand_count,2024,3,5个以上\n',
      'l.csv',
      counted,
    );
    expect(rows.map((r) => r.value)).toEqual([3]);
    expect(problems).toEqual([
      expect.objectContaining({ severity: 'warning', line: 2, column: 4, hint: expect.stringContaining('unit 列') }),
    ]);
  });
  it('says scientific notation is not a ledger figure, and how to write it', () => {
    const { rows, problems } = ledger(
      'food_pass_rate,2024,1e+308,,,,\r\nfood_pass_rate,2023,9.86E1%,,,,\r\nfood_pass_rate,2022,1e-7,,,,\r\n',
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column, p.message, p.hint])).toEqual([
      [
        2,
        3,
        '值“1e+308”是科学计数法（e 表示乘以 10 的几次方），台账不接受这种写法。',
        expect.stringContaining('10 的 15 次方'),
      ],
      [3, 3, '值“9.86E1%”是科学计数法（e 表示乘以 10 的几次方），台账不接受这种写法。', '请写成普通的数字：98.6。'],
      [4, 3, expect.stringContaining('科学计数法'), '请写成普通的数字：0.0000001。'],
    ]);
  });
  it('refuses a bidi override or a zero-width space in any cell, showing where', () => {
    const { rows, problems } = ledger('food_pass_rate,2024,90.6,,,\u202E正常,\r\nfood\u200B_pass_rate,2023,98,,,,\r\n');
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 6, expect.stringMatching(/^note 列的单元格中有改变文字方向的控制字符（U\+202E）：“⟨U\+202E⟩正常”/)],
      [3, 1, expect.stringMatching(/^indicator 列的单元格中有看不见的字符（U\+200B）：“food⟨U\+200B⟩_pass_rate”/)],
    ]);
  });
});

describe('parseLedger: a row naming several indicators, its target cell as the plan printed it', () => {
  const tongling = new Map(
    parseCatalogue(
      [
        'id,name,domain,unit,direction',
        'county_rate,开展质量强市建设的县(区)比例,综合,%,higher',
        'firm_rate,开展质量强市建设的规模以上企业比例,综合,%,higher',
        'so2,二氧化硫排放量,环境质量,万吨,lower',
        'nox,氮氧化物排放量,环境质量,万吨,lower',
      ].join('\n'),
      'data/indicators.csv',
    ).indicators.map((i) => [i.id, i]),
  );
  const read = (body: string) =>
    parseLedger(`indicator,period,value,target,status,note,source\n${body}`, 'data/ledgers/2015.csv', tongling);
  const CELL = '县(区)100%开展;规模以上企业90%开展。';

  it('gives each id its part, its value and the status, keeping the cell on each target', () => {
    const { rows, problems } = read(`county_rate、firm_rate,2015,100、85,${CELL},,区质量办,\n`);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.indicator, r.value, r.target?.text, r.target?.cell, r.note, r.line])).toEqual([
      ['county_rate', 100, '县(区)100%开展', CELL, '区质量办', 2],
      ['firm_rate', 85, '规模以上企业90%开展', CELL, '区质量办', 2],
    ]);
  });

  it('reads one status for all, or one per id; an empty value cell is no value for any', () => {
    const { rows, problems } = read(
      `county_rate、firm_rate,2015,,${CELL},已完成,,\nso2、nox,2014,5.1、,在2010年基础上分别下降15.2%、11.2%,不再统计、,,\n`,
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.indicator, r.value, r.editorStatus, r.target?.kind])).toEqual([
      ['county_rate', null, 'met', 'reach'],
      ['firm_rate', null, 'met', 'reach'],
      ['so2', 5.1, 'discontinued', 'base'],
      ['nox', null, null, 'base'],
    ]);
  });

  it('keeps a single id’s row as before, its cell whole', () => {
    const { rows } = read(`county_rate,2015,100,${CELL},,,\n`);
    expect(rows[0]!.target).toMatchObject({ kind: 'qualitative', reason: 'several_numbers', cell: null });
  });

  it('locates a cell that does not split into as many targets as ids, saying which part went to which id', () => {
    const { rows, problems } = read(`county_rate、firm_rate、so2,2015,,${CELL},,,\n`);
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [
        2,
        4,
        'indicator 列列出 3 个指标，目标单元格却分出 2 个目标：county_rate → “县(区)100%开展”；firm_rate → “规模以上企业90%开展”；so2 → （没有目标）。',
      ],
    ]);
  });

  it('locates lists of values, statuses and ids that do not fit', () => {
    const { rows, problems } = read(
      [
        `county_rate、firm_rate,2015,100,${CELL},,,`,
        `county_rate、firm_rate,2016,,${CELL},已完成、未完成、推进中,,`,
        `"county_rate,firm_rate",2017,,${CELL},,,`,
        `county_rate、、firm_rate,2018,,${CELL},,,`,
        `county_rate、county_rate,2019,,${CELL},,,`,
        `county_rate、nope,2020,,${CELL},,,`,
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, 3, 'indicator 列列出 2 个指标，value 列的个数与之不同。'],
      [3, 5, 'indicator 列列出 2 个指标，status 列的个数与之不同。'],
      [4, 1, '指标编号“county_rate,firm_rate”的分隔符不对：一行列出几个指标时，编号之间用顿号“、”分隔。'],
      [5, 1, '指标编号“county_rate、、firm_rate”中有空的编号（多了一个顿号“、”）。'],
      [6, 1, '指标编号“county_rate”在本行列出了两次。'],
      [7, 1, '指标编号“nope”不在指标目录 data/indicators.csv 中。'],
    ]);
  });

  it('names the part of the cell whose unit the catalogue disagrees with', () => {
    const { problems } = read('county_rate、so2,2015,,达到100%;下降到5个,,,\n');
    expect(problems.map((p) => [p.column, p.message])).toEqual([
      [4, '目标“下降到5个”的单位“个”与指标“二氧化硫排放量”的单位“万吨”不一致。'],
    ]);
  });
});

describe('parseLedger: the value of a period of years, the base of targets against it', () => {
  it('keys a period by its years, however the dash is typed', () => {
    const { rows, problems } = ledger('food_pass_rate,2006—2010,96.5,,,,\r\nfood_pass_rate,2011-2015,97,,,,\r\n');
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.period, r.value])).toEqual([
      ['2006-2010', 96.5],
      ['2011-2015', 97],
    ]);
  });

  it('refuses a period that runs backwards, a target or a status on a period', () => {
    const { rows, problems } = ledger(
      'food_pass_rate,2010-2006,96,,,,\r\nfood_pass_rate,2006-2010,96,≥95,,,\r\nfood_pass_rate,2001-2005,96,,已完成,,\r\n',
    );
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 2],
      [3, 4],
      [4, 5],
    ]);
    expect(problems[1]!.message).toContain('2006-2010 的行是这一时期的数值');
  });
});
