/**
 * Issue 23, the office round trip (forms, import, import-chapter, new-edition) and every file write: each
 * red-team case reproduced in process on a copy of the demo's content, and refused with a located Chinese
 * error or made harmless. Where it means something, the unprotected way is shown to do the harm first.
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importChapter } from '../src/lib/commands/import-chapter.ts';
import { importLedger } from '../src/lib/commands/import-ledger.ts';
import { makeForms } from '../src/lib/commands/make-forms.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import { scaffoldEdition } from '../src/lib/content/new-edition.ts';
import { formatReport, type Problem } from '../src/lib/site/problems.ts';
import { WriteRefused, writeWhole } from '../src/lib/site/write-whole.ts';
import { png } from './helpers/pictures.ts';
import { copySite, removeSiteCopies } from './helpers/project-copy.ts';
import { wordDraft } from './helpers/word-draft.ts';

const LEDGER = 'data/ledgers/2024.csv';
const made: string[] = [];
/** A throw-away folder; all are removed after the suite. */
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
/** The demo's content and data: all the in-process commands read. */
const site = () => copySite('wp-red-office-');
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  removeSiteCopies();
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');
/** What an editor reads: Chinese, no stack trace, no JavaScript error words. */
function expectPlainChinese(text: string) {
  expect(text).toMatch(/[\u4e00-\u9fff]/);
  expect(text).not.toMatch(/\n\s+at |Error|Cannot|undefined|null|Maximum call stack|TypeError/);
}

/** A workbook's first form (`forms/2024/…xlsx`) as npm run forms writes it, edited and saved under `name`. */
async function editedForm(
  dir: string,
  source: string,
  name: string,
  edit: (sheet: ExcelJS.Worksheet) => void,
): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(readFileSync(join(dir, source))).buffer);
  edit(book.getWorksheet('填报表')!);
  writeFileSync(join(dir, name), new Uint8Array(await book.xlsx.writeBuffer()));
}

