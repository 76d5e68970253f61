import { describe, expect, it } from 'vitest';

import { nameProblem } from './names.ts';

describe('names that look right and are not', () => {
  it('a zero-width space, a bidi mark or a line break in a name is refused, with the name to give', () => {
    const zw = nameProblem('02-product\u200B-quality.mdx');
    expect(zw?.message).toContain('（U+200B）：“02-product⟨U+200B⟩-quality.mdx”');
    expect(zw?.hint).toBe('请把它改名为“02-product-quality.mdx”（删掉原名称后重新输入即可）。');
    expect(nameProblem('2024\u202E')?.message).toContain('改变文字方向的控制字符（U+202E）');
    expect(nameProblem('a\nb.png')?.message).toContain('不可见的控制字符（U+000A）：“a⟨U+000A⟩b.png”');
  });

  it('a decomposed (NFD) name is refused, its decomposed letters spelled out', () => {
    const decomposed = 'caf\u0065\u0301.png';
    expect(decomposed).not.toBe('café.png'); // looks the same, is not
    const problem = nameProblem(decomposed);
    expect(problem?.message).toContain('caf⟨U+0065 U+0301⟩.png');
    expect(problem?.hint).toContain('“café.png”');
    expect(nameProblem('图表\u3099.vl.json')).toBeNull(); // a lone combining mark has no composed form
    const hangul = '\u1112\u1161\u11AB.png'; // 한 as three jamo
    expect(nameProblem(hangul)?.hint).toContain('“한.png”');
    const kana = '\u30AB\u3099.png'; // ガ as カ + voiced mark
    expect(nameProblem(kana)?.hint).toContain('“ガ.png”');
  });

  it('sound names pass: ASCII, Chinese, full-width, composed letters', () => {
    for (const name of ['02-product-quality.mdx', '2024', '环境趋势.vl.json', 'café.png', '图１.png'])
      expect(nameProblem(name)).toBeNull();
  });
});
