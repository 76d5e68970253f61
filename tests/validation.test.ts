/**
 * Every kind of editor mistake, made on a copy of the demo: the loader reports it in Chinese at the
 * right file, line and column, all at once; `npm run build` exits non-zero and keeps the old dist/.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { buildSite } from '../src/build-site.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import { formatReport, type Problem } from '../src/lib/site/problems.ts';
import { copyProject, editFile, replaceLine } from './helpers/project-copy.ts';

const LEDGER = 'data/ledgers/2024.csv';
const CATALOGUE = 'data/indicators.csv';
const EDITION = 'content/editions/2024/edition.yaml';

function chapterFile(dir: string): string {
  const name = readdirMdx(dir)[0]!;
  return `content/editions/2024/${name}`;
}
function readdirMdx(dir: string): string[] {
  return readdirSync(join(dir, 'content/editions/2024'))
    .filter((n) => n.endsWith('.mdx'))
    .sort();
}

const errors = (dir: string): Problem[] =>
  loadProject(dir, { includeDrafts: true }).problems.filter((p) => p.severity === 'error');

/** Line number (1-based) of the first ledger row of the edition year with a numeric value. */
function firstNumericRow(dir: string): number {
  const lines = readFileSync(join(dir, LEDGER), 'utf8').split('\n');
  return lines.findIndex((l, i) => i > 0 && /^[a-z0-9_]+,2024,\d/.test(l)) + 1;
}

