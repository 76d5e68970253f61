import { describe, expect, it } from 'vitest';

import {
  baseGoal,
  type BaseTarget,
  type Direction,
  hasTargetNumber,
  meetsTarget,
  parseTarget,
  qualitativeReason,
  splitSubject,
  type Target,
  targetLine,
  writtenUnits,
} from './target.ts';

const ok = (raw: string): Target | null => {
  const r = parseTarget(raw);
  if (!r.ok) throw new Error(`${raw}: ${r.problem}`);
  return r.target;
};
const judge = (
  raw: string,
  value: number,
  direction: Direction = 'higher',
  previous: number | null = null,
  base: number | null = null,
) => meetsTarget(ok(raw)!, value, { direction, previous, base });

/**
 * Every numeric wording found in the five seed plans (and the list), judged just below, at and
 * just above its number: [wording, direction, number, verdicts below / at / above].
 */
const WORDINGS: Array<[string, Direction, number, [boolean, boolean, boolean]]> = [
  // 洞头区 表1 / 表2 (seed 003)
  ['≥96', 'higher', 96, [false, true, true]],
  ['≤0.42', 'lower', 0.42, [true, true, false]],
  ['≤30', 'higher', 30, [true, true, false]],
  ['100', 'higher', 100, [false, true, true]],
  ['2.8', 'higher', 2.8, [false, true, true]],
  ['7.2', 'higher', 7.2, [false, true, true]],
  ['1个以上', 'higher', 1, [false, true, true]],
  ['5个以上', 'higher', 5, [false, true, true]],
  ['96%以上', 'higher', 96, [false, true, true]],
  ['达到100%', 'higher', 100, [false, true, true]],
  ['5家以上', 'higher', 5, [false, true, true]],
  ['≤25微克/立方米', 'lower', 25, [true, true, false]],
  ['57.5%以上', 'higher', 57.5, [false, true, true]],
  ['≥57.5（“十四五”均值）', 'higher', 57.5, [false, true, true]],
  ['9.7件', 'higher', 9.7, [false, true, true]],
  // 城阳区 (seed 000)
  ['15个以上', 'higher', 15, [false, true, true]],
  ['95%以上', 'higher', 95, [false, true, true]],
  ['超过60%', 'higher', 60, [false, false, true]],
  ['稳定在98%以上', 'higher', 98, [false, true, true]],
  // 金普新区 (seed 001)
  ['保持在97%以上', 'higher', 97, [false, true, true]],
  ['90以上', 'higher', 90, [false, true, true]],
  ['达到98%', 'higher', 98, [false, true, true]],
  ['85以上', 'higher', 85, [false, true, true]],
  // 烟台市 (seed 002)
  ['稳定在98%左右', 'higher', 98, [false, true, true]],
  ['达到96%以上', 'higher', 96, [false, true, true]],
  ['80家', 'higher', 80, [false, true, true]],
  // 铜陵市 (seed 004)
  ['70件以上', 'higher', 70, [false, true, true]],
  ['10项以上', 'higher', 10, [false, true, true]],
  ['150个以上', 'higher', 150, [false, true, true]],
  // The grammar named in the issue: inclusive and exclusive words, verbs, full-width forms.
  ['96以上', 'higher', 96, [false, true, true]],
  ['0.5以下', 'lower', 0.5, [true, true, false]],
  ['30%以内', 'lower', 30, [true, true, false]],
  ['不低于98%', 'higher', 98, [false, true, true]],
  ['不少于5', 'higher', 5, [false, true, true]],
  ['不超过25', 'lower', 25, [true, true, false]],
  ['不高于0.5', 'lower', 0.5, [true, true, false]],
  ['低于0.5', 'lower', 0.5, [true, false, false]],
  ['高于90', 'higher', 90, [false, false, true]],
  ['不足1', 'lower', 1, [true, false, false]],
  ['提高到35%', 'higher', 35, [false, true, true]],
  ['提升到35', 'higher', 35, [false, true, true]],
  ['降至0.4', 'lower', 0.4, [true, true, false]],
  ['降低到0.4', 'lower', 0.4, [true, true, false]],
  ['控制在25微克/立方米以内', 'lower', 25, [true, true, false]],
  ['保持在97%', 'higher', 97, [false, true, true]],
  ['力争1个以上', 'higher', 1, [false, true, true]],
  ['新增5个以上', 'higher', 5, [false, true, true]],
  ['累计3家', 'higher', 3, [false, true, true]],
  ['≧96', 'higher', 96, [false, true, true]],
  ['＞90', 'higher', 90, [false, false, true]],
  ['≥９６％', 'higher', 96, [false, true, true]],
  ['９６％以上', 'higher', 96, [false, true, true]],
  ['>=96', 'higher', 96, [false, true, true]],
  // A bare number is reached in the indicator's direction.
  ['25', 'lower', 25, [true, true, false]],
];

