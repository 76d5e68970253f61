/**
 * npm run import, as an editor runs it on a copy of the demo: filled forms come back into the ledger
 * exactly; each way a spreadsheet spoils a cell is named at its cell and writes nothing; a second
 * import is a no-op; a value already in the ledger changes only with --replace, and the change is listed.
 * The command runs in process (`importLedger`, and `importReport` for what the script prints); the forms
 * are also saved by LibreOffice Calc, as a department would, which makes this an end-to-end suite.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

import { importLedger, importReport } from '../src/lib/commands/import-ledger.ts';
import { makeForms } from '../src/lib/commands/make-forms.ts';
import { validateProject } from '../src/lib/commands/validate.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import {
  blankedBreakdownCsv,
  breakdownFigures,
  readBreakdownDefinitions,
  typeBreakdownFigures,
} from './helpers/breakdowns.ts';
import { copySite, ROOT } from './helpers/project-copy.ts';

/** `npm run import -- <year> <paths…> [--replace]` in `dir`, in process: its exit status and what it prints. */
async function runImport(dir: string, year: string, ...args: string[]) {
  const paths = args.filter((a) => a !== '--replace');
  const result = await importLedger({
    root: dir,
    year: Number(year),
    paths,
    replace: args.includes('--replace'),
    cwd: dir,
  });
  if (result.outcome === 'usage') return { status: 2, stdout: '', stderr: result.message };
  const report = importReport(result);
  return { status: report.ok ? 0 : 1, stdout: report.stdout, stderr: report.stderr };
}
const checkErrors = (dir: string) =>
  validateProject(dir, { includeDrafts: true }).problems.filter((p) => p.severity === 'error');

const LEDGER = 'data/ledgers/2024.csv';
const FORMS = 'forms/2024';
/** Whether the loader reads data/breakdowns: until it does (issue 26), forms have no breakdown sheets. */

/** Opens a form, lets `edit` change it as a person would in a spreadsheet program, saves it. */
async function editForm(path: string, edit: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  edit(book.getWorksheet('填报表')!, book);
  await book.xlsx.writeFile(path);
}

/** Each indicator's own-year row of a ledger as the project reads it: the figures an import must reproduce. */
function ownYearRows(dir: string) {
  const edition = loadProject(dir, { includeDrafts: true }).editions.find((e) => e.year === 2024)!;
  return edition.ledgerRows
    .filter((r) => r.period === '2024')
    .map(({ indicator, value, target, editorStatus, note, source }) => ({
      indicator,
      value,
      target,
      editorStatus,
      note,
      source,
    }));
}

