import { describe, expect, it } from 'vitest';

import { runningHeaderCss, tableBodies } from './print-css.ts';

describe('runningHeaderCss', () => {
  it('makes one named page per chapter with its running header, escaping quotes', () => {
    expect(
      runningHeaderCss([
        { page: 'ch-1', text: '第一章 总体情况' },
        { page: 'ch-2', text: '“品字标”"x"' },
      ]),
    ).toBe(
      '@page ch-1 { @top-center { content: "第一章 总体情况"; } }\n[data-page="ch-1"] { page: ch-1; }\n' +
        '@page ch-2 { @top-center { content: "“品字标”\\"x\\""; } }\n[data-page="ch-2"] { page: ch-2; }',
    );
  });
});

describe('table bodies for print', () => {
  it('keep a short table whole and give a long one three rows on each side of any break', () => {
    expect(tableBodies(20)).toEqual([{ from: 0, to: 20, keep: false }]);
    const long = tableBodies(49);
    expect(long.map((b) => b.to - b.from)).toEqual([3, 43, 3]);
    expect(long.filter((b) => b.keep).length).toBe(2);
    expect(long.at(-1)!.to).toBe(49);
  });
});
