import { describe, expect, it } from 'vitest';

import { zhCN } from './zh-CN.ts';

describe('zh-CN chapter numerals', () => {
  it('writes chapter numbers in Chinese numerals', () => {
    expect([1, 9, 10, 12, 20, 21, 99].map(zhCN.chapterNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十二',
      '二十',
      '二十一',
      '九十九',
    ]);
  });
});

describe('zh-CN demo mark', () => {
  it('a fictional site says everything is invented and names no place as real', () => {
    const mark = zhCN.demoMark('fictional', '示例市青岚区');
    for (const text of Object.values(mark)) {
      expect(text).toContain('虚构');
      expect(text).not.toContain('示例市青岚区');
      expect(text).not.toContain('是真实地区');
    }
  });

  it('an illustrative site names its real place and says only the figures are examples', () => {
    const mark = zhCN.demoMark('illustrative', '铜陵市');
    for (const text of Object.values(mark)) {
      expect(text).toContain('铜陵市是真实地区');
      expect(text).toMatch(/数据均为(演示用的)?示例|数值均为示例/);
      expect(text).not.toContain('虚构');
    }
  });
});
