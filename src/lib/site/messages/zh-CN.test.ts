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