describe('npm run import', () => {
  const dir = copySite('wp-import-');
  const original = readFileSync(join(dir, LEDGER), 'utf8');
  const expected = ownYearRows(dir);
  let formFiles: string[] = [];
  let blank = '';
  const formOf = (department: string) =>
    join(
      dir,
      FORMS,
      formFiles.find((f) => f.startsWith(department))!,
    );
  const ledger = () => readFileSync(join(dir, LEDGER), 'utf8');
  /** The 2024 breakdown files as the demo has them, by path. */
  const breakdownFiles = new Map(
    readBreakdownDefinitions(dir)
      .map((d) => join(dir, 'data/breakdowns', d.id, '2024.csv'))
      .filter((file) => existsSync(file))
      .map((file) => [file, readFileSync(file, 'utf8')]),
  );
  /** The breakdown files with their figures and notes blanked, as new-edition leaves a draft's. */
  const blankBreakdowns = () => {
    for (const d of readBreakdownDefinitions(dir))
      if (existsSync(join(dir, 'data/breakdowns', d.id, '2024.csv')))
        writeFileSync(join(dir, 'data/breakdowns', d.id, '2024.csv'), blankedBreakdownCsv(ROOT, d.id, 2024));
  };
  const expectBreakdownsAsTyped = () => {
    expect(breakdownFiles.size).toBeGreaterThan(0);
    for (const [file, text] of breakdownFiles)
      expect(breakdownFigures(readFileSync(file)), file).toEqual(breakdownFigures(text));
  };

  beforeAll(async () => {
    // The 2024 ledger with its own-year figures blanked, as new-edition leaves a draft; forms made from it.
    blank = original
      .split('\n')
      .map((line, i) => {
        const cells = line.split(',');
        return i === 0 || cells[1] !== '2024' ? line : [cells[0], cells[1], '', cells[3], '', '', ''].join(',');
      })
      .join('\n');
    writeFileSync(join(dir, LEDGER), blank);
    blankBreakdowns();
    expect(await makeForms({ root: dir, year: 2024, cwd: dir })).toMatchObject({ outcome: 'written' });
    formFiles = readdirSync(join(dir, FORMS));
    // Each department types its figures: numbers as numbers, words as words.
    const byId = new Map(expected.map((r) => [r.indicator, r]));
    const statusWords = new Map(
      original.split('\n').map((line) => [line.split(',')[0] + line.split(',')[1], line.split(',')[4] ?? '']),
    );
    for (const file of formFiles)
      await editForm(join(dir, FORMS, file), (sheet, book) => {
        for (let n = 2; n <= sheet.rowCount; n++) {
          const row = byId.get(String(sheet.getCell(n, 1).value))!;
          if (row.value !== null) sheet.getCell(n, 7).value = row.value;
          sheet.getCell(n, 8).value = statusWords.get(`${row.indicator}2024`) || null;
          sheet.getCell(n, 9).value = row.note || null;
          sheet.getCell(n, 10).value = row.source || null;
        }
        // And the breakdown sheets of the department, if it reports one, with the figures of the demo's files.
        typeBreakdownFigures(book, ROOT, { from: 2024, year: 2024 });
      });
  });

  it('brings filled forms back into the ledger, equal to the figures they were filled with', async () => {
    const result = await runImport(dir, '2024', FORMS);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/已写入 data\/ledgers\/2024\.csv(、\S+)*：填入 \d+ 个单元格/);
    expect(ownYearRows(dir)).toEqual(expected);
    expect(checkErrors(dir)).toEqual([]);
  });

  it('brings the breakdown sheets back into their files, equal to the figures typed', () => {
    expectBreakdownsAsTyped();
  });

  it('reads the same forms saved again by LibreOffice Calc', async () => {
    writeFileSync(join(dir, LEDGER), blank);
    blankBreakdowns();
    const saved = join(dir, 'saved-by-libreoffice');
    const files = formFiles.map((f) => join(dir, FORMS, f));
    const soffice = spawnSync(
      'soffice',
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${dir}/lo-profile`,
        '--convert-to',
        'xlsx',
        '--outdir',
        saved,
        ...files,
      ],
      { encoding: 'utf8' },
    );
    expect(soffice.error, 'LibreOffice (soffice) is needed: .ci/run installs libreoffice-calc-nogui').toBeUndefined();
    expect(readdirSync(saved).sort()).toEqual([...formFiles].sort());
    const result = await runImport(dir, '2024', 'saved-by-libreoffice');
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(ownYearRows(dir)).toEqual(expected);
  });

  it('reads the breakdown sheets LibreOffice Calc saved', () => {
    expectBreakdownsAsTyped();
  });

  it('changes nothing when the same forms are imported again', async () => {
    const before = ledger();
    const result = await runImport(dir, '2024', FORMS);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('没有变化');
    expect(ledger()).toBe(before);
  });

  it('lists a changed value and writes it only with --replace', async () => {
    const before = ledger();
    await editForm(formOf('区市场监管局（'), (sheet) => (sheet.getCell('G2').value = 97.3));
    const refused = await runImport(dir, '2024', FORMS);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /区市场监管局（虚构示例）\.xlsx › 填报表!G2 {2}mfg_pass_rate 2024年 value：97\.1 → 97\.3/,
    );
    expect(refused.stderr).toContain('--replace');
    expect(ledger()).toBe(before);

    const replaced = await runImport(dir, '2024', FORMS, '--replace');
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.stdout).toContain('已覆盖 1 个单元格');
    expect(replaced.stdout).toContain('97.1 → 97.3');
    expect(ledger()).toContain('mfg_pass_rate,2024,97.3,');
    expect(ledger().replace('97.3', '97.1')).toBe(before);
  });

  it('says a locked cell of the structure was changed, ignores the context cells, and imports the rest', async () => {
    const path = formOf('区民政局');
    const good = readFileSync(path);
    const before = ledger();
    await editForm(path, (sheet) => {
      sheet.getCell('B2').value = '养老服务覆盖率';
      sheet.getCell('F2').value = '95%以上'; // the target shown for reference: never read back
    });
    const result = await runImport(dir, '2024', FORMS);
    writeFileSync(path, good);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /区民政局（虚构示例）\.xlsx › 填报表!B2\n\s+锁定的“指标名称”被改成了“养老服务覆盖率”/,
    );
    expect(result.stdout).not.toContain('填报表!F2');
    expect(ledger()).toBe(before);
  });

  // Each spoiled cell: the message, located at its cell, and the ledger left as it was.
  const spoiled: Array<[string, string, (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void, RegExp]> = [
    [
      'a number stored as text',
      '区市场监管局（',
      (sheet) => (sheet.getCell('G3').value = '98.9'),
      /填报表!G3\n\s+数值“98\.9”存成了文本，不是数字。\n\s+提示：请改为数字 98\.9/,
    ],
    [
      '97.5% typed into a percent cell',
      '区市场监管局（',
      (sheet) => {
        const cell = sheet.getCell('G2');
        cell.value = 0.975;
        cell.style = { ...cell.style, numFmt: '0.0%' };
      },
      /填报表!G2\n\s+单元格显示为“97\.5%”，但实际存的是 0\.975.*\n\s+提示：.*再输入 97\.5。/,
    ],
    ['merged cells', '区生态环境分局', (sheet) => sheet.mergeCells('I2:I3'), /填报表!I2:I3\n\s+合并单元格 I2:I3/],
    [
      'an extra row',
      '区住房和城乡建设局',
      (sheet) => (sheet.getCell(sheet.rowCount + 2, 7).value = 88),
      /填报表!A\d+\n\s+多出的行：这一行没有指标编号，但填写了内容。/,
    ],
    [
      'a form of another year',
      '区民政局',
      (_, book) => (book.getWorksheet('填报说明')!.getCell('B3').value = 2023),
      /填报说明!B3\n\s+这是“2023”年度的填报表，不是 2024 年的。/,
    ],
    [
      'a form without its instructions sheet',
      '区民政局',
      (_, book) => book.removeWorksheet(book.getWorksheet('填报说明')!.id),
      /区民政局（虚构示例）\.xlsx\n\s+填报表缺少“填报说明”工作表/,
    ],
    [
      'a row of another department',
      '区统计局（',
      (sheet) => (sheet.getCell('A2').value = 'pm25'),
      /填报表!A2\n\s+指标 pm25 由“区生态环境分局（虚构示例）”填报，不属于“区统计局（虚构示例）”的填报表。/,
    ],
    [
      'a formula without a result',
      '区卫生健康局',
      (sheet) => (sheet.getCell('G2').value = { formula: 'E2*1.01' } as ExcelJS.CellFormulaValue),
      /填报表!G2\n\s+单元格是公式，但文件中没有保存计算结果。/,
    ],
    [
      'a word where a number belongs',
      '区市场监管局（',
      (sheet) => (sheet.getCell('G4').value = '约百分之百'),
      /填报表!G4\n\s+.*约百分之百/,
    ],
  ];
  for (const [what, department, spoil, message] of spoiled)
    it(`names ${what} at its cell and writes nothing`, async () => {
      const path = formOf(department);
      const good = readFileSync(path);
      const before = ledger();
      await editForm(path, spoil);
      const result = await runImport(dir, '2024', FORMS, '--replace');
      writeFileSync(path, good);
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(message);
      expect(result.stderr).toMatch(/没有导入：data\/ledgers\/2024\.csv(、\S+)* 保持不变/);
      expect(ledger()).toBe(before);
    });

  it('reads a ledger workbook and a ledger CSV, located by cell and by line', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('台账');
    sheet.addRows([
      ['indicator', 'period', 'value', 'note'],
      ['coastal_water_good', 2023, 58.6, '再次复核'],
      ['pm25', 2024, '二十四'],
    ]);
    await book.xlsx.writeFile(join(dir, 'corrections.xlsx'));
    const bad = await runImport(dir, '2024', 'corrections.xlsx', '--replace');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/corrections\.xlsx › 台账!C3\n\s+.*二十四/);

    writeFileSync(join(dir, 'corrections.csv'), 'indicator,period,value,note\ncoastal_water_good,2023,58.6,再次复核\n');
    const good = await runImport(dir, '2024', 'corrections.csv', '--replace');
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toContain('corrections.csv:2:3  coastal_water_good 2023年 value：58.4 → 58.6');
    expect(ledger()).toContain('coastal_water_good,2023,58.6,,,再次复核,');
    rmSync(join(dir, 'corrections.csv'));
  });

  it('names a ledger column it cannot read, and imports nothing', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('台账').addRows([
      ['indicator', 'period', '数值'],
      ['coastal_water_good', 2023, 58.8],
    ]);
    await book.xlsx.writeFile(join(dir, 'renamed.xlsx'));
    const before = ledger();
    const result = await runImport(dir, '2024', 'renamed.xlsx', '--replace');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/renamed\.xlsx › 台账!C1\n\s+“数值”不是台账的列名/);
    expect(ledger()).toBe(before);
  });

  it('touches no ledger that check already refuses, and says to fix it first', async () => {
    const before = ledger();
    // A note with an unquoted comma: one cell too many, which a rewrite would silently cut off.
    const broken = before.replace(/^(mfg_pass_rate,2024,[^\n]*)$/m, '$1,市监局');
    writeFileSync(join(dir, LEDGER), broken);
    const result = await runImport(dir, '2024', FORMS, '--replace');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/错误 data\/ledgers\/2024\.csv:\d+/);
    expect(result.stderr).toContain('请先改正，再导入填报表');
    expect(ledger()).toBe(broken);
    writeFileSync(join(dir, LEDGER), before);
  });

  it('refuses what is not a form or a ledger, and a year without an edition', async () => {
    writeFileSync(join(dir, 'notes.docx'), 'x');
    const wrongKind = await runImport(dir, '2024', 'notes.docx');
    expect(wrongKind.status).toBe(1);
    expect(wrongKind.stdout).toContain('只能导入填报表或台账（.xlsx 或 .csv）');
    const noEdition = await runImport(dir, '2026', FORMS);
    expect(noEdition.status).toBe(1);
    expect(noEdition.stderr).toContain('npm run new-edition -- 2026');
  });
});
