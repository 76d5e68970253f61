/**
 * Issue 23, chapters: each case of the red-team round, made on a copy of the demo and run through the one
 * validation (`validateProject`, what `npm run check` and `npm run build` both run before Astro compiles
 * anything), is refused with a located Chinese error; where a rule is not the obvious one, the test first
 * shows what the input does without it.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { validateProject } from '../src/lib/commands/validate.ts';
import { CHAPTER_GLOB, loadProject } from '../src/lib/content/load-project.ts';
import { formatReport, type Problem } from '../src/lib/site/problems.ts';
import { png } from './helpers/pictures.ts';
import { copySite, removeSiteCopies, ROOT } from './helpers/project-copy.ts';

afterEach(removeSiteCopies);

const EDITION = 'content/editions/2024';
const CHAPTER = `${EDITION}/03-engineering-quality.mdx`;

/** Errors as check sees them (drafts included) — asserted equal to what the build sees (published only). */
function errors(dir: string): Problem[] {
  const check = validateProject(dir, { includeDrafts: true }).problems.filter((p) => p.severity === 'error');
  const build = validateProject(dir).problems.filter((p) => p.severity === 'error');
  expect(build).toEqual(check);
  return check;
}

/** The chapter with `markdown` appended; returns the line it starts on. */
function append(dir: string, markdown: string): number {
  const before = readFileSync(join(dir, CHAPTER), 'utf8');
  writeFileSync(join(dir, CHAPTER), `${before}\n\n${markdown}\n`);
  return before.split('\n').length + 2;
}

/** One located error on the appended line, whose message says `words`. */
function refusedAt(dir: string, line: number, words: string | RegExp): Problem {
  const found = errors(dir);
  expect(found).toEqual([expect.objectContaining({ file: CHAPTER, line, message: expect.stringMatching(words) })]);
  expect(formatReport(found)).not.toMatch(/\n\s+at |Error:/);
  return found[0]!;
}

/** Writes `bytes` at `path` inside the 2024 edition folder (folders made). */
function put(dir: string, path: string, bytes: string | Buffer): void {
  mkdirSync(join(dir, EDITION, path, '..'), { recursive: true });
  writeFileSync(join(dir, EDITION, path), bytes);
}

const PAYLOAD = "process.getBuiltinModule('fs').writeFileSync('/tmp/wp-pwned', String(process.getuid()))\n";

it('the demo copy has no errors, and a real picture of the edition folder is accepted', () => {
  const dir = copySite();
  put(dir, 'images/site-visit.png', png(64, 32));
  append(dir, '![质量强区现场观摩会](./images/site-visit.png)');
  expect(errors(dir)).toEqual([]);
});

