import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { readBreakdownCsv } from '../../../tests/helpers/breakdowns.ts';
import { readCsv } from '../../../tests/helpers/ledgers.ts';
import { loadProject } from '../content/load-project.ts';
import type { Project } from '../model/project.ts';
import { departmentForms, formWorkbook, sheetNames } from './form-workbook.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The demo with its breakdowns (read from data/breakdowns as the loader will); 2024 stands for the draft. */
const demo = loadProject(ROOT, { includeDrafts: true });
const SPOT_CHECKS_SOURCE = readCsv(ROOT, 'data/indicators.csv').find((i) => i.id === 'spot_check_pass_rate')!.source!;

const formsOf = (project: Project, year = 2024) => departmentForms(project, year)!.forms;
const breakdownsBySource = (project: Project, year = 2024) =>
  Object.fromEntries(
    formsOf(project, year)
      .filter((f) => f.breakdowns.length > 0)
      .map((f) => [f.source, f.breakdowns.map((b) => b.definition.id)]),
  );

async function sheetsOf(project: Project, source: string, year = 2024) {
  const drafted = departmentForms(project, year)!;
  const form = drafted.forms.find((f) => f.source === source)!;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await formWorkbook(project, drafted.edition, form)).buffer as ArrayBuffer);
  return book;
}

