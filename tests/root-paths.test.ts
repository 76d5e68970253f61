/**
 * A site under a subfolder of the folder the editor works in (`--root sites/qinglan`): every path a command
 * prints is one the editor can type back into the next command from the same folder, and is there. The
 * commands run in process from that folder (`cwd`), as the scripts run them from the project folder.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';

import { importChapter } from '../src/lib/commands/import-chapter.ts';
import { importLedger, importReport } from '../src/lib/commands/import-ledger.ts';
import { formsReport, makeForms } from '../src/lib/commands/make-forms.ts';
import { check, newEdition } from './helpers/commands.ts';
import { copySite, copySiteUnder, editFile } from './helpers/project-copy.ts';
import { wordDraft } from './helpers/word-draft.ts';

const SITE = 'sites/qinglan';

/** The paths a text names under the site's folder as typed (`sites/qinglan/…`), up to a space or a full stop. */
const typedPaths = (text: string) => [...text.matchAll(/sites\/qinglan\/[^\s：，。；（）]+/g)].map(([path]) => path);

describe('a site under a subfolder (--root): what a command prints, the next one accepts', () => {
  it('new-edition, forms, import, check and import-chapter name the files from the working folder', async () => {
    const { cwd, root } = copySiteUnder(SITE);

    const created = newEdition(root, 2025, cwd);
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain(`已创建 ${SITE}/content/editions/2025/edition.yaml`);
    expect(created.stdout).toContain(`npm run forms -- 2025 --root ${SITE}`);
    expect(created.stdout).toContain(`npm run import -- 2025 ${SITE}/forms/2025 --root ${SITE}`);
    expect(created.stdout).toContain(`npm run check -- --root ${SITE}`);
    // Every file it names (made or to be made by the next step) is in the site, typed from the working folder.
    for (const path of typedPaths(created.stdout).filter((p) => !p.includes('/forms/')))
      expect(existsSync(resolve(cwd, path)), path).toBe(true);

    const made = await makeForms({ root, year: 2025, cwd });
    const forms = formsReport(made, 2025);
    expect(forms.ok, forms.stderr).toBe(true);
    const written = made.outcome === 'written' ? made.forms.map((form) => form.file) : [];
    expect(written.length).toBeGreaterThan(1);
    for (const path of written) {
      expect(forms.stdout).toContain(`已生成 ${path}（`);
      expect(path.startsWith(`${SITE}/forms/2025/`) && existsSync(resolve(cwd, path)), path).toBe(true);
    }
    expect(forms.stdout).toContain(`在 ${SITE}/forms/2025/ 下`);

    // A department fills one figure; the folder is typed back as printed.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(resolve(cwd, written[0]!));
    const sheet = book.getWorksheet('填报表')!;
    const id = String(sheet.getCell('A2').value);
    sheet.getCell('G2').value = 42;
    await book.xlsx.writeFile(resolve(cwd, written[0]!));
    const imported = await importLedger({ root, year: 2025, paths: [`${SITE}/forms/2025`], cwd });
    expect(imported.outcome).toBe('written');
    if (imported.outcome === 'usage') return;
    const report = importReport(imported);
    expect(report.stdout).toContain(`已写入 ${SITE}/data/ledgers/2025.csv`);
    expect(report.stdout).toContain(`下一步：npm run check -- --root ${SITE}。`);
    expect(readFileSync(join(root, 'data/ledgers/2025.csv'), 'utf8')).toContain(`${id},2025,42,`);

    // The path as it is inside the site is not where the editor is: said, with the path to type.
    const inSite = await importLedger({ root, year: 2025, paths: ['forms/2025'], cwd });
    expect(inSite).toEqual({
      outcome: 'usage',
      message: `找不到 forms/2025。路径从当前文件夹算起：站点文件夹中的这个位置请写作 ${SITE}/forms/2025。`,
    });

    // check locates a problem at the file as typed.
    editFile(root, 'data/ledgers/2025.csv', (text) => text.replace(`${id},2025,42,`, `${id},2025,42%%,`));
    const checked = check(root, cwd);
    expect(checked.status).toBe(1);
    expect(checked.stdout).toMatch(new RegExp(`错误 ${SITE}/data/ledgers/2025\\.csv:\\d+:3`));
    editFile(root, 'data/ledgers/2025.csv', (text) => text.replace(`${id},2025,42%%,`, `${id},2025,42,`));

    mkdirSync(join(cwd, 'drafts'));
    writeFileSync(
      join(cwd, 'drafts/产品质量.docx'),
      await wordDraft({ year: 2025, mfg: '97.1%', food: '98.7%', qci: '90.6' }),
    );
    const chapter = await importChapter({
      root,
      year: 2025,
      draft: 'drafts/产品质量.docx',
      name: '07-word-draft',
      cwd,
    });
    expect(chapter.ok, chapter.ok ? '' : chapter.message).toBe(true);
    if (!chapter.ok) return;
    expect(chapter.file).toBe(`${SITE}/content/editions/2025/07-word-draft.mdx`);
    expect(chapter.root).toBe(SITE);
    for (const path of [chapter.file, ...chapter.images.map((image) => image.file), ...chapter.written])
      expect(existsSync(resolve(cwd, path)), path).toBe(true);
  });

  it('on the site of the working folder, files are named as before: relative to the site', async () => {
    const root = copySite('wp-root-paths-');
    const created = newEdition(root, 2025);
    expect(created.stdout).toContain('已创建 content/editions/2025/edition.yaml');
    expect(created.stdout).toContain('npm run import -- 2025 forms/2025；');
    const forms = formsReport(await makeForms({ root, year: 2025, cwd: root }), 2025);
    expect(forms.stdout).toContain('在 forms/2025/ 下');
  });
});

describe('import-chapter without a chapter of the draft’s title', () => {
  it('lists the chapters one a line, by file name and title, a title with 、 kept whole', async () => {
    const root = copySite('wp-chapter-list-');
    // The draft is titled 产品质量: the chapter of that title is renamed, so none matches.
    editFile(root, 'content/editions/2024/02-product-quality.mdx', (text) =>
      text.replace('title: 产品质量', 'title: 产品质量状况'),
    );
    writeFileSync(
      join(root, '产品质量.docx'),
      await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }),
    );
    const result = await importChapter({ root, year: 2024, draft: '产品质量.docx', cwd: root });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const chapters = [
      ...readFileSync(join(root, 'content/editions/2024/06-brands-standards-outlook.mdx'), 'utf8').matchAll(
        /^title: (.+)$/gm,
      ),
    ];
    expect(chapters[0]![1]).toContain('、'); // the case: a title that would read as two in a list joined with 、
    const lines = result.message.split('\n');
    expect(lines).toContain(`  06-brands-standards-outlook《${chapters[0]![1]}》`);
    expect(lines).toContain('  02-product-quality《产品质量状况》');
    expect(lines[0]).toBe('本年度没有标题为《产品质量》的章节。现有 6 章：');
  });
});