describe('targets in the plans’ own words', () => {
  it.each(WORDINGS)('%s (%s): just below, at and just above %d', (wording, direction, n, verdicts) => {
    const delta = n === 0 ? 0.01 : Math.abs(n) / 1000;
    expect([n - delta, n, n + delta].map((v) => judge(wording, v, direction))).toEqual(verdicts);
  });

  it.each([
    ['1-2', 1, 2],
    ['1～2个', 1, 2],
    ['90~95%', 90, 95],
    ['90%-95%', 90, 95],
    ['90至95', 90, 95],
  ])('reads the range %s inclusively', (wording, min, max) => {
    expect(ok(wording)).toMatchObject({ kind: 'range', min, max });
    expect([min - 0.01, min, max, max + 0.01].map((v) => judge(wording, v))).toEqual([false, true, true, false]);
  });

  it('keeps the written words and the unit, and the remark apart', () => {
    expect(ok('５个以上')).toMatchObject({ text: '5个以上', unit: '个', remark: null });
    expect(ok('≥57.5（“十四五”均值）')).toMatchObject({ text: '≥57.5', remark: '“十四五”均值', unit: null });
    expect(ok('>=96')).toMatchObject({ text: '≥96' });
    expect(ok('稳步下降（完成市下达任务）')).toMatchObject({ kind: 'trend', change: 'down', remark: '完成市下达任务' });
    expect(ok('新增5个以上')).toMatchObject({ kind: 'compare', op: '>=', value: 5, basis: 'added', unit: '个' });
    expect(ok('累计3家')).toMatchObject({ kind: 'reach', value: 3, basis: 'cumulative', unit: '家' });
  });

  it('judges base-year targets against the base year’s value', () => {
    const target = ok('在2010年基础上下降15.2%');
    expect(target).toMatchObject({ kind: 'base', base: '2010', change: 'down', amount: 15.2, points: false });
    expect(judge('在2010年基础上下降15.2%', 84.8, 'lower', null, 100)).toBe(true);
    expect(judge('在2010年基础上下降15.2%', 84.9, 'lower', null, 100)).toBe(false);
    expect(judge('比2020年下降15%', 34, 'lower', null, 40)).toBe(true);
    expect(judge('较2020年提高2个百分点', 92, 'higher', null, 90)).toBe(true);
    expect(judge('较2020年提高2个百分点', 91.9, 'higher', null, 90)).toBe(false);
    expect(judge('比2020年下降15%', 34, 'lower', null, null)).toBeNull();
  });

  it('judges a stretch-and-floor target by the stretch line, else by the floor', () => {
    const target = ok('高线：≤25 低线：稳定达标')!;
    expect(target.kind).toBe('tiered');
    expect(judge('高线：≤25 低线：稳定达标', 24, 'lower')).toBe(true);
    expect(judge('高线：≤25 低线：稳定达标', 26, 'lower')).toBeNull();
    expect(targetLine(target)).toBe(25);
    expect(qualitativeReason(target)).toBeNull();
  });

  it('judges trend targets against the previous period, and cannot without one', () => {
    expect(judge('稳步下降', 30, 'lower', 32)).toBe(true);
    expect(judge('稳步下降', 32, 'lower', 32)).toBe(false);
    expect(judge('持续提升', 33, 'higher', 32)).toBe(true);
    expect(judge('不低于上年', 32, 'higher', 32)).toBe(true);
    expect(judge('不低于上年', 31, 'higher', 32)).toBe(false);
    expect(judge('持续改善', 31, 'lower', 32)).toBe(true);
    expect(judge('稳步下降', 30, 'lower', null)).toBeNull();
  });

  it.each([
    '基本建成',
    '稳定达标',
    '保持全省前列',
    '完成上级下达任务',
    '完成市级下达任务',
    '创成国家级生态文明建设示范区',
    '创成国家5A级景区',
    '控制在二级标准内',
    '低于全国平均水平',
    '建成',
  ])('a target without a number to judge is qualitative: %s', (wording) => {
    const target = ok(wording)!;
    expect(target.kind).toBe('qualitative');
    expect(qualitativeReason(target)).toBe('no_number');
    expect(meetsTarget(target, 1, { direction: 'higher', previous: null, base: null })).toBeNull();
  });

  it('treats an empty cell or a slash as “no target”', () => {
    expect(ok('')).toBeNull();
    expect(ok(' / ')).toBeNull();
    expect(ok('—')).toBeNull();
  });

  it.each([
    ['≥', 'no_number'],
    ['>=abc', 'no_number'],
    ['96以上左右', 'unreadable'],
    ['95-90', 'reversed_range'],
    ['≥9 6', 'unreadable'],
    ['不低于95%以下', 'conflict'],
    ['96%-97个', 'unreadable'],
  ])('refuses %s (%s)', (raw, problem) => {
    expect(parseTarget(raw)).toEqual({ ok: false, problem, text: expect.any(String) });
  });

  it('lists the units a target writes, for the check against the catalogue', () => {
    expect(writtenUnits(ok('10.9%')!)).toEqual(['%']);
    expect(writtenUnits(ok('≥96')!)).toEqual([]);
    expect(writtenUnits(ok('比2020年下降15%')!)).toEqual([]);
    expect(writtenUnits(ok('高线：≤25微克/立方米 低线：稳定达标')!)).toEqual(['微克/立方米']);
  });

  it.each([
    ['100%开展', 100, '%'],
    ['100%通过GMP、GSP认证', 100, '%'],
    ['100%达到国家标准', 100, '%'],
    ['竣工工程质量100%达到国家标准', 100, '%'],
    ['2个无公害农产品基地', 2, '个'],
    ['县(区)100%开展', 100, '%'],
    ['规模以上企业90%开展', 90, '%'],
    ['新创建个国家地理标志农产品(商标)3个', 3, '个'],
  ])('judges %s on its number in its unit, the words after it kept as written', (wording, value, unit) => {
    expect(ok(wording)).toMatchObject({ kind: 'reach', value, unit, text: wording });
  });

  it.each([
    ['达到97%以上', 97, '%'],
    ['建设5个以上', 5, '个'],
    ['建成5个以上', 5, '个'],
    ['打造1个以上', 1, '个'],
    ['培育3家以上', 3, '家'],
    ['创建2个以上', 2, '个'],
    ['引进10名以上', 10, '名'],
    ['争创5个以上', 5, '个'],
    ['建成5个以上省级服务标准化示范项目', 5, '个'],
    ['打造1个以上具有综合竞争力的首位产业', 1, '个'],
    ['主要农产品质量安全产地抽检合格率达到97%以上', 97, '%'],
    ['新增省级以上名牌产品15个以上', 15, '个'],
    ['3A级以上物流企业达到80家以上', 80, '家'],
    ['培育发展主营业务收入过500亿元的创新型产业集群9个以上', 9, '个'],
  ])('judges a verb, a subject or both before the number: %s', (wording, value, unit) => {
    expect(ok(wording)).toMatchObject({ kind: 'compare', op: '>=', value, unit });
  });

  it('reads a unit the indicator has whole, and still names an unknown one for the catalogue check', () => {
    expect(parseTarget('≤0.5吨/万元GDP', '吨/万元GDP')).toMatchObject({ ok: true, target: { unit: '吨/万元GDP' } });
    expect(ok('100开展')).toMatchObject({ kind: 'reach', value: 100, unit: '开展' });
    expect(ok('5吨以上')).toMatchObject({ kind: 'compare', op: '>=', value: 5, unit: '吨' });
  });

  it('tells the subject from the target’s own words', () => {
    expect(splitSubject('企业重点监控设备使用登记率、重点监控设备定期检验率达到100%')).toEqual({
      subject: '企业重点监控设备使用登记率、重点监控设备定期检验率',
      target: '达到100%',
    });
    expect(splitSubject('“鲁班奖”、“黄山杯”等优质工程较“十一五”时期增加15%')).toEqual({
      subject: '“鲁班奖”、“黄山杯”等优质工程',
      target: '较“十一五”时期增加15%',
    });
    expect(splitSubject('环境空气中二氧化硫、二氧化氮控制在二级标准内')).toEqual({
      subject: '环境空气中二氧化硫、二氧化氮',
      target: '控制在二级标准内',
    });
    expect(splitSubject('万元GDP能耗逐年下降')).toEqual({ subject: '万元GDP能耗', target: '逐年下降' });
    expect(splitSubject('≥96')).toEqual({ subject: '', target: '≥96' });
  });

  it.each([
    ['力争2015年前在全市规模以上企业中全面实施', 'no_number'],
    ['培育一批具有国际竞争力的自主民族品牌', 'no_number'],
    ['细颗粒物(PM2.5)和灰霾污染得到有效控制', 'no_number'],
    ['到2020年全面建成', 'no_number'],
    ['县(区)100%开展;规模以上企业90%开展。', 'several_numbers'],
    ['国家标准10项以上、行业标准20项以上', 'several_numbers'],
    ['下降15%', 'change_without_base'],
    ['排放量削减10%以上', 'change_without_base'],
  ])('a target that figures cannot judge is qualitative, with the reason: %s', (wording, reason) => {
    expect(ok(wording)).toMatchObject({ kind: 'qualitative', reason, text: wording });
  });

  it('says whether a text has a number to judge by', () => {
    expect(hasTargetNumber('行业标准20项以上')).toBe(true);
    expect(hasTargetNumber('力争2015年前全面实施')).toBe(false);
    expect(hasTargetNumber('PM2.5和5A级')).toBe(false);
  });

  it.each([
    ['较“十一五”时期增加15%', '2006-2010', '“十一五”时期', 'up', 15],
    ['比“十二五”末提高5%', '2015', '“十二五”末', 'up', 5],
    ['比十二五期末下降10%', '2015', '十二五期末', 'down', 10],
    ['较"十三五"期间增长20%', '2016-2020', '"十三五"期间', 'up', 20],
    ['比“十五”时期增加8%', '2001-2005', '“十五”时期', 'up', 8],
    ['较“十四五”末下降3%', '2025', '“十四五”末', 'down', 3],
    ['“鲁班奖”、“黄山杯”等优质工程较“十一五”时期增加15%', '2006-2010', '“十一五”时期', 'up', 15],
    ['在2010年基础上下降15.2%', '2010', '2010年', 'down', 15.2],
    ['二氧化硫排放量在2010年基础上下降15.2%', '2010', '2010年', 'down', 15.2],
    ['较上年提高2%', null, '上年', 'up', 2],
  ])('reads the base of %s as the ledger keys it', (wording, base, baseName, change, amount) => {
    expect(ok(wording)).toMatchObject({ kind: 'base', base, baseName, change, amount, points: false });
  });

  it('gives the limit a base allows, without float noise', () => {
    const down = ok('在2010年基础上下降15.2%') as BaseTarget;
    expect(baseGoal(down, 10)).toBe(8.48);
    expect(baseGoal(ok('较“十一五”时期增加15%') as BaseTarget, 40)).toBe(46);
    expect(baseGoal(ok('较2020年提高2个百分点') as BaseTarget, 90.5)).toBe(92.5);
  });
});