describe('pictures are pictures', () => {
  it('a script given as a picture (./payload.js) is refused: Vite would load it as a module', () => {
    const dir = copySite();
    put(dir, 'payload.js', PAYLOAD);
    refusedAt(dir, append(dir, '![图](./payload.js)'), '不是可以显示的图片');
  });

  it('a script named like a picture (payload.png) is refused by its bytes, which a name rule lets through', () => {
    const dir = copySite();
    put(dir, 'images/payload.png', PAYLOAD);
    expect(/\.(png|jpe?g|gif|webp|avif)$/.test('images/payload.png')).toBe(true);
    refusedAt(dir, append(dir, '![图](./images/payload.png)'), '不是可以显示的图片');
  });

  it('an MDX module given as a picture is refused (check reads it only as a picture)', () => {
    const dir = copySite();
    put(dir, 'images/figure.mdx', 'export const run = 1\n');
    refusedAt(dir, append(dir, '![](./images/figure.mdx)'), '不是可以显示的图片');
  });

  it('SVG is refused, as .svg and disguised as .png: it can carry script', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>';
    for (const name of ['images/chart.svg', 'images/chart.png']) {
      const dir = copySite();
      put(dir, name, svg);
      refusedAt(dir, append(dir, `![图](./${name})`), '不是可以显示的图片');
    }
  });

  it('a picture that is a symbolic link is refused, to a script or to a file outside the site, and never quoted', () => {
    const dir = copySite();
    put(dir, 'payload', PAYLOAD);
    symlinkSync('../payload', join(dir, EDITION, 'images-photo.png'));
    refusedAt(dir, append(dir, '![](./images-photo.png)'), '符号链接');

    const outside = copySite();
    symlinkSync('/etc/passwd', join(outside, EDITION, 'passwd.png'));
    const problem = refusedAt(outside, append(outside, '![](./passwd.png)'), '符号链接');
    expect(formatReport([problem])).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]!);
  });

  it('a picture inside a symlinked folder is refused', () => {
    const dir = copySite();
    const shared = copySite();
    writeFileSync(join(shared, 'logo.png'), png(8, 8));
    symlinkSync(shared, join(dir, EDITION, 'images'));
    refusedAt(dir, append(dir, '![](./images/logo.png)'), '符号链接');
  });

  it.each([
    ['http://127.0.0.1:8080/internal-dashboard.png', '网址'],
    ['https://intranet.example/a.png', '网址'],
    ['//intranet.example/a.png', '网址'],
    ['data:image/png;base64,iVBORw0KGgo=', '网址或 data:'],
    ['/favicon.svg', '不是相对于章节的文件路径'],
    ['../2023/images/a.png', '不在本年度版本的文件夹中'],
    ['./images/a.png?v=1', '不是相对于章节的文件路径'],
  ])('%s is refused: the build fetches nothing and reads only the edition folder', (url, words) => {
    const dir = copySite();
    refusedAt(dir, append(dir, `![图](${url})`), words);
  });

  it('a reference-style picture is judged by its definition', () => {
    const dir = copySite();
    put(dir, 'payload.js', PAYLOAD);
    const line = append(dir, '![图][p]\n\n[p]: ./payload.js');
    refusedAt(dir, line + 2, '不是可以显示的图片');
  });

  it('a picture whose ending disagrees with its bytes is refused with the right ending', () => {
    const dir = copySite();
    put(dir, 'images/photo.jpg', png(8, 8));
    refusedAt(dir, append(dir, '![](./images/photo.jpg)'), '文件内容是 .png 图片');
  });

  it('pictures are bounded in pixels (a 30000 × 30000 PNG) and in bytes', () => {
    const huge = copySite();
    put(huge, 'images/huge.png', png(30000, 30000, true));
    refusedAt(huge, append(huge, '![](./images/huge.png)'), '30000 × 30000 像素');

    const heavy = copySite();
    put(heavy, 'images/heavy.png', Buffer.concat([png(8, 8), Buffer.alloc(11 * 1024 * 1024)]));
    refusedAt(heavy, append(heavy, '![](./images/heavy.png)'), '超过 10');
  });
});

describe('one chapter pipeline', () => {
  it('a .md chapter (raw HTML, a refresh to another site) is refused with a rename hint', () => {
    const dir = copySite();
    const file = `${EDITION}/07-notice.md`;
    writeFileSync(
      join(dir, file),
      '---\ntitle: 通知\norder: 7\n---\n<meta http-equiv="refresh" content="0;url=https://evil.example/">\n<iframe src="http://10.0.0.1/"></iframe>\n',
    );
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file,
        message: expect.stringContaining('.mdx'),
        hint: expect.stringContaining('改为 .mdx'),
      }),
    ]);
  });

  it('check and the build’s collection agree on every chapter file type', () => {
    const dir = copySite();
    const names = [
      '08-a.mdx',
      '09-b.md',
      '10-c.MDX',
      '11-d.markdown',
      '12-e.html',
      '13-f.htm',
      '14-g.mdown',
      '15-h.MD',
    ];
    for (const name of names) writeFileSync(join(dir, EDITION, name), `---\ntitle: ${name}\norder: 9\n---\n正文。\n`);
    const project = loadProject(dir);
    const chapters = new Set(project.editions.at(-1)!.chapters.map((c) => c.file.split('/').at(-1)));
    const refused = new Set(
      project.problems.filter((p) => p.severity === 'error').map((p) => p.file.split('/').at(-1)),
    );
    for (const name of names) {
      const built = matchesGlob(`2024/${name}`, CHAPTER_GLOB);
      // What Astro's collection would render is exactly what check reads as a chapter; the rest is refused.
      expect({ name, checked: chapters.has(name) }).toEqual({ name, checked: built });
      expect({ name, refused: refused.has(name) }).toEqual({ name, refused: !built });
    }
    expect(readFileSync(join(ROOT, 'src/content.config.ts'), 'utf8')).toContain('pattern: CHAPTER_GLOB');
  });
});

