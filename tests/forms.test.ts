/**
 * npm run forms, as an editor runs it on a copy of the demo: one collection form per source department of
 * the draft edition, each listing exactly that department's indicators, with locked structure, validated
 * input cells and A4 print setup; the same input gives the same bytes. The context a form shows (the
 * previous value, the target in force) is checked on 洞头区's copies, and import does not read it back.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { addEdition } from '../src/lib/commands/add-edition.ts';
import { importLedger, importReport } from '../src/lib/commands/import-ledger.ts';
import { formsReport, makeForms } from '../src/lib/commands/make-forms.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import { readBreakdownCsv, readBreakdownDefinition, typeBreakdownFigures } from './helpers/breakdowns.ts';
import { copySite, editFile, ROOT } from './helpers/project-copy.ts';

/** `npm run forms -- <year>` for the site at `root`, in process: its exit status and what it prints. */
async function runForms(root: string, year: number) {
  const report = formsReport(await makeForms({ root, year, cwd: root }), year);
  return { status: report.ok ? 0 : 1, stdout: report.stdout, stderr: report.stderr };
}

/** A copy of the demo with a 2025 draft, as `npm run new-edition -- 2025` leaves it. */
function siteWithDraft(): string {
  const dir = copySite('wp-forms-');
  expect(addEdition({ root: dir, year: 2025, cwd: dir }).outcome).not.toBe('refused');
  return dir;
}

// Each test makes its own copy: none depends on another having run.
describe('npm run forms', () => {
  it('says to create the edition first when there is none', async () => {
    const result = await runForms(copySite('wp-forms-'), 2025);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run new-edition -- 2025');
  });

  it('writes one form per source department, each with exactly its indicators, locked and validated', async () => {
    const dir = siteWithDraft();
    const made = await runForms(dir, 2025);
    expect(made.status, made.stderr).toBe(0);
    const project = loadProject(dir, { includeDrafts: true });
    const draft = project.editions.find((e) => e.year === 2025)!;
    const expected = new Map<string, string[]>();
    for (const row of draft.ledgerRows.filter((r) => r.period === '2025')) {
      const source = project.catalogue.find((i) => i.id === row.indicator)!.source;
      expected.set(source, [...(expected.get(source) ?? []), row.indicator]);
    }
    const files = readdirSync(join(dir, 'forms', '2025'));
    expect(files).toHaveLength(expected.size);

    for (const file of files) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(readFileSync(join(dir, 'forms', '2025', file))).buffer);
      const department = String(book.getWorksheet('填报说明')!.getCell('B2').value);
      // Then a sheet per breakdown the department reports (its indicator's source), named by its title.
      const breakdowns = project.breakdowns.filter(
        (b) => (b.source || project.catalogue.find((i) => i.id === b.indicator)?.source) === department,
      );
      expect(book.worksheets.map((w) => w.name)).toEqual(['填报说明', '填报表', ...breakdowns.map((b) => b.title)]);
      expect(file).toBe(`${department.replace(/[\\/:*?"<>|\s]+/g, '_')}.xlsx`);
      const sheet = book.getWorksheet('填报表')!;
      const ids: string[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) ids.push(String(row.getCell(1).value));
      });
      expect(ids, department).toEqual(expected.get(department));
      expect(sheet.getRow(1).getCell(7).value).toBe('本年数值（2025年）');
      for (let n = 2; n <= ids.length + 1; n++) {
        const indicator = project.catalogue.find((i) => i.id === ids[n - 2])!;
        expect(sheet.getCell(n, 1).protection?.locked).not.toBe(false); // the id is part of the structure
        for (const col of [7, 8, 9, 10]) expect(sheet.getCell(n, col).protection?.locked).toBe(false);
        expect(sheet.getCell(n, 7).dataValidation.type).toBe(indicator.type === 'number' ? 'decimal' : 'textLength');
        expect(sheet.getCell(n, 8).dataValidation.type).toBe('list');
      }
      expect((sheet as unknown as { sheetProtection?: { sheet: boolean } }).sheetProtection?.sheet).toBe(true);
      expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    }
  });

  it('puts indicators whose catalogue names no source in one form, and says how to split it (洞头区)', async () => {
    const site = copySite('wp-dongtou-', join(ROOT, 'examples/dongtou'));
    const made = await runForms(site, 2021);
    expect(made.status, made.stderr).toBe(0);
    expect(readdirSync(join(site, 'forms', '2021'))).toEqual(['未注明数据来源.xlsx']);
    expect(made.stdout).toMatch(/\d+ 项指标在 data\/indicators\.csv 中没有填写 source/);
  });

  it('writes the same bytes again from the same input', async () => {
    const dir = siteWithDraft();
    expect((await runForms(dir, 2025)).status).toBe(0);
    const folder = join(dir, 'forms', '2025');
    const before = readdirSync(folder).map((f) => readFileSync(join(folder, f)));
    expect((await runForms(dir, 2025)).status).toBe(0);
    const after = readdirSync(folder).map((f) => readFileSync(join(folder, f)));
    expect(after).toEqual(before);
  });
});

