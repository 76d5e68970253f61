import { describe, expect, it } from 'vitest';

import { parseCli, UsageError, yearArgument } from './cli-args.ts';

describe('script arguments', () => {
  it('reads positionals and options', () => {
    const { values, positionals } = parseCli(['2025', '--out', 'a.csv'], 'u', { out: { type: 'string' } });
    expect(positionals).toEqual(['2025']);
    expect(values.out).toBe('a.csv');
  });

  it('an unknown option is a usage error naming the usage', () => {
    expect(() => parseCli(['--bogus'], 'npm run x -- <年份>', {})).toThrow(
      '没有选项 --bogus。\n用法：npm run x -- <年份>',
    );
    expect(() => parseCli(['--bogus'], 'u', {})).toThrow(UsageError);
  });

  it('a year is four digits in a sane range, otherwise a usage error in Chinese', () => {
    expect(yearArgument('2025', 'u')).toBe(2025);
    expect(() => yearArgument(undefined, 'u')).toThrow('缺少年份');
    expect(() => yearArgument('二〇二五', 'u')).toThrow('“二〇二五”不是年份');
    expect(() => yearArgument('25', 'u')).toThrow(UsageError);
  });

  it('echoes what was typed with its unseen characters shown: no escape code, no forged line', () => {
    const message = (run: () => unknown) => {
      try {
        run();
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    };
    const option = message(() => parseCli(['--\u001B[2J\n检查通过'], 'u', {}));
    expect(option).toBe('没有选项 --⟨U+001B⟩[2J⟨U+000A⟩检查通过。\n用法：u');
    const year = message(() => yearArgument('\u202E5202', 'u'));
    expect(year).toBe('“⟨U+202E⟩5202”不是年份。\n用法：u');
  });
});
