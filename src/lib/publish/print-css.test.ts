import { describe, expect, it } from 'vitest';
import { runningHeaderCss } from './print-css.ts';

describe('runningHeaderCss', () => {
  it('makes one named page per chapter with its running header, escaping quotes', () => {
    expect(
      runningHeaderCss([
        { page: 'ch-1', text: '第一章 总体情况' },
        { page: 'ch-2', text: '“品字标”"x"' },
      ]),
    ).toBe(
      '@page ch-1 { @top-center { content: "第一章 总体情况"; } }\n@page ch-2 { @top-center { content: "“品字标”\\"x\\""; } }',
    );
  });
});