const DONGTOU = join(ROOT, 'examples/dongtou');

/** Each row of the forms written for `year`, by indicator id: the context cells as the files hold them. */
async function formContext(root: string, year: number) {
  const context = new Map<string, { previous: string; target: string }>();
  const folder = join(root, 'forms', String(year));
  for (const file of readdirSync(folder)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(join(folder, file))).buffer);
    const sheet = book.getWorksheet('填报表')!;
    expect(sheet.getRow(1).getCell(5).value).toBe(`上年数值（${year - 1}年）`);
    expect(sheet.getRow(1).getCell(6).value).toBe(`本年目标（${year}年）`);
    sheet.eachRow((row, n) => {
      const text = (column: number) => String(row.getCell(column).value ?? '');
      if (n > 1) context.set(text(1), { previous: text(5), target: text(6) });
    });
  }
  return context;
}

describe('the context a form shows: the previous value and the target in force', () => {
  it('takes the previous value from the previous edition’s ledger, as that ledger holds it', async () => {
    const site = copySite('wp-forms-context-', DONGTOU);
    expect((await runForms(site, 2021)).status).toBe(0);
    const context = await formContext(site, 2021);
    const units = new Map(
      (parse(readFileSync(join(DONGTOU, 'data/indicators.csv')), { columns: true }) as Record<string, string>[]).map(
        (i) => [i.id!, i],
      ),
    );
    const lastYear = parse(readFileSync(join(DONGTOU, 'data/ledgers/2020.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    let compared = 0;
    for (const row of lastYear) {
      const indicator = units.get(row.indicator!)!;
      // Figures shown as written: no rounding to a set number of decimals.
      if (!context.has(row.indicator!) || row.value === '' || indicator.decimals !== '') continue;
      const numeric = /^-?\d+(\.\d+)?$/.test(row.value!);
      expect(context.get(row.indicator!)!.previous, row.indicator).toBe(
        numeric ? `${row.value}${indicator.unit}` : row.value,
      );
      compared++;
    }
    expect(compared).toBeGreaterThan(5);
    // A plan's first year, with no target of its own: the plan's end target, said to be that.
    expect(context.get('mfg_pass_rate')!.target).toBe('“十四五”目标（2025年）：96%');
  });

  it('in a first edition: its own baseline rows, the plan’s target for the year, a base-year target with its base', async () => {
    // 洞头区 as if 2021 were its first edition (as a white paper's first edition reports its baseline year).
    const site = copySite('wp-forms-first-', DONGTOU);
    rmSync(join(site, 'content/editions/2020'), { recursive: true });
    rmSync(join(site, 'data/ledgers/2020.csv'));
    editFile(site, 'data/ledgers/2021.csv', (text) =>
      text
        .replace('pm25,2021,,,', 'pm25,2021,,比2020年下降10%,')
        .concat('mfg_pass_rate,2020,99.2,,,,\npm25,2020,22,,,,\n'),
    );
    appendFileSync(join(site, 'data/plans/2021-2025.csv'), 'mfg_pass_rate,95,2021,制造业产品质量合格率,\n');
    expect((await runForms(site, 2021)).status).toBe(0);
    const context = await formContext(site, 2021);
    expect(context.get('mfg_pass_rate')).toEqual({ previous: '99.2%', target: '95%' });
    expect(context.get('pm25')).toEqual({
      previous: '22微克/立方米',
      target: '比2020年下降10%（2020年为22微克/立方米）',
    });
    expect(context.get('agri_pass_rate')).toEqual({ previous: '', target: '“十四五”目标（2025年）：≥98%' });
  });

  it('is not read back: an import after the ledgers moved on warns of nothing and brings the figures in', async () => {
    const site = copySite('wp-forms-moved-', DONGTOU);
    expect((await runForms(site, 2021)).status).toBe(0);
    const [file] = readdirSync(join(site, 'forms/2021'));
    const path = join(site, 'forms/2021', file!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
    const sheet = book.getWorksheet('填报表')!;
    expect(sheet.getCell('A2').value).toBe('mfg_pass_rate');
    expect(sheet.getCell('E2').value).toBe('100%');
    sheet.getCell('G2').value = 98.5;
    await book.xlsx.writeFile(path);
    // Since the form was made, 2020's figure was restated and the plan's target changed.
    editFile(site, 'data/ledgers/2020.csv', (text) =>
      text.replace('mfg_pass_rate,2020,100,', 'mfg_pass_rate,2020,99.8,'),
    );
    editFile(site, 'data/plans/2021-2025.csv', (text) => text.replace('mfg_pass_rate,96,', 'mfg_pass_rate,97,'));
    const result = await importLedger({ root: site, year: 2021, paths: ['forms/2021'], cwd: site });
    expect(result.outcome).toBe('written');
    if (result.outcome === 'usage') return;
    // (The other cells are left blank, which check warns of: that is not about the context.)
    expect(result.problems.filter((p) => p.severity === 'error' || p.message.includes('锁定'))).toEqual([]);
    expect(readFileSync(join(site, 'data/ledgers/2021.csv'), 'utf8')).toContain('mfg_pass_rate,2021,98.5,');
  });
});

describe('a returned form of a department not among the forms', () => {
  it('is named with every department quoted, so a name holding 、 reads as one', async () => {
    const dir = siteWithDraft();
    expect((await runForms(dir, 2025)).status).toBe(0);
    const [file] = readdirSync(join(dir, 'forms/2025'));
    const path = join(dir, 'forms/2025', file!);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
    book.getWorksheet('填报说明')!.getCell('B2').value = '区质量技术监督局';
    await book.xlsx.writeFile(path);
    const result = await importLedger({ root: dir, year: 2025, paths: [`forms/2025/${file}`], cwd: dir });
    expect(result.outcome).toBe('refused');
    if (result.outcome === 'usage') return;
    const sources = new Set(loadProject(dir).catalogue.map((i) => i.source));
    const joined = [...sources].find((source) => source.includes('、'))!;
    expect(joined).toBeDefined(); // the case: 区市场监管局、区统计局 is one department
    const message = result.problems.find((p) => p.message.startsWith('填报单位“区质量技术监督局”'))!.message;
    expect(message).toContain(`“${joined}”`);
    expect(message).toMatch(/^填报单位“区质量技术监督局”不在 \d+ 个填报部门之中（“[^”]+”(、“[^”]+”)+）。$/);
  });
});

/** Whether the loader reads data/breakdowns: until it does (issue 26), the commands see no breakdowns. */

describe('breakdowns through the commands: new-edition, forms, import', () => {
  it('carries the categories into the new year; a filled form’s breakdown sheets come back into its files', async () => {
    const dir = siteWithDraft();
    const ids = ['spot_checks', 'spot_checks_by_size'];
    const file = (id: string) => join(dir, 'data/breakdowns', id, '2025.csv');
    for (const id of ids) {
      const carried = parse(readFileSync(file(id)), { columns: true }) as Record<string, string>[];
      const last = readBreakdownCsv(ROOT, id, 2024);
      expect(carried.map((r) => [r.category, r.name, r.parent])).toEqual(
        last.map((r) => [r.category, r.name, r.parent]),
      );
    }
    expect((await runForms(dir, 2025)).status).toBe(0);
    const market = readdirSync(join(dir, 'forms/2025')).find((f) => f.startsWith('区市场监管局（'))!;
    const path = join(dir, 'forms/2025', market);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync(path)).buffer);
    // 2025's report repeats 2024's figures, so its change on last year is 0 everywhere.
    typeBreakdownFigures(book, ROOT, {
      from: 2024,
      year: 2025,
      figure: (cell, m) => (m.role.kind === 'change' ? '0' : cell),
    });
    await book.xlsx.writeFile(path);

    const imported = await importLedger({ root: dir, year: 2025, paths: [`forms/2025/${market}`], cwd: dir });
    expect(imported.outcome, JSON.stringify(imported)).toBe('written');
    if (imported.outcome === 'usage') return;
    expect(imported.written).toEqual(ids.map((id) => `data/breakdowns/${id}/2025.csv`));
    for (const id of ids) {
      const written = parse(readFileSync(file(id)), { columns: true }) as Record<string, string>[];
      const { measures } = readBreakdownDefinition(ROOT, id);
      readBreakdownCsv(ROOT, id, 2024).forEach((last, i) => {
        for (const m of measures)
          expect(Number(written[i]![m.id]), `${id} ${last.category} ${m.id}`).toBe(
            m.role.kind === 'change' ? 0 : Number(last[m.id]),
          );
      });
    }
    // Again: nothing changes; a figure typed otherwise is listed and written only with --replace.
    const again = await importLedger({ root: dir, year: 2025, paths: [`forms/2025/${market}`], cwd: dir });
    expect(again.outcome).toBe('unchanged');
    book.getWorksheet('产品质量监督抽查结果（按产品类别）')!.getCell('G3').value = 50;
    await book.xlsx.writeFile(path);
    const changed = await importLedger({ root: dir, year: 2025, paths: [`forms/2025/${market}`], cwd: dir });
    expect(changed.outcome).toBe('needsReplace');
    if (changed.outcome === 'usage') return;
    expect(importReport(changed).stderr).toContain(
      `${market} › 产品质量监督抽查结果（按产品类别）!G3  data/breakdowns/spot_checks/2025.csv daily_goods batches：48 → 50`,
    );
  });
});
