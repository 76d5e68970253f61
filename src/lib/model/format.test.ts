import { describe, expect, it } from 'vitest';

import type { Indicator } from '../ledger/indicator.ts';
import { parseTarget } from '../ledger/target.ts';
import { messagesFor } from '../site/messages/index.ts';
import { formatBaseline, formatChange, formatDate, formatSignedChange, formatTarget, formatValue } from './format.ts';

const m = messagesFor('zh-CN');

const ind = (unit: string, decimals: number | null = 1): Indicator => ({
  id: 'x',
  name: '测试',
  domain: '产品质量',
  group: '',
  unit,
  direction: 'higher',
  type: 'number',
  decimals,
  definition: '',
  source: '',
});
const target = (t: string) => {
  const r = parseTarget(t);
  return r.ok ? r.target : null;
};

describe('format', () => {
  it('formats values with their unit and decimals', () => {
    expect(formatValue(98.6, ind('%'))).toBe('98.6%');
    expect(formatValue(98, ind('%'))).toBe('98.0%');
    expect(formatValue(35, ind('项', 0))).toBe('35项');
    expect(formatValue(12345.5, ind('万元', 1))).toBe('12,345.5万元');
    expect(formatValue(0.3, ind('‰', null))).toBe('0.3‰');
    expect(formatValue(null, ind('%'))).toBe('—');
    expect(formatValue('已创成', ind(''))).toBe('已创成');
  });
  it('words changes as Chinese reports do', () => {
    expect(formatChange(0.4, ind('%'), m)).toBe('提高0.4个百分点');
    expect(formatChange(-1.25, ind('%', 2), m)).toBe('下降1.25个百分点');
    expect(formatChange(3, ind('家', 0), m)).toBe('增加3家');
    expect(formatChange(-2, ind('微克/立方米', 0), m)).toBe('下降2微克/立方米');
    // Counting units are the one list the ledger's unit check uses: 名, 户, 人次 and days (天/日) too.
    expect(formatChange(4, ind('名', 0), m)).toBe('增加4名');
    expect(formatChange(-120, ind('人次', 0), m)).toBe('减少120人次');
    expect(formatChange(5, ind('天', 0), m)).toBe('增加5天');
    expect(formatChange(5, ind('日', 0), m)).toBe('增加5日');
    expect(formatChange(0.2, ind('吨/万元GDP', 1), m)).toBe('提高0.2吨/万元GDP');
    expect(formatChange(0.00001, ind('%'), m)).toBe('持平');
    expect(formatChange(null, ind('%'), m)).toBe('—');
    expect(formatSignedChange(-2, ind('天', 0))).toBe('−2');
    expect(formatSignedChange(0.44, ind('%'))).toBe('+0.4');
  });
  it('shows targets with the unit where they are numeric', () => {
    expect(formatTarget(target('>=96'), ind('%'))).toBe('≥96%');
    expect(formatTarget(target('≤0.42'), ind('‰'))).toBe('≤0.42‰');
    expect(formatTarget(target('90-95'), ind('%'))).toBe('90-95%');
    expect(formatTarget(target('稳步下降'), ind('微克/立方米'))).toBe('稳步下降');
    expect(formatTarget(null, ind('%'))).toBe('—');
  });
  it('writes a target that reads back as the same target (downloads and new ledgers carry this text)', () => {
    const wordings: Array<[string, string]> = [
      ['≥96', '%'],
      ['95以上', '%'],
      ['5个以上', '家'],
      ['不低于98%', '%'],
      ['不超过25', '微克/立方米'],
      ['30%以内', '%'],
      ['超过60', '%'],
      ['达到100', '%'],
      ['90-95', '%'],
      ['新增5以上', '项'],
      ['在2010年基础上下降15.2%', '吨/万元GDP'],
      ['稳步下降', '%'],
      ['≥57.5（“十四五”均值）', '%'],
      ['高线：≤25 低线：稳定达标', '微克/立方米'],
      ['基本建成', ''],
    ];
    const meaning = (t: unknown) => JSON.stringify(t, (k, v) => (k === 'text' || k === 'unit' ? undefined : v));
    for (const [written, unit] of wordings) {
      const parsed = target(written);
      const back = target(formatTarget(parsed, ind(unit)));
      expect(meaning(back), written).toBe(meaning(parsed));
    }
    expect(formatTarget(target('≥57.5（“十四五”均值）'), ind('%'))).toBe('≥57.5%（“十四五”均值）');
  });
  it('writes dates the Chinese way', () => {
    expect(formatDate('2024-05-20', m)).toBe('2024年5月20日');
  });
  it('gives a base target’s base value and the limit it implies, with every decimal of the limit', () => {
    const tonnes = ind('万吨', 2);
    expect(formatBaseline({ period: '2010', value: 3.95, limit: 3.95 * (1 - 0.152), op: '<=' }, tonnes, m)).toBe(
      '基数：2010年3.95万吨，即不高于3.3496万吨',
    );
    expect(formatBaseline({ period: '2006-2010', value: 19, limit: 21.85, op: '>=' }, ind('个', 0), m)).toBe(
      '基数：2006—2010年19个，即不低于21.85个',
    );
    expect(formatBaseline({ period: '2010', value: null, limit: null, op: '<=' }, tonnes, m)).toBe(
      '基数：台账中没有2010年的数值',
    );
  });
});