describe('bounded work', () => {
  it.each([
    // The nested list is refused at its 17th level, the first beyond the limit of 16.
    [
      'a list nested 1500 levels',
      Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- 项`).join('\n'),
      '嵌套',
      16,
    ],
    ['3000 nested quotes', `${'>'.repeat(3000)} 引用`, '嵌套', 0],
    ['3000 nested lists on one line', `${'- '.repeat(3000)}项`, '嵌套', 0],
    ['a 5 MB paragraph', '质'.repeat(5_000_000), '个字符', 0],
    ['a paragraph of 20,000 link openings', '[a]('.repeat(5000), '标记超过', 0],
  ])('%s is refused at its line before the parser runs', (_name, markdown, words, below) => {
    const dir = copySite();
    refusedAt(dir, append(dir, markdown) + below, words);
  });

  it('nesting the line scan cannot see (1700 nested tags) is a Chinese error, not a stack overflow', () => {
    const markdown = `${'<sup>'.repeat(1700)}x${'</sup>'.repeat(1700)}`;
    const dir = copySite();
    append(dir, markdown);
    expect(errors(dir)).toEqual([
      expect.objectContaining({ file: CHAPTER, message: expect.stringContaining('嵌套超过') }),
    ]);
  });
});

describe('prose says what it shows', () => {
  it('a right-to-left override in a sentence is refused at its line and column', () => {
    const dir = copySite();
    const line = append(dir, '全区产品质量合格率为\u202E6.09\u202C分。');
    expect(refusedAt(dir, line, 'U\\+202E').column).toBe(11);
  });

  it('a zero-width space inside a figure is refused', () => {
    const dir = copySite();
    refusedAt(dir, append(dir, '合格率为98.\u200B5%。'), 'U\\+200B');
  });
});

describe('the site’s boundary', () => {
  it('a symlinked edition folder is reported, not silently dropped', () => {
    const dir = copySite();
    symlinkSync(join(dir, EDITION), join(dir, 'content/editions/2025'));
    expect(errors(dir)).toEqual([
      expect.objectContaining({ file: 'content/editions/2025', message: expect.stringContaining('符号链接') }),
    ]);
  });

  it('a ledger that is a link to a file outside the site is refused and not read', () => {
    const dir = copySite();
    const outside = copySite();
    const ledger = 'data/ledgers/2024.csv';
    writeFileSync(join(outside, 'secret.csv'), readFileSync(join(dir, ledger), 'utf8').replace('2024', 'SECRET'));
    rmSync(join(dir, ledger));
    symlinkSync(join(outside, 'secret.csv'), join(dir, ledger));
    const found = errors(dir);
    expect(found).toContainEqual(
      expect.objectContaining({ file: ledger, message: expect.stringContaining('符号链接') }),
    );
    expect(formatReport(found)).not.toContain('SECRET');
  });

  it('a ledger no edition reads is named, not silently ignored', () => {
    const dir = copySite();
    writeFileSync(join(dir, 'data/ledgers/2024.CSV'), 'indicator,period,value\n');
    expect(validateProject(dir).problems).toContainEqual(
      expect.objectContaining({ severity: 'warning', file: 'data/ledgers/2024.CSV' }),
    );
  });
});
