import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { blankedBreakdownCsv, breakdownFigures, typeBreakdownFigures } from '../../../tests/helpers/breakdowns.ts';
import { loadProject } from '../content/load-project.ts';
import { mergeBreakdown } from '../ledger/breakdown-file.ts';
import { editorPaths } from '../site/content-root.ts';
import { cellText, readImport } from './form-import.ts';
import { departmentForms, formWorkbook } from './form-workbook.ts';

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

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The demo with its breakdowns (read from data/breakdowns as the loader will); 2024 stands for the draft. */
const demo = loadProject(ROOT, { includeDrafts: true });
const typed = editorPaths(ROOT, ROOT);
const BY_CATEGORY = '产品质量监督抽查结果（按产品类别）';
const BY_SIZE = '产品质量监督抽查结果（按企业规模）';

/** The market regulator's 2024 form, as `npm run forms` writes it, opened in a spreadsheet program. */
async function marketForm(): Promise<ExcelJS.Workbook> {
  const drafted = departmentForms(demo, 2024)!;
  const form = drafted.forms.find((f) => f.breakdowns.length > 0)!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await formWorkbook(demo, drafted.edition, form)).buffer as ArrayBuffer);
  return book;
}

async function read(book: ExcelJS.Workbook) {
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return readImport('forms/2024/区市场监管局.xlsx', bytes, demo, { year: 2024, typed });
}

describe('a form’s breakdown sheets read back', () => {
  it('round-trip: the figures typed into the sheets make the year’s files again, into a blank file or none', async () => {
    const book = await marketForm();
    typeBreakdownFigures(book, ROOT, { from: 2024, year: 2024 });
    const { breakdowns, problems } = await read(book);
    expect(problems).toEqual([]);
    expect(breakdowns.map((b) => b.definition.id)).toEqual(['spot_checks', 'spot_checks_by_size']);
    for (const { definition, rows } of breakdowns) {
      const file = readFileSync(join(ROOT, 'data/breakdowns', definition.id, '2024.csv'), 'utf8');
      const blank = blankedBreakdownCsv(ROOT, definition.id, 2024);
      for (const before of [blank, '']) {
        const merged = mergeBreakdown(before, rows, definition);
        expect(merged.problems).toEqual([]);
        expect(breakdownFigures(merged.text), `${definition.id} from ${before ? 'a blank file' : 'no file'}`).toEqual(
          breakdownFigures(file),
        );
      }
      // The same figures imported into the file as it is change nothing.
      const again = mergeBreakdown(file, rows, definition);
      expect(again.changes).toEqual([]);
      expect(again.text).toBe(file);
    }
  });

  it('brings nothing from a sheet left blank', async () => {
    const book = await marketForm();
    expect((await read(book)).breakdowns).toEqual([]);
  });

  it('names each spoiled cell at its place in the form, and warns of a locked cell changed and a sheet missing', async () => {
    const book = await marketForm();
    typeBreakdownFigures(book, ROOT, { from: 2024, year: 2024 });
    const sheet = book.getWorksheet(BY_CATEGORY)!;
    sheet.getCell('E3').value = '22'; // a number kept as text
    sheet.getCell('B4').value = '家用电器'; // the locked name
    sheet.getCell('A12').value = 'toys'; // a category the table does not have
    book.removeWorksheet(book.getWorksheet(BY_SIZE)!.id);
    book.addWorksheet('补充说明').getCell('A1').value = '化肥抽查批次含复检';
    const { problems } = await read(book);
    const at = (file: string) => problems.find((p) => p.file === file);
    expect(at(`forms/2024/区市场监管局.xlsx › ${BY_CATEGORY}!E3`)).toMatchObject({
      severity: 'error',
      message: '数值“22”存成了文本，不是数字。',
    });
    expect(at(`forms/2024/区市场监管局.xlsx › ${BY_CATEGORY}!B4`)).toMatchObject({
      severity: 'warning',
      message: '锁定的“类别名称”被改成了“家用电器”（原为“电子电器”）：这一列不从填报表导入，改动不会生效。',
      hint: expect.stringContaining('data/breakdowns/spot_checks/2024.csv'),
    });
    expect(at(`forms/2024/区市场监管局.xlsx › ${BY_CATEGORY}!A12`)).toMatchObject({
      severity: 'error',
      message: '多出的行：类别编号“toys”不在本年度的分类表中。',
    });
    expect(at('forms/2024/区市场监管局.xlsx › 补充说明')).toMatchObject({
      severity: 'warning',
      message: '工作表“补充说明”不是这份填报表的工作表：其中的内容不会导入。',
    });
    expect(at('forms/2024/区市场监管局.xlsx')).toMatchObject({
      severity: 'warning',
      message: `缺少分类统计表工作表“${BY_SIZE}”：这张表这次不会导入任何内容。`,
    });
  });

  it('refuses a sheet whose columns were moved, naming the column', async () => {
    const book = await marketForm();
    book.getWorksheet(BY_SIZE)!.spliceColumns(4, 1);
    const { problems } = await read(book);
    expect(problems[0]).toMatchObject({
      severity: 'error',
      file: `forms/2024/区市场监管局.xlsx › ${BY_SIZE}!D1`,
      message:
        '第 4 列的列名应为“抽查企业（2024年，家）”，这里是“企业数占比（2024年，%）”：填报表的列被改动，或来自另一年度。',
    });
  });
});
