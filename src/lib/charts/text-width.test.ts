import { describe, expect, it } from 'vitest';

import { textWidth } from './text-width.ts';

describe('textWidth', () => {
  it('counts Han characters and full-width punctuation as one em', () => {
    expect(textWidth('产品质量', 12)).toBe(48);
    expect(textWidth('（、。）', 10)).toBe(40);
    expect(textWidth('“品字标”', 10)).toBe(50);
  });
  it('counts digits and Latin narrower than Han', () => {
    expect(textWidth('2024', 10)).toBeCloseTo(22.4);
    expect(textWidth('PM2.5', 10)).toBeLessThan(textWidth('细颗粒物', 10));
  });
  it('is wider than Vega’s 0.8 em estimate for Chinese, narrower for digits', () => {
    const vega = (s: string, size: number) => 0.8 * s.length * size;
    expect(textWidth('制造业产品质量合格率', 11)).toBeGreaterThan(vega('制造业产品质量合格率', 11));
    expect(textWidth('98.6', 11)).toBeLessThan(vega('98.6', 11));
  });
});