describe('validation of editors’ files', () => {
  it('the demo itself has no errors', () => {
    expect(errors(copyProject())).toEqual([]);
  });

  it('unknown indicator id in a ledger', () => {
    const dir = copyProject();
    const line = firstNumericRow(dir);
    replaceLine(dir, LEDGER, line, (l) => l.replace(/^[a-z0-9_]+/, 'no_such_indicator'));
    expect(errors(dir)).toContainEqual(
      expect.objectContaining({ file: LEDGER, line, column: 1, message: expect.stringContaining('no_such_indicator') }),
    );
  });

  it('duplicate rows', () => {
    const dir = copyProject();
    const line = firstNumericRow(dir);
    editFile(dir, LEDGER, (t) => `${t.trimEnd()}\n${t.split('\n')[line - 1]}\n`);
    const total = readFileSync(join(dir, LEDGER), 'utf8').trimEnd().split('\n').length;
    expect(errors(dir)).toContainEqual(
      expect.objectContaining({ file: LEDGER, line: total, message: expect.stringContaining(`第 ${line} 行`) }),
    );
  });

  it('non-numeric values', () => {
    const dir = copyProject();
    const line = firstNumericRow(dir);
    replaceLine(dir, LEDGER, line, (l) => l.replace(/^([a-z0-9_]+,2024,)[^,]*/, '$1约九十'));
    expect(errors(dir)).toContainEqual(
      expect.objectContaining({ file: LEDGER, line, column: 3, message: expect.stringContaining('不是数字') }),
    );
  });

  it('malformed targets', () => {
    const dir = copyProject();
    const line = firstNumericRow(dir);
    replaceLine(dir, LEDGER, line, (l) => l.replace(/^([a-z0-9_]+,2024,[^,]*,)[^,]*/, '$1≥9.6.5'));
    expect(errors(dir)).toContainEqual(
      expect.objectContaining({ file: LEDGER, line, column: 4, message: expect.stringContaining('无法识别的目标') }),
    );
  });

  it('missing columns', () => {
    const dir = copyProject();
    replaceLine(dir, CATALOGUE, 1, (l) => l.replace(',unit', ''));
    expect(errors(dir)).toContainEqual(
      expect.objectContaining({ file: CATALOGUE, line: 1, message: expect.stringContaining('unit') }),
    );
  });

  it('unknown ids referenced from MDX', () => {
    const dir = copyProject();
    const file = chapterFile(dir);
    editFile(dir, file, (t) => `${t.trimEnd()}\n\n本段引用<Value id="not_an_indicator" />。\n`);
    const line = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n').length;
    expect(errors(dir)).toContainEqual(
      expect.objectContaining({ file, line, column: 5, message: expect.stringContaining('not_an_indicator') }),
    );
  });

  it('invalid front matter of a chapter and of an edition', () => {
    const dir = copyProject();
    const file = chapterFile(dir);
    editFile(dir, file, (t) => t.replace(/^order: .*$/m, 'order: 第一'));
    editFile(dir, EDITION, (t) => t.replace(/^published: .*$/m, 'published: 2025-02-30'));
    const found = errors(dir);
    const orderLine =
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('order:')) + 1;
    const publishedLine =
      readFileSync(join(dir, EDITION), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('published:')) + 1;
    expect(found).toContainEqual(
      expect.objectContaining({ file, line: orderLine, column: 8, message: expect.stringContaining('顺序（order）') }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({
        file: EDITION,
        line: publishedLine,
        column: 12,
        message: expect.stringContaining('不是有效的日期'),
      }),
    );
  });

  it('custom chart specs must exist, be JSON, and take their data from the ledger', () => {
    const dir = copyProject();
    const spec = 'content/editions/2024/environment-trends.vl.json';
    editFile(dir, spec, (t) => t.replace('"data": { "name": "ledger" }', '"data": { "values": [{ "value": 98.6 }] }'));
    const file = chapterFile(dir);
    editFile(dir, file, (t) => `${t.trimEnd()}\n\n<Chart kind="custom" spec="missing.vl.json" title="缺失" />\n`);
    const missingLine = readFileSync(join(dir, file), 'utf8').trimEnd().split('\n').length;
    // The chapter that draws the spec, and the line of its <Chart> tag, found in the MDX sources.
    const [user, usedAt] = readdirMdx(dir)
      .map((name) => `content/editions/2024/${name}`)
      .flatMap((f) =>
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .flatMap((l, i) => (l.includes('spec="environment-trends.vl.json"') ? [[f, i + 1] as const] : [])),
      )[0]!;
    const hint = '自定义图表的数据写成 "data": {"name": "ledger"}，由系统从台账填入，不要手抄数字。';
    expect(errors(dir)).toEqual([
      {
        severity: 'error',
        file,
        line: missingLine,
        column: 1,
        message: '找不到自定义图表文件 content/editions/2024/missing.vl.json。',
        hint,
      },
      {
        severity: 'error',
        file: user,
        line: usedAt,
        column: 1,
        message: `${spec} 的数据来源应为 "data": {"name": "ledger"}（只用台账数据）。`,
        hint,
      },
    ]);
  });

  it('a ledger saved as GBK/GB18030 or UTF-16 by Excel', () => {
    const dir = copyProject();
    const text = readFileSync(join(dir, LEDGER), 'utf8');
    writeFileSync(join(dir, LEDGER), iconv.encode(text, 'gb18030'));
    writeFileSync(
      join(dir, CATALOGUE),
      iconv.encode(readFileSync(join(dir, CATALOGUE), 'utf8'), 'utf16le', { addBOM: true }),
    );
    const found = errors(dir);
    expect(found).toContainEqual(
      expect.objectContaining({
        file: LEDGER,
        message: expect.stringContaining('不是 UTF-8'),
        hint: expect.stringContaining('UTF-8'),
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ file: CATALOGUE, message: expect.stringContaining('UTF-16') }),
    );
  });

  it('accepts a BOM and CRLF line endings (Excel “CSV UTF-8”)', () => {
    const dir = copyProject();
    editFile(dir, LEDGER, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    editFile(dir, CATALOGUE, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    expect(errors(dir)).toEqual([]);
  });

  it('reports all problems at once, and the build stops without touching the previous dist/', async () => {
    const dir = copyProject();
    const line = firstNumericRow(dir);
    replaceLine(dir, LEDGER, line, (l) => l.replace(/^([a-z0-9_]+,2024,)[^,]*/, '$1abc'));
    editFile(dir, chapterFile(dir), (t) => `${t.trimEnd()}\n\n<Value id="typo_id" />\n`);
    editFile(dir, EDITION, (t) => t.replace(/^title: .*$/m, 'title: ""'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');

    // The build function itself (what npm run build prints is its report and message): it stops at validation.
    let report = '';
    const result = await buildSite({ root: dir, onValidated: (problems) => (report = formatReport(problems)) });
    expect(result.outcome).toBe('invalid');
    expect(report).toContain(`${LEDGER}:${line}:3`);
    expect(report).toContain('typo_id');
    expect(report).toContain('标题（title）');
    expect(report).toMatch(/共发现 3 个错误/);
    expect(result.message).toContain('dist/ 保持不变');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous site');
    expect(existsSync(join(dir, '.build-tmp', 'dist', 'index.html'))).toBe(false);
  });

  describe('nothing is lost without a word', () => {
    const only = (dir: string, file: string) => errors(dir).filter((p) => p.file === file);

    it('a duplicate column name, or a named-less column with cells, in a CSV', () => {
      const dir = copyProject();
      editFile(dir, LEDGER, (t) =>
        t
          .replace(/^(.*)\n/, '$1,note\n')
          .replace(/\n(?=.)/g, ',\n')
          .replace(/,\n/, '\n'),
      );
      expect(only(dir, LEDGER)).toContainEqual(
        expect.objectContaining({
          line: 1,
          column: 8,
          message: expect.stringContaining('“note”出现了两次（第 6 列已有）'),
        }),
      );
      const blank = copyProject();
      editFile(blank, CATALOGUE, (t) => t.replace(/\n/g, ',x\n').replace(/^(.*),x\n/, '$1,\n'));
      expect(only(blank, CATALOGUE)).toContainEqual(
        expect.objectContaining({ line: 1, message: expect.stringContaining('有一列没有名称') }),
      );
    });

    it('two chapters of one slug, and a chapter spelt .MDX', () => {
      const dir = copyProject();
      const chapters = join(dir, 'content/editions/2024');
      writeFileSync(join(chapters, '07-product-quality.mdx'), readFileSync(join(chapters, '02-product-quality.mdx')));
      writeFileSync(join(chapters, '08-extra.MDX'), '---\ntitle: 附加\norder: 8\n---\n正文。\n');
      expect(errors(dir)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            file: 'content/editions/2024/07-product-quality.mdx',
            message: expect.stringContaining('与“02-product-quality.mdx”去掉序号后同名'),
          }),
          expect.objectContaining({
            file: 'content/editions/2024/08-extra.MDX',
            message: expect.stringContaining('扩展名应为小写的 .mdx'),
          }),
        ]),
      );
    });

    it('a number too large to be a figure (400 digits would be Infinity)', () => {
      const dir = copyProject();
      const line = firstNumericRow(dir);
      replaceLine(dir, LEDGER, line, (l) => l.replace(/^([a-z0-9_]+,2024,)[^,]*/, `$1${'9'.repeat(400)}`));
      expect(only(dir, LEDGER)).toContainEqual(
        expect.objectContaining({ line, column: 3, message: expect.stringContaining('太大，不是可信的统计数值') }),
      );
    });

    it('an invisible line separator (U+2028) in a text cell', () => {
      const dir = copyProject();
      editFile(dir, CATALOGUE, (t) => t.replace('制造业产品质量合格率', '制造业产品\u2028质量合格率'));
      expect(only(dir, CATALOGUE)).toEqual([
        expect.objectContaining({ line: 2, column: 2, message: expect.stringContaining('U+2028') }),
      ]);
    });

    it('an invisible line separator (U+2028) in YAML text, located at its key', () => {
      const dir = copyProject();
      editFile(dir, EDITION, (t) => t.replace(/^title: (.*)$/m, 'title: "$1\u2028"'));
      expect(only(dir, EDITION)).toEqual([
        expect.objectContaining({ line: 2, message: expect.stringContaining('U+2028') }),
      ]);
    });

    it('a publication date no white paper has (0000-01-01)', () => {
      const dir = copyProject();
      editFile(dir, EDITION, (t) => t.replace(/^published: .*$/m, 'published: 0000-01-01'));
      expect(only(dir, EDITION)).toEqual([
        expect.objectContaining({ message: expect.stringContaining('日期应在 1949 年至 2100 年之间') }),
      ]);
    });

    it('a YAML alias bomb is refused, not a crash', () => {
      const dir = copyProject();
      const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
      for (let i = 0; i < 8; i++)
        bomb.push(
          `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]},*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}]`,
        );
      editFile(dir, EDITION, (t) => `${t.trimEnd()}\n${bomb.join('\n')}\n`);
      expect(only(dir, EDITION)).toEqual([expect.objectContaining({ message: expect.stringContaining('别名') })]);
    });
  });

  it.each([
    ['empty', () => ''],
    ['saved as GBK', (t: string) => iconv.encode(t, 'gb18030')],
    ['without its header', (t: string) => t.split('\n').slice(1).join('\n')],
  ])('a catalogue %s is the one error reported, not the cascade of unknown indicators', (_what, spoil) => {
    const dir = copyProject();
    writeFileSync(join(dir, CATALOGUE), spoil(readFileSync(join(dir, CATALOGUE), 'utf8')));
    const found = errors(dir);
    expect(found.length).toBeGreaterThan(0);
    expect(found.filter((p) => p.file !== CATALOGUE)).toEqual([]);
    expect(found.length).toBeLessThanOrEqual(2);
  });
});
