import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { cellText } from './form-import.ts';

/** A cell as a spreadsheet program leaves it: a value, and optionally the number format it was typed into. */
function cell(value: ExcelJS.CellValue, numFmt?: string): ExcelJS.Cell {
  const sheet = new ExcelJS.Workbook().addWorksheet('填报表');
  const c = sheet.getCell('G2');
  c.value = value;
  if (numFmt) c.numFmt = numFmt;
  return c;
}
const message = (read: ReturnType<typeof cellText>) => ('problem' in read ? read.problem.message : null);

describe('a form cell read as ledger text', () => {
  it('writes numbers back as numbers, without spreadsheet arithmetic noise', () => {
    expect(cellText(cell(97.3), true)).toEqual({ text: '97.3' });
    expect(cellText(cell(0.1 + 0.2), true)).toEqual({ text: '0.3' });
    expect(cellText(cell({ formula: 'E2+0.2', result: 97.30000000000001 } as ExcelJS.CellFormulaValue), true)).toEqual({
      text: '97.3',
    });
  });

  it('keeps words for words, rich text included, and “no figure” marks as written', () => {
    expect(cellText(cell({ richText: [{ text: '已建成' }, { text: '并扩容' }] }), false)).toEqual({
      text: '已建成并扩容',
    });
    expect(cellText(cell(' 快报数 '), false)).toEqual({ text: '快报数' });
    for (const none of ['', '/', '—']) expect(cellText(cell(none), true)).toEqual({ text: none });
    expect(cellText(cell(null), true)).toEqual({ text: '' });
  });

  it('refuses a number kept as text, with the number to type', () => {
    const read = cellText(cell('97.5'), true);
    expect(message(read)).toBe('数值“97.5”存成了文本，不是数字。');
    expect('problem' in read && read.problem.hint).toContain('请改为数字 97.5');
    expect(message(cellText(cell('９７．５％'), true))).toBe('数值“９７．５％”存成了文本，不是数字。');
    expect(cellText(cell('97.5'), false)).toEqual({ text: '97.5' }); // a qualitative indicator's words
  });

  it('refuses 97.5% typed into a percent cell, which stores 0.975', () => {
    const read = cellText(cell(0.975, '0.0%'), true);
    expect(message(read)).toBe('单元格显示为“97.5%”，但实际存的是 0.975：在设为百分比格式的单元格里输入了“%”。');
    expect('problem' in read && read.problem.hint).toContain('再输入 97.5');
  });

  it('refuses a number the ledger cannot write as a plain decimal, saying so (not “1e+308 is not a number”)', () => {
    expect(message(cellText(cell(1e308), true))).toMatch(/^数值 1e\+308 超出台账可写的范围/);
    expect(message(cellText(cell(Infinity), true))).toMatch(/^数值 Infinity 超出/);
    expect(message(cellText(cell(1e-7), true))).toMatch(/^数值 1e-7 超出/);
    expect(cellText(cell(123456789012345), true)).toEqual({ text: '123456789012345' });
  });

  it('refuses what is not a figure at all: formulas without a result, error values, dates', () => {
    expect(message(cellText(cell({ formula: 'E2*2' } as ExcelJS.CellFormulaValue), true))).toContain(
      '没有保存计算结果',
    );
    expect(message(cellText(cell({ error: '#DIV/0!' } as ExcelJS.CellErrorValue), true))).toBe(
      '单元格是错误值 #DIV/0!，不是数字。',
    );
    expect(message(cellText(cell(new Date('2025-03-01')), true))).toBe('单元格是日期，不是数值或文字。');
  });
});