describe('office round trip, red team (issue 23)', () => {
  let dir: string;
  let form: string; // forms/2024/<a department>.xlsx, as generated
  const ledgerBefore = () => read(dir, LEDGER);

  beforeAll(async () => {
    dir = site();
    const result = await makeForms({ root: dir, year: 2024, cwd: dir });
    expect(result.outcome).toBe('written');
    form = readdirSync(join(dir, 'forms/2024'))
      .map((f) => `forms/2024/${f}`)
      .find((f) => f.includes('区民政局'))!;
  });

  describe('1. bombs: bounded work, located errors', () => {
    it('a form with one cell at XFD1048576 is read as the cells it holds, in seconds', async () => {
      await editedForm(dir, form, 'bomb-form.xlsx', (sheet) => (sheet.getCell('XFD1048576').value = 'x'));
      // What the old loops walked: ExcelJS's last row and column, a million rows of sixteen thousand cells.
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(readFileSync(join(dir, 'bomb-form.xlsx'))).buffer);
      expect([book.getWorksheet('填报表')!.rowCount, book.getWorksheet('填报表')!.columnCount]).toEqual([
        1048576, 16384,
      ]);
      const before = ledgerBefore();
      const result = await importLedger({ root: dir, year: 2024, paths: ['bomb-form.xlsx'], cwd: dir });
      expect(result.outcome).toBe('refused');
      if (result.outcome === 'usage') return;
      expect(errors(result.problems)).toContainEqual(
        expect.objectContaining({
          file: 'bomb-form.xlsx › 填报表!XFD1048576',
          message: expect.stringContaining('多出的列'),
        }),
      );
      expect(ledgerBefore()).toBe(before);
    });

    it('a ledger sheet with a cell at A1048576 is read as the cells it holds, in seconds', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('台账');
      sheet.addRows([['indicator', 'period', 'value', 'target', 'status', 'note', 'source']]);
      sheet.getCell('A1048576').value = 'pm25';
      await book.xlsx.writeFile(join(dir, 'bomb-ledger.xlsx'));
      const before = ledgerBefore();
      const result = await importLedger({ root: dir, year: 2024, paths: ['bomb-ledger.xlsx'], cwd: dir });
      expect(result.outcome).toBe('refused');
      if (result.outcome === 'usage') return;
      expect(errors(result.problems)[0]!.file).toBe('bomb-ledger.xlsx › 台账!A1048576');
      expect(ledgerBefore()).toBe(before);
    });

    it('a workbook that unpacks to more than 50 MB is refused before it is unpacked', async () => {
      const book = await JSZip.loadAsync(readFileSync(join(dir, form)));
      book.file('xl/media/padding.bin', ' '.repeat(60 * 1024 * 1024));
      writeFileSync(
        join(dir, 'zip-bomb.xlsx'),
        await book.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
      );
      const result = await importLedger({ root: dir, year: 2024, paths: ['zip-bomb.xlsx'], cwd: dir });
      if (result.outcome === 'usage') throw new Error(result.message);
      expect(result.outcome).toBe('refused');
      expect(result.problems[0]).toMatchObject({ file: 'zip-bomb.xlsx' });
      expect(result.problems[0]!.message).toMatch(/解压后有 6\d MB，超过 50 MB 的上限/);
    });

    it('a Word draft of 3000 nested tables crashes mammoth; import-chapter names the file and the nesting', async () => {
      const docx = await nestedTables(3000);
      await expect(mammoth.convertToHtml({ buffer: Buffer.from(docx) })).rejects.toThrow(/Maximum call stack/);

      writeFileSync(join(dir, '嵌套.docx'), docx);
      const result = await importChapter({ root: dir, year: 2024, draft: '嵌套.docx', name: '09-nested', cwd: dir });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(
        /^无法转换 嵌套\.docx：草稿中的表格、列表或其他内容嵌套了 9\d{3} 层，超过 100 层的上限/,
      );
      expectPlainChinese(result.message);
      expect(existsSync(join(dir, 'content/editions/2024/09-nested.mdx'))).toBe(false);
    });
  });

  describe('2. symlinks: nothing read or written across the site’s boundary', () => {
    it('a symlink in a returned forms folder would merge an outside CSV; import names it and imports nothing', async () => {
      const outside = join(temp('wp-outside-'), 'other.csv');
      writeFileSync(outside, 'indicator,period,value\nmfg_pass_rate,2024,12.3\n');
      const folder = join(dir, 'returned');
      mkdirSync(folder);
      cpSync(join(dir, form), join(folder, 'form.xlsx'));
      symlinkSync(outside, join(folder, 'zz-link.csv'));
      expect(readFileSync(join(folder, 'zz-link.csv'), 'utf8')).toContain('12.3'); // a plain read follows it

      const before = ledgerBefore();
      const result = await importLedger({ root: dir, year: 2024, paths: ['returned'], cwd: dir, replace: true });
      expect(result.outcome).toBe('refused');
      if (result.outcome === 'usage') return;
      expect(errors(result.problems)).toEqual([
        expect.objectContaining({ file: 'returned/zz-link.csv', message: expect.stringContaining('符号链接') }),
      ]);
      expect(ledgerBefore()).toBe(before);
      expect(ledgerBefore()).not.toContain('12.3');
    });

    it('a planted data/ledgers/2024.csv.tmp link is written through by a plain write, never by import', async () => {
      const outside = join(temp('wp-outside-'), 'victim.txt');
      const plant = () => {
        writeFileSync(outside, 'precious');
        rmSync(join(dir, `${LEDGER}.tmp`), { force: true });
        symlinkSync(outside, join(dir, `${LEDGER}.tmp`));
      };
      plant();
      writeFileSync(join(dir, `${LEDGER}.tmp`), 'ledger text'); // the old writeWhole's first step
      expect(readFileSync(outside, 'utf8')).toBe('ledger text');

      plant();
      writeFileSync(join(dir, 'fix.csv'), 'indicator,period,note\nmfg_pass_rate,2024,复核\n');
      const result = await importLedger({ root: dir, year: 2024, paths: ['fix.csv'], cwd: dir, replace: true });
      expect(result.outcome).toBe('written');
      expect(readFileSync(outside, 'utf8')).toBe('precious');
      expect(lstatSync(join(dir, LEDGER)).isFile()).toBe(true);
      expect(ledgerBefore()).toMatch(/mfg_pass_rate,2024,[^\n]*复核/);
      rmSync(join(dir, `${LEDGER}.tmp`));
    });

    it('a planted picture link is neither overwritten nor written through by import-chapter', async () => {
      const outside = temp('wp-outside-');
      const images = join(dir, 'content/editions/2024/images');
      mkdirSync(images, { recursive: true });
      writeFileSync(join(outside, 'picture'), 'precious picture');
      symlinkSync(join(outside, 'picture'), join(images, '08-linked-1.png'));
      writeFileSync(join(dir, 'draft.docx'), await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }));

      // Without --replace a picture already there is not overwritten (nor the chapter written).
      const draft = { root: dir, year: 2024, draft: 'draft.docx', name: '08-linked', cwd: dir };
      const refused = await importChapter(draft);
      expect(refused).toMatchObject({ ok: false, message: expect.stringContaining('images/08-linked-1.png 已存在') });
      // With --replace the link itself is replaced by the picture (renamed over it); what it pointed to is untouched.
      const replaced = await importChapter({ ...draft, replace: true });
      expect(replaced.ok, replaced.ok ? '' : replaced.message).toBe(true);
      expect(readFileSync(join(outside, 'picture'), 'utf8')).toBe('precious picture');
      expect(lstatSync(join(images, '08-linked-1.png')).isFile()).toBe(true);
      rmSync(join(dir, 'content/editions/2024/08-linked.mdx'));
      rmSync(join(images, '08-linked-1.png'));
    });

    it('a picture beyond the bounds in a Word draft is refused before anything is written', async () => {
      writeFileSync(
        join(dir, 'huge.docx'),
        await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }, png(30000, 30000, true)),
      );
      const result = await importChapter({ root: dir, year: 2024, draft: 'huge.docx', name: '08-huge', cwd: dir });
      expect(result).toMatchObject({ ok: false, message: expect.stringContaining('30000 × 30000 像素') });
      expect(existsSync(join(dir, 'content/editions/2024/08-huge.mdx'))).toBe(false);
      expect(existsSync(join(dir, 'content/editions/2024/images/08-huge-1.png'))).toBe(false);
    });

    it('a planted <chapter>.mdx.tmp link is written through by a plain write, never by import-chapter', async () => {
      const outside = join(temp('wp-outside-'), 'chapter');
      const tmp = join(dir, 'content/editions/2024/08-planted.mdx.tmp');
      writeFileSync(outside, 'precious chapter');
      symlinkSync(outside, tmp);
      writeFileSync(tmp, 'chapter text'); // the old writeWhole's first step
      expect(readFileSync(outside, 'utf8')).toBe('chapter text');
      writeFileSync(outside, 'precious chapter');

      writeFileSync(join(dir, 'draft.docx'), await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }));
      const result = await importChapter({ root: dir, year: 2024, draft: 'draft.docx', name: '08-planted', cwd: dir });
      expect(result.ok, result.ok ? '' : result.message).toBe(true);
      expect(readFileSync(outside, 'utf8')).toBe('precious chapter');
      expect(lstatSync(join(dir, 'content/editions/2024/08-planted.mdx')).isFile()).toBe(true);
      expect(lstatSync(join(dir, 'content/editions/2024/images/08-planted-1.png')).isFile()).toBe(true);
      for (const file of ['08-planted.mdx', '08-planted.mdx.tmp', 'images/08-planted-1.png'])
        rmSync(join(dir, 'content/editions/2024', file));
    });

    it('writeWhole refuses a folder on the way that resolves out of the root, and writes nothing there', () => {
      const root = temp('wp-root-');
      const outside = temp('wp-outside-');
      symlinkSync(outside, join(root, 'images'));
      writeFileSync(join(outside, 'kept'), 'x');
      writeFileSync(join(root, 'images', 'through.png'), 'x'); // a plain write goes through the link
      expect(existsSync(join(outside, 'through.png'))).toBe(true);

      expect(() => writeWhole(root, 'images/a.png', 'y')).toThrow(WriteRefused);
      expect(() => writeWhole(root, 'images/new/a.png', 'y')).toThrow(/images 是指向站点文件夹之外的符号链接/);
      expect(() => writeWhole(root, '../escape.txt', 'y')).toThrow(/不在站点文件夹之内/);
      expect(readdirSync(outside).sort()).toEqual(['kept', 'through.png']);
    });

    it('import-chapter refuses an images folder linked out of the site, writing neither picture nor chapter', async () => {
      const root = site();
      const outside = temp('wp-outside-');
      symlinkSync(outside, join(root, 'content/editions/2024/images'));
      writeFileSync(
        join(root, 'draft.docx'),
        await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }),
      );
      const result = await importChapter({ root, year: 2024, draft: 'draft.docx', name: '08-out', cwd: root });
      expect(result).toMatchObject({
        ok: false,
        // Refused by check (the pictures' folder is a link) or by the write itself: located, nothing written.
        message: expect.stringMatching(/images 是指向站点文件夹之外|08-out\.mdx:\d+:\d+\n.*是符号链接/),
      });
      expect(readdirSync(outside)).toEqual([]);
      expect(existsSync(join(root, 'content/editions/2024/08-out.mdx'))).toBe(false);
    });

    it('new-edition copies pictures as files, never a symlink (or what it points to)', () => {
      const root = site();
      const outside = join(temp('wp-outside-'), 'secret.png');
      writeFileSync(outside, 'secret');
      const images = join(root, 'content/editions/2024/images');
      mkdirSync(images, { recursive: true });
      writeFileSync(join(images, 'real.png'), 'real');
      symlinkSync(outside, join(images, 'link.png'));
      const result = scaffoldEdition(loadProject(root, { includeDrafts: true }), root, 2025);
      if ('error' in result) throw new Error(result.error);
      expect(result.files.has('content/editions/2025/images/real.png')).toBe(true);
      expect(result.files.has('content/editions/2025/images/link.png')).toBe(false);
      expect(result.notes.join('\n')).toContain('content/editions/2024/images/link.png 是符号链接');
    });
  });

  describe('3. no silent loss', () => {
    it('departments 区局/一科 and 区局:一科 would share a form file: refused with both names, nothing written', async () => {
      const root = site();
      const catalogue = read(root, 'data/indicators.csv').split('\n');
      // Two indicators of the 2024 ledger get the two departments as their source (the last column).
      let n = 0;
      const edited = catalogue.map((line, i) => {
        if (i === 0 || !line.trim() || n >= 2) return line;
        return line.replace(/,[^,]*$/, `,${['区局/一科', '区局:一科'][n++]}`);
      });
      writeFileSync(join(root, 'data/indicators.csv'), edited.join('\n'));
      const result = await makeForms({ root, year: 2024, cwd: root });
      expect(result.outcome).toBe('refused');
      if (result.outcome !== 'refused') return;
      expect(result.problems).toEqual([
        expect.objectContaining({
          file: 'data/indicators.csv',
          message:
            '部门“区局/一科”和“区局:一科”的填报表都会命名为 forms/2024/区局_一科.xlsx，一份会覆盖另一份；没有生成任何填报表。',
        }),
      ]);
      expect(existsSync(join(root, 'forms'))).toBe(false);
    });

    it('import-chapter --name 98-a neither takes 99-a’s address nor overwrites its picture a-1.png', async () => {
      const root = site();
      const edition = join(root, 'content/editions/2024');
      mkdirSync(join(edition, 'images'), { recursive: true });
      writeFileSync(join(edition, 'images/a-1.png'), 'the picture of 99-a');
      writeFileSync(join(edition, '99-a.mdx'), '---\ntitle: 另一章\norder: 99\n---\n\n![图](./images/a-1.png)\n');
      writeFileSync(
        join(root, 'draft.docx'),
        await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }),
      );

      const result = await importChapter({ root, year: 2024, draft: 'draft.docx', name: '98-a', cwd: root });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toContain('去掉序号后同名');
      expect(read(root, 'content/editions/2024/images/a-1.png')).toBe('the picture of 99-a');
      expect(existsSync(join(edition, '98-a.mdx'))).toBe(false);

      // A chapter of its own address: its pictures are named after its whole file name.
      const own = await importChapter({ root, year: 2024, draft: 'draft.docx', name: '98-b', cwd: root });
      expect(own.ok ? own.images.map((i) => i.file) : own.message).toEqual(['content/editions/2024/images/98-b-1.png']);
      expect(read(root, 'content/editions/2024/images/a-1.png')).toBe('the picture of 99-a');
    });
  });

  describe('4. honest terminal output', () => {
    it('a form named with a newline and a forged success line, or an ESC[2J, is printed with both made visible', async () => {
      const folder = join(dir, 'spoofed');
      mkdirSync(folder);
      const forged = 'a\n检查通过：全部数据无误，已写入台账。.xlsx';
      const clearing = '\u001b[2J区民政局.xlsx';
      for (const name of [forged, clearing])
        await editedForm(dir, form, `spoofed/${name}`, (sheet) => (sheet.getCell('G2').value = '98.9'));
      const result = await importLedger({ root: dir, year: 2024, paths: ['spoofed'], cwd: dir });
      expect(result.outcome).toBe('refused');
      if (result.outcome === 'usage') return;
      const files = errors(result.problems).map((p) => p.file);
      expect(files).toContain('spoofed/a⟨U+000A⟩检查通过：全部数据无误，已写入台账。.xlsx › 填报表!G2');
      expect(files).toContain('spoofed/⟨U+001B⟩[2J区民政局.xlsx › 填报表!G2');
      const printed = formatReport(result.problems);
      expect(printed).not.toContain('\u001b');
      expect(printed.split('\n').some((line) => line.startsWith('检查通过'))).toBe(false);
    });

    it('a draft named with an escape code is named visibly by import-chapter', async () => {
      writeFileSync(join(dir, '\u001b[2J草稿.docx'), '');
      const result = await importChapter({
        root: dir,
        year: 2024,
        draft: '\u001b[2J草稿.docx',
        name: '09-x',
        cwd: dir,
      });
      expect(result).toEqual({
        ok: false,
        message: expect.stringContaining('无法读取 ⟨U+001B⟩[2J草稿.docx（文件是空的（0 字节））'),
      });
    });
  });

  describe('5. clear errors for bad files', () => {
    const xlsxCases: Array<[string, () => Promise<Uint8Array>, RegExp]> = [
      ['a zero-byte workbook', async () => new Uint8Array(), /文件是空的（0 字节）/],
      ['a text file named .xlsx', async () => new TextEncoder().encode('indicator,period\n'), /不是 Office 文档格式/],
      [
        'an old .xls (OLE) file',
        async () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
        /旧版 \.xls/,
      ],
      ['a truncated workbook', async () => readFileSync(join(dir, form)).subarray(0, 2000), /已损坏或不完整/],
      [
        'a Word document named .xlsx',
        () => wordDraft({ year: 2024, mfg: '1', food: '1', qci: '1' }),
        /不是 Excel 工作簿/,
      ],
      [
        'a zip whose workbook part is not XML',
        async () => {
          const zip = await JSZip.loadAsync(readFileSync(join(dir, form)));
          zip.file('xl/workbook.xml', 'not xml at all');
          return zip.generateAsync({ type: 'uint8array' });
        },
        /已损坏或不完整/,
      ],
    ];
    for (const [what, bytes, message] of xlsxCases)
      it(`import names ${what} in Chinese`, async () => {
        writeFileSync(join(dir, 'bad.xlsx'), await bytes());
        const result = await importLedger({ root: dir, year: 2024, paths: ['bad.xlsx'], cwd: dir });
        expect(result.outcome).toBe('refused');
        if (result.outcome === 'usage') return;
        expect(result.problems).toHaveLength(1);
        expect(result.problems[0]!.file).toBe('bad.xlsx');
        expect(result.problems[0]!.message).toMatch(message);
        expectPlainChinese(formatReport(result.problems));
      });

    it('import names a form whose sheets were renamed', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(new Uint8Array(readFileSync(join(dir, form))).buffer);
      book.getWorksheet('填报表')!.name = 'Sheet1';
      await book.xlsx.writeFile(join(dir, 'renamed.xlsx'));
      const result = await importLedger({ root: dir, year: 2024, paths: ['renamed.xlsx'], cwd: dir });
      if (result.outcome === 'usage') throw new Error(result.message);
      expect(result.problems[0]).toMatchObject({
        file: 'renamed.xlsx',
        message: expect.stringContaining('不是填报表'),
      });
      book.getWorksheet('Sheet1')!.name = '填报表';
      book.getWorksheet('填报说明')!.name = '说明';
      await book.xlsx.writeFile(join(dir, 'renamed.xlsx'));
      const other = await importLedger({ root: dir, year: 2024, paths: ['renamed.xlsx'], cwd: dir });
      if (other.outcome === 'usage') throw new Error(other.message);
      expect(other.problems[0]!.message).toContain('缺少“填报说明”工作表');
    });

    const docxCases: Array<[string, () => Promise<Uint8Array> | Uint8Array, RegExp]> = [
      ['a zero-byte draft', () => new Uint8Array(), /文件是空的/],
      ['a workbook named .docx', () => readFileSync(join(dir, form)), /这是一个压缩包，但不是 Word 文档/],
      ['a text file named .docx', () => new TextEncoder().encode('正文'), /不是 Office 文档格式/],
      [
        'a draft whose document part is not XML',
        async () => {
          const zip = new JSZip();
          zip.file('word/document.xml', '<w:document><unclosed');
          zip.file('[Content_Types].xml', '<Types/>');
          return zip.generateAsync({ type: 'uint8array' });
        },
        /已损坏或不完整/,
      ],
    ];
    for (const [what, bytes, message] of docxCases)
      it(`import-chapter names ${what} in Chinese`, async () => {
        writeFileSync(join(dir, 'bad.docx'), await bytes());
        const result = await importChapter({ root: dir, year: 2024, draft: 'bad.docx', name: '09-bad', cwd: dir });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.message).toMatch(/^无法读取 bad\.docx（/);
        expect(result.message).toMatch(message);
        expectPlainChinese(result.message);
      });

    it('import-chapter names a folder named like a draft', async () => {
      mkdirSync(join(dir, 'folder.docx'));
      const result = await importChapter({ root: dir, year: 2024, draft: 'folder.docx', name: '09-bad', cwd: dir });
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringContaining('无法读取 folder.docx（这不是普通文件'),
      });
    });
  });
});

/** A .docx whose body is `depth` tables, each inside the previous one's only cell. */
async function nestedTables(depth: number): Promise<Uint8Array> {
  const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = `${'<w:tbl><w:tr><w:tc>'.repeat(depth)}<w:p><w:r><w:t>表</w:t></w:r></w:p>${'</w:tc></w:tr></w:tbl>'.repeat(depth)}`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document ${w}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
