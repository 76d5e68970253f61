/**
 * npm run import-chapter, as an editor runs it on a copy of the demo: a real Word draft (written with the
 * docx library) becomes a chapter whose figures are bound to the ledger, `npm run check` passes and then
 * catches a figure changed by hand, and the site builds with the chapter's table, footnote and picture.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { copyProject } from './helpers/project-copy.ts';
import { wordDraft } from './helpers/word-draft.ts';

const run = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', env: { ...process.env } });

const CHAPTER = 'content/editions/2024/07-word-draft.mdx';

describe('npm run import-chapter', () => {
  const dir = copyProject();
  let imported: ReturnType<typeof run>;

  beforeAll(async () => {
    // The figures the demo's 2024 ledger has, typed into the draft.
    writeFileSync(
      join(dir, '产品质量.docx'),
      await wordDraft({ year: 2024, mfg: '97.1%', food: '98.7%', qci: '90.6' }),
    );
    imported = run(dir, 'scripts/import-chapter.ts', '2024', '产品质量.docx', '--name', '07-word-draft');
  });

  it('writes the chapter and its picture, and lists the figures bound to the ledger', () => {
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`已写入 ${CHAPTER}（产品质量）`);
    expect(imported.stdout).toContain('图片 content/editions/2024/images/07-word-draft-1.png：监督抽检现场照片');
    expect(imported.stdout).toContain('3 处数字已改为引用台账');
    expect(imported.stdout).toMatch(/第 8 行 制造业产品质量合格率 97\.1% → <Value id="mfg_pass_rate" \/>/);
    expect(imported.stdout).toContain('段落样式“公文正文”没有对应的格式');
    const mdx = readFileSync(join(dir, CHAPTER), 'utf8');
    expect(mdx.split('\n')[7]).toContain('<Value id="mfg_pass_rate" />');
    expect(existsSync(join(dir, 'content/editions/2024/images/07-word-draft-1.png'))).toBe(true);
  });

  it('refuses to overwrite a chapter already rewritten, unless told to', () => {
    const again = run(dir, 'scripts/import-chapter.ts', '2024', '产品质量.docx');
    // The draft's title 产品质量 is the title of the demo's own product chapter: it is found, and kept.
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('content/editions/2024/02-product-quality.mdx 已经改写过');
  });

  it('passes check, and check catches a figure then changed by hand', () => {
    const checked = run(dir, 'scripts/check.ts');
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout).not.toContain('07-word-draft.mdx');

    const mdx = readFileSync(join(dir, CHAPTER), 'utf8');
    writeFileSync(join(dir, CHAPTER), mdx.replace('<Value id="mfg_pass_rate" />', '96.0%'));
    const warned = run(dir, 'scripts/check.ts');
    writeFileSync(join(dir, CHAPTER), mdx);
    expect(warned.status).toBe(0); // a warning, not an error
    expect(warned.stdout).toMatch(
      /警告 content\/editions\/2024\/07-word-draft\.mdx:8:\d+\n.*正文写“制造业产品质量合格率”为 96\.0%，而台账 2024 年为 97\.1%。\n.*<Value id="mfg_pass_rate" \/>/,
    );
  });

  it('builds: the page shows the ledger’s figures, the table, the footnote and the picture', () => {
    const built = run(dir, 'scripts/build.ts');
    expect(built.status, built.stderr.slice(-2000)).toBe(0);
    const html = readFileSync(join(dir, 'dist/editions/2024/word-draft/index.html'), 'utf8');
    expect(html).toContain('<h1>产品质量</h1>');
    expect(html).toMatch(/制造业产品质量合格率为<data[^>]*>97\.1%<\/data>/);
    expect(html).toMatch(/<table>[\s\S]*制造业产品质量合格率[\s\S]*<\/table>/);
    expect(html).toMatch(/<section[^>]*data-footnotes[\s\S]*数据来源：区市场监管局年度监督抽查汇总/);
    expect(html).toMatch(/id="footnote-label">注释</);
    expect(html).toContain('aria-label="返回正文第 1 个注释的引用处"');
    expect(html).toMatch(/<img src="[^"]+\.webp"[^>]* alt="监督抽检现场照片"/);
  });

  it('carries the pictures into next year’s draft', () => {
    expect(run(dir, 'scripts/new-edition.ts', '2025').status).toBe(0);
    expect(readFileSync(join(dir, 'content/editions/2025/images/07-word-draft-1.png'))).toEqual(
      readFileSync(join(dir, 'content/editions/2024/images/07-word-draft-1.png')),
    );
  });

  it('replaces the chapter new-edition copied, found by the draft’s title, and says what it did not carry over', () => {
    // A copy an editor has begun to rewrite, its 待更新 notice still in place, is not replaced without --replace.
    const copy = join(dir, 'content/editions/2025/02-product-quality.mdx');
    const untouched = readFileSync(copy, 'utf8');
    writeFileSync(copy, `${untouched}\n编辑已补写的一段。\n`);
    const refused = run(dir, 'scripts/import-chapter.ts', '2025', '产品质量.docx');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('已经改写过');
    writeFileSync(copy, untouched);

    const result = run(dir, 'scripts/import-chapter.ts', '2025', '产品质量.docx');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '（替换了 new-edition 复制的上年章节 content/editions/2025/02-product-quality.mdx）',
    );
    expect(result.stdout).toContain('原章节的一句话摘要未沿用（“制造业、食品、农产品和药品质量状况。”）');
    // The sentence says 2024: its figure is bound to 2024's value; the others (no year, an empty 2025 ledger) are not.
    expect(result.stdout).toContain('1 处数字已改为引用台账');
    expect(result.stdout).toContain('第 8 行 制造业产品质量合格率 97.1% → <Value id="mfg_pass_rate" period="2024" />');
    const mdx = readFileSync(join(dir, 'content/editions/2025/02-product-quality.mdx'), 'utf8');
    expect(mdx).toMatch(/^---\ntitle: 产品质量\norder: 2\n---\n/);
  });
});
