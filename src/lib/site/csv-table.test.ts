import { describe, expect, it } from 'vitest';

import { parseCsvTable } from './csv-table.ts';

const rows = (n: number) => Array.from({ length: n }, (_, i) => `a${i},"x, ""quoted"" ${i}",${i}`);

describe('parseCsvTable', () => {
  it('reports an unclosed quote at the line where it opened, not at the end of the file', () => {
    const lines = ['id,name,value', ...rows(3), 'a3,"never closed,3', ...rows(30)];
    const { problems } = parseCsvTable(lines.join('\n'), 'x.csv', ['id', 'name', 'value']);
    expect(problems).toEqual([expect.objectContaining({ line: 5, message: expect.stringContaining('引号没有闭合') })]);
  });

  it('and when no quote follows at all, at the line where it opened', () => {
    const { problems } = parseCsvTable('id,name,value\na,b,1\nc,"d,2\ne,f,3\ng,h,4\n', 'x.csv', [
      'id',
      'name',
      'value',
    ]);
    expect(problems).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('引号没有闭合') })]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    const { rows: read, problems } = parseCsvTable('id,name\r\na,"x, ""y""\r\nz"\r\n', 'x.csv', ['id', 'name']);
    expect(problems).toEqual([]);
    expect(read.map((r) => r.cells.name)).toEqual(['x, "y"\r\nz']);
  });
});

describe('columns the table does not know', () => {
  it('are ignored with a warning, or refused in the table’s own words; the header is given as written', () => {
    const text = 'id, name ,extra\na,b,c\n';
    const ignored = parseCsvTable(text, 'x.csv', ['id', 'name']);
    expect(ignored.header).toEqual(['id', 'name', 'extra']);
    expect(ignored.problems.map((p) => [p.severity, p.column, p.message])).toEqual([
      ['warning', 3, '未知的列“extra”，将被忽略。'],
    ]);
    const refused = parseCsvTable(text, 'x.csv', ['id', 'name'], [], {
      message: (column) => `“${column}”不是这张表的列。`,
      hint: '先定义它。',
    });
    expect(refused.problems.map((p) => [p.severity, p.line, p.column, p.message, p.hint])).toEqual([
      ['error', 1, 3, '“extra”不是这张表的列。', '先定义它。'],
    ]);
    expect(refused.rows.map((r) => r.cells)).toEqual([{ id: 'a', name: 'b', extra: 'c' }]);
  });
});
