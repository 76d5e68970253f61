/**
 * npm run forms, as an editor runs it on a copy of the demo: one collection form per source department of
 * the draft edition, each listing exactly that department's indicators, with locked structure, validated
 * input cells and A4 print setup; the same input gives the same bytes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { addEdition } from '../src/lib/commands/add-edition.ts';
import { formsReport, makeForms } from '../src/lib/commands/make-forms.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import { copySite, ROOT } from './helpers/project-copy.ts';

/** `npm run forms -- <year>` for the site at `root`, in process: its exit status and what it prints. */
async function runForms(root: string, year: number) {
  const report = formsReport(await makeForms({ root, year }), year);
  return { status: report.ok ? 0 : 1, stdout: report.stdout, stderr: report.stderr };
}

/** A copy of the demo with a 2025 draft, as `npm run new-edition -- 2025` leaves it. */
function siteWithDraft(): string {
  const dir = copySite('wp-forms-');
  expect(addEdition({ root: dir, year: 2025 }).outcome).not.toBe('refused');
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
      expect(book.worksheets.map((w) => w.name)).toEqual(['填报说明', '填报表']);
      const department = String(book.getWorksheet('填报说明')!.getCell('B2').value);
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
