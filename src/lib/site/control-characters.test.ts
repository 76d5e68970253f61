import { describe, expect, it } from 'vitest';

import { unseenCharacter, unseenContext, unseenKind, visible } from './control-characters.ts';

describe('unseen characters in editors’ text', () => {
  it('finds control characters, bidi controls and zero-width characters, as U+XXXX', () => {
    const cases: Array<[string, string, string]> = [
      ['a\u0000b', 'U+0000', 'control'],
      ['a\u001B[2Jb', 'U+001B', 'control'],
      ['a\u0085b', 'U+0085', 'control'],
      ['a\u2028b', 'U+2028', 'control'],
      ['合格率\u202E6.09', 'U+202E', 'bidi'],
      ['a\u202Ab', 'U+202A', 'bidi'],
      ['a\u2066b\u2069', 'U+2066', 'bidi'],
      ['a\u200Eb', 'U+200E', 'bidi'],
      ['a\u200Fb', 'U+200F', 'bidi'],
      ['a\u061Cb', 'U+061C', 'bidi'],
      ['food\u200Bpass', 'U+200B', 'invisible'],
      ['a\u200Cb', 'U+200C', 'invisible'],
      ['a\u200Db', 'U+200D', 'invisible'],
      ['a\u2060b', 'U+2060', 'invisible'],
      ['a\uFEFFb', 'U+FEFF', 'invisible'],
      ['a\u00ADb', 'U+00AD', 'invisible'],
    ];
    for (const [text, code, kind] of cases) {
      expect(unseenCharacter(text)).toBe(code);
      expect(unseenKind(code)).toBe(kind);
    }
  });

  it('leaves tab and line breaks, Chinese, full-width and emoji text alone', () => {
    for (const text of ['第一行\n第二行\r\n', 'a\tb', '合格率 98.6%，同比提高０．３个百分点', '质量🙂', 'café'])
      expect(unseenCharacter(text)).toBeNull();
  });

  it('shows the place of the character in a long text, made visible', () => {
    expect(unseenContext('制造业产品质量合格率为\u202E6.09分，同比持平，总体稳定')).toBe(
      '制造业产品质量合格率为⟨U+202E⟩6.09分，同比持平，总…',
    );
    expect(unseenContext('短\u200B')).toBe('短⟨U+200B⟩');
  });

  it('visible() shows every unseen character, line breaks and ESC included', () => {
    expect(visible('a\nb\u001B[2J\u202Ec\u200B')).toBe('a⟨U+000A⟩b⟨U+001B⟩[2J⟨U+202E⟩c⟨U+200B⟩');
    expect(visible('正常合格率 99.0%')).toBe('正常合格率 99.0%');
  });
});