describe('a department’s form carries a sheet per breakdown it reports', () => {
  it('goes to the department of its indicator’s catalogue source (the demo’s two: the market regulator)', () => {
    expect(breakdownsBySource(demo)).toEqual({ [SPOT_CHECKS_SOURCE]: ['spot_checks', 'spot_checks_by_size'] });
  });

  it('goes to the department its yaml names, or with no indicator and no source to the form of the unsourced', () => {
    const moved: Project = {
      ...demo,
      breakdowns: demo.breakdowns.map((b) =>
        b.id === 'spot_checks' ? { ...b, source: '区质量技术监督所' } : { ...b, indicator: null },
      ),
    };
    const tables = new Map(moved.breakdowns.map((b) => [b.id, b]));
    const project = {
      ...moved,
      editions: moved.editions.map((e) => ({
        ...e,
        breakdowns: e.breakdowns.map((t) => ({ ...t, definition: tables.get(t.definition.id)! })),
      })),
    };
    expect(breakdownsBySource(project)).toEqual({
      区质量技术监督所: ['spot_checks'],
      未注明数据来源: ['spot_checks_by_size'],
    });
    // A department with breakdowns only still gets a form, its indicators' sheet empty.
    expect(formsOf(project).find((f) => f.source === '区质量技术监督所')!.rows).toEqual([]);
  });

  it('lists the year’s categories, the total first, with last year’s figures locked beside the cells to fill', async () => {
    const book = await sheetsOf(demo, SPOT_CHECKS_SOURCE);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '填报说明',
      '填报表',
      '产品质量监督抽查结果（按产品类别）',
      '产品质量监督抽查结果（按企业规模）',
    ]);
    const sheet = book.getWorksheet('产品质量监督抽查结果（按产品类别）')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '类别编号',
      '类别名称',
      '上级类别',
      '抽查企业（2023年，家）',
      '抽查企业（2024年，家）',
      '抽查批次（2023年，批次）',
      '抽查批次（2024年，批次）',
      '合格批次（2023年，批次）',
      '合格批次（2024年，批次）',
      '合格率（2023年，%）',
      '合格率（2024年，%）',
      '合格率比上年（2023年，个百分点）',
      '合格率比上年（2024年，个百分点）',
      '备注',
    ]);
    const thisYear = readBreakdownCsv(ROOT, 'spot_checks', 2024);
    const lastYear = new Map(readBreakdownCsv(ROOT, 'spot_checks', 2023).map((r) => [r.category, r]));
    const names = new Map(thisYear.map((r) => [r.category, r.name]));
    thisYear.forEach((csv, i) => {
      const row = sheet.getRow(i + 2);
      const cell = (column: number) => row.getCell(column);
      expect([cell(1).value, cell(2).value, cell(3).value ?? '']).toEqual([
        csv.category,
        csv.name, // this year's name: 日用消费品, renamed from 日用及纺织品
        csv.parent ? names.get(csv.parent) : '',
      ]);
      const before = lastYear.get(csv.category)!;
      // 2023's figures as numbers (its change column is empty: unknown, shown as “—”), locked.
      expect([4, 6, 8, 10, 12].map((c) => cell(c).value)).toEqual(
        ['enterprises', 'batches', 'passed', 'pass_rate', 'change'].map((m) =>
          before[m] === '' ? '—' : Number(before[m]),
        ),
      );
      expect(cell(10).numFmt).toBe('0.0');
      for (const c of [1, 2, 3, 4, 6, 8, 10, 12])
        expect(cell(c).protection?.locked, `${csv.category} ${c}`).not.toBe(false);
      for (const c of [5, 7, 9, 11, 13]) {
        expect(cell(c).protection?.locked).toBe(false);
        expect(cell(c).value ?? null).toBeNull();
        expect(cell(c).dataValidation).toMatchObject({ type: 'decimal', formulae: [-1e15, 1e15] });
      }
      expect(cell(14).dataValidation).toMatchObject({ type: 'textLength' });
      // A product reads under its category.
      expect(cell(2).alignment?.indent ?? 0).toBe(csv.parent ? 1 : 0);
    });
    expect(sheet.getRow(thisYear.length + 2).getCell(1).value ?? null).toBeNull();
    expect((sheet as unknown as { sheetProtection?: { sheet: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    const instructions = (book.getWorksheet('填报说明')!.getColumn(2).values as unknown[]).map(String).join('\n');
    expect(instructions).toContain('“产品质量监督抽查结果（按产品类别）”、“产品质量监督抽查结果（按企业规模）”工作表');
  });

  it('has no columns of earlier figures for a breakdown no earlier edition published', async () => {
    const sheet = (await sheetsOf(demo, SPOT_CHECKS_SOURCE)).getWorksheet('产品质量监督抽查结果（按企业规模）')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '类别编号',
      '类别名称',
      '上级类别',
      '抽查企业（2024年，家）',
      '企业数占比（2024年，%）',
      '抽查批次（2024年，批次）',
      '合格批次（2024年，批次）',
      '合格率（2024年，%）',
      '备注',
    ]);
  });

  it('takes the categories of the latest earlier table when the year has no file of its own', () => {
    const project = {
      ...demo,
      editions: demo.editions.map((e) => (e.year === 2024 ? { ...e, breakdowns: [] } : e)),
    };
    const form = formsOf(project).find((f) => f.source === SPOT_CHECKS_SOURCE)!;
    // By size was first published in 2024: with no 2024 file it has no categories to list.
    expect(form.breakdowns.map((b) => b.definition.id)).toEqual(['spot_checks']);
    const [spotChecks] = form.breakdowns;
    expect(spotChecks!.previousYear).toBe(2023);
    expect(spotChecks!.rows.map((r) => [r.category, r.name])).toEqual(
      readBreakdownCsv(ROOT, 'spot_checks', 2023).map((r) => [r.category, r.name]),
    );
  });
});

describe('sheet names from titles', () => {
  it('fit Excel’s rules: 31 characters, none of \\ / ? * : [ ], unique in any case, not the form’s own sheets', () => {
    const long = '各县区规模以上工业企业主要产品质量监督抽查结果汇总（按行业和企业规模分列）';
    expect(sheetNames([long, long, 'A/B: [x]?', 'Total', 'total', '填报表'], ['填报说明', '填报表'])).toEqual([
      long.slice(0, 31),
      `${long.slice(0, 28)}(2)`,
      'A_B_ _x__',
      'Total',
      'total(2)',
      '填报表(2)',
    ]);
  });
});
