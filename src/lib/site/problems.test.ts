import { describe, expect, it } from 'vitest';

import { error, formatReport, location, warning } from './problems.ts';

describe('the report printer', () => {
  it('prints each problem as a block of its own lines, then the total', () => {
    const report = formatReport([
      warning('data/ledgers/2024.csv', '警告内容', { line: 5 }),
      error('data/ledgers/2024.csv', '错误内容', { line: 3, column: 2, hint: '提示内容' }),
    ]);
    expect(report.split('\n')).toEqual([
      '错误 data/ledgers/2024.csv:3:2',
      '    第 3 行第 2 列：错误内容',
      '    提示：提示内容',
      '警告 data/ledgers/2024.csv:5',
      '    第 5 行：警告内容',
      '',
      '共发现 1 个错误、1 个警告。',
    ]);
  });

  it('a file name or quoted text cannot forge a line, clear the terminal or reverse what follows', () => {
    const forged = 'forms/2025/a.xlsx\n检查通过：全部数据无误，已写入台账。';
    const clears = '\u001B[2J\u001B[H';
    const problems = [
      error(forged, `文件名“${forged}”`, { line: 1, hint: `“${clears}”` }),
      error('data/ledgers/2024.csv', '值“\u202E6.09”', { line: 2, column: 3 }),
    ];
    // Printed as they are, the name adds a line that reads as the tool's own, and ESC reaches the terminal.
    expect(`${problems[0]!.file}`.split('\n')).toContain('检查通过：全部数据无误，已写入台账。');
    const report = formatReport(problems);
    expect(report.split('\n')).toHaveLength(7);
    expect(report.split('\n').filter((l) => l.startsWith('检查通过'))).toEqual([]);
    expect([...report].filter((c) => c === '\u001B' || c === '\u202E')).toEqual([]);
    expect(report).toContain('错误 forms/2025/a.xlsx⟨U+000A⟩检查通过：全部数据无误，已写入台账。:1');
    expect(report).toContain('提示：“⟨U+001B⟩[2J⟨U+001B⟩[H”');
    expect(report).toContain('值“⟨U+202E⟩6.09”');
    expect(location({ file: 'a\u200Bb.csv', line: 2 })).toBe('a⟨U+200B⟩b.csv:2');
  });
});
