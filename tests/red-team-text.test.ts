/**
 * Issue 23, editors' text and names: each case of the red-team round, made on a copy of the demo and run
 * through the one validation (`validateProject`, what check, build and import run), is refused with a
 * located Chinese error — and each test first shows the input doing its harm where the protection is not.
 */
import { cpSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

import { validateProject } from '../src/lib/commands/validate.ts';
import { parseLedger } from '../src/lib/ledger/ledger.ts';
import { formatReport, type Problem } from '../src/lib/site/problems.ts';
import { copySite, removeSiteCopies } from './helpers/project-copy.ts';

const LEDGER = 'data/ledgers/2024.csv';
const CATALOGUE = 'data/indicators.csv';
const PLAN = 'data/plans/2021-2025.yaml';
const PLAN_TARGETS = 'data/plans/2021-2025.csv';
const SITE = 'content/site.yaml';
const EDITION = 'content/editions/2024/edition.yaml';
const CHAPTER = 'content/editions/2024/01-overview.mdx';

afterEach(removeSiteCopies);

/** A copy of the demo's editor files (all the loader reads), removed after the test. */
const site = () => copySite('wp-red-team-text-');
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const edit = (dir: string, file: string, change: (text: string) => string) => {
  const before = read(dir, file);
  const after = change(before);
  expect(after).not.toBe(before);
  writeFileSync(join(dir, file), after);
};
const lineOf = (dir: string, file: string, pattern: RegExp) =>
  read(dir, file)
    .split('\n')
    .findIndex((l) => pattern.test(l)) + 1;
const errors = (dir: string): Problem[] =>
  validateProject(dir, { includeDrafts: true }).problems.filter((p) => p.severity === 'error');

/** The demo as shipped: no errors, so every error below is the case's own. */
it('the demo copy has no errors', () => {
  expect(errors(site())).toEqual([]);
});

/**
 * What a browser shows for a right-to-left override (UAX #9, rules X4 and L2): every character after
 * U+202E, to a U+202C or the end of the paragraph, is laid out right to left — in reverse order.
 */
const shown = (text: string) =>
  text.replace(/\u202E([^\u202C\n]*)\u202C?/gu, (_, run: string) => [...run].reverse().join(''));

describe('bidi controls and zero-width characters in editors’ text', () => {
  it('a U+202E in a ledger note would show “正常合格率 99.0%” beside 90.6分; check refuses the cell', () => {
    const note = '\u202E%0.99 率格合常正';
    // The harm: what the reader sees is not what the editor's file says.
    expect(shown(`90.6分 ${note}`)).toBe('90.6分 正常合格率 99.0%');
    // The character class the CSV check had before issue 23 let it through.
    // eslint-disable-next-line no-control-regex -- the old class, copied
    expect(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/.test(note)).toBe(false);

    const dir = site();
    const line = lineOf(dir, LEDGER, /^food_pass_rate,2024,/);
    edit(dir, LEDGER, (t) => t.replace(/^(food_pass_rate,2024,[^,]*,[^,]*,[^,]*,)[^,]*/m, `$1${note}`));
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: LEDGER,
        line,
        column: 6,
        message: expect.stringMatching(
          /^note 列的单元格中有改变文字方向的控制字符（U\+202E）：“⟨U\+202E⟩%0\.99 率格合常正”/,
        ),
        hint: expect.stringContaining('请删除这个字符'),
      }),
    ]);
  });

  it('a zero-width space in a catalogue id, a plan target or a ledger header cell', () => {
    const cases: Array<[string, string, string, number, number, string]> = [
      [CATALOGUE, '\nmfg_pass_rate,', '\nmfg\u200B_pass_rate,', 2, 1, 'id 列的单元格中有看不见的字符（U+200B）'],
      [PLAN_TARGETS, '97%以上', '97%\u2060以上', 2, 2, 'target 列的单元格中有看不见的字符（U+2060）'],
      [LEDGER, ',note,', ',note\u200B,', 1, 6, '表头第 6 列中有看不见的字符（U+200B）'],
    ];
    // The harm: the id looks like the one chapters cite, and is another.
    expect('mfg\u200B_pass_rate').not.toBe('mfg_pass_rate');
    for (const [file, before, after, line, column, says] of cases) {
      const dir = site();
      edit(dir, file, (t) => t.replace(before, after));
      expect(lineOf(dir, file, new RegExp(after.replace('\n', '')))).toBe(line);
      // (A catalogue row refused leaves its id unknown to the ledgers: those follow-on errors are expected.)
      expect(errors(dir)).toContainEqual(
        expect.objectContaining({
          file,
          line,
          column,
          message: expect.stringMatching(new RegExp(`^${says.replace(/[()+]/g, '\\$&')}：`)),
        }),
      );
    }
  });

  it('bidi and zero-width characters in every YAML file, located at the character', () => {
    const dir = site();
    edit(dir, SITE, (t) => t.replace(/^region: (.*)$/m, 'region: $1\u202D'));
    edit(dir, EDITION, (t) => t.replace(/^title: (.*)$/m, 'title: \u200B$1'));
    edit(dir, PLAN, (t) => t.replace(/^short: (.*)$/m, 'short: $1\u2067'));
    edit(dir, CHAPTER, (t) => t.replace(/^title: 总体情况$/m, 'title: 总体\u200F情况'));
    const found = errors(dir).map((p) => [p.file, p.line, p.column, p.message.split('：').slice(0, 2).join('：')]);
    expect(found).toEqual(
      expect.arrayContaining([
        [SITE, lineOf(dir, SITE, /^region:/), 15, '地区（region）：文字中有改变文字方向的控制字符（U+202D）'],
        [EDITION, lineOf(dir, EDITION, /^title:/), 8, '标题（title）：文字中有看不见的字符（U+200B）'],
        [PLAN, lineOf(dir, PLAN, /^short:/), 13, '简称（short）：文字中有改变文字方向的控制字符（U+2067）'],
        [CHAPTER, 2, 10, '标题（title）：文字中有改变文字方向的控制字符（U+200F）'],
      ]),
    );
  });
});

describe('honest terminal output', () => {
  it('a plan file named with a line break and “检查通过…”, or an escape code, prints as one visible name', () => {
    const dir = site();
    const forged = '2016-2020.yaml\n检查通过：全部数据无误，已写入台账。';
    const clears = '\u001B[2J\u001B[H.yaml';
    for (const name of [forged, clears]) cpSync(join(dir, PLAN), join(dir, 'data/plans', name));
    const problems = errors(dir);
    // The harm: the names, printed as they are, forge a line of the tool's own and clear the terminal.
    const raw = problems.map((p) => `${p.file}\n    ${p.message}`).join('\n');
    expect(raw.split('\n')).toContain('检查通过：全部数据无误，已写入台账。');
    expect(raw).toContain('\u001B[2J');

    const report = formatReport(problems);
    expect(report.split('\n').filter((l) => l.startsWith('检查通过'))).toEqual([]);
    expect([...report].filter((c) => c === '\u001B')).toEqual([]);
    expect(report).toContain('错误 data/plans/2016-2020.yaml⟨U+000A⟩检查通过：全部数据无误，已写入台账。\n');
    expect(report).toContain('错误 data/plans/⟨U+001B⟩[2J⟨U+001B⟩[H.yaml\n');
    // Each problem is a block of 2 or 3 lines, then a blank line and the total: nothing more.
    const blocks = problems.reduce((n, p) => n + (p.hint ? 3 : 2), 0);
    expect(report.split('\n')).toHaveLength(blocks + 2);
  });
});

describe('names that look identical', () => {
  it('a plan file with a zero-width space, or in NFD, is named with what to rename it to', () => {
    const dir = site();
    const decomposed = 'shisiwu-caf\u0065\u0301.yaml';
    expect(decomposed).not.toBe('shisiwu-café.yaml'); // they look the same
    cpSync(join(dir, PLAN), join(dir, 'data/plans/2016\u200B-2020.yaml'));
    cpSync(join(dir, PLAN), join(dir, 'data/plans', decomposed));
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: 'data/plans/2016\u200B-2020.yaml',
        message: expect.stringContaining('名称中有看不见的字符（U+200B）：“2016⟨U+200B⟩-2020.yaml”'),
        hint: '请把它改名为“2016-2020.yaml”（删掉原名称后重新输入即可）。',
      }),
      expect.objectContaining({
        file: `data/plans/${decomposed}`,
        message: expect.stringContaining('Unicode 分解形式（shisiwu-caf⟨U+0065 U+0301⟩.yaml'),
        hint: expect.stringContaining('“shisiwu-café.yaml”'),
      }),
    ]);
  });
});

describe('plan files that would be ignored', () => {
  it('2021-2025.YAML (odd case) is named, not silently ignored', () => {
    const dir = site();
    renameSync(join(dir, PLAN), join(dir, 'data/plans/2021-2025.YAML'));
    expect(errors(dir)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'data/plans/2021-2025.YAML',
          message: '规划文件“2021-2025.YAML”的扩展名应为小写的 .yaml 或 .csv，否则不会被读取。',
          hint: '请改名为“2021-2025.yaml”。',
        }),
      ]),
    );
  });

  it('a plan .csv without its .yaml is named, not silently ignored', () => {
    const dir = site();
    cpSync(join(dir, PLAN_TARGETS), join(dir, 'data/plans/2016-2020.csv'));
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: 'data/plans/2016-2020.csv',
        message: '规划目标表 2016-2020.csv 没有同名的规划信息文件 2016-2020.yaml，不会被读取。',
      }),
    ]);
  });
});

describe('numbers', () => {
  it('start: 1e400, .inf, .nan and a 23-digit year get a clear message, not zod’s “期望 数字，实际接收 数字”', () => {
    // The harm: YAML reads these as numbers zod cannot name (Infinity is a “number”).
    expect(parseYaml('a: 1e400\nb: .inf\nc: .nan')).toEqual({ a: Infinity, b: Infinity, c: NaN });
    for (const [written, says] of [
      ['1e400', '不是可以使用的数字'],
      ['.inf', '不是可以使用的数字'],
      ['-.inf', '不是可以使用的数字'],
      ['.nan', '不是可以使用的数字'],
      ['99999999999999999999999', '数字太大'],
      ['2021.5', '应为整数（不带小数），这里写的是数字 2021.5'],
      ['"2021"', '应为数字，这里写的是文字“2021”；数字不要加引号'],
      ['1800', '不能小于 1990（这里是 1800）'],
    ] as const) {
      const dir = site();
      edit(dir, PLAN, (t) => t.replace(/^start: 2021$/m, `start: ${written}`));
      const found = errors(dir);
      expect(found, written).toEqual([
        expect.objectContaining({
          file: PLAN,
          line: lineOf(dir, PLAN, /^start:/),
          column: 8,
          message: expect.stringContaining(`起始年份（start）：${says}`),
        }),
      ]);
      expect(found[0]!.message).not.toMatch(/期望|实际接收|int|number/);
    }
  });

  it('a ledger value 1e+308 says scientific notation is not accepted, and how large a figure may be', () => {
    // The harm: JavaScript reads it as a number, and 1e400 as Infinity.
    expect([Number('1e+308'), Number('1e400')]).toEqual([1e308, Infinity]);
    const dir = site();
    const line = lineOf(dir, LEDGER, /^food_pass_rate,2024,/);
    edit(dir, LEDGER, (t) => t.replace(/^food_pass_rate,2024,[^,]*/m, 'food_pass_rate,2024,1e+308'));
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: LEDGER,
        line,
        column: 3,
        message: '值“1e+308”是科学计数法（e 表示乘以 10 的几次方），台账不接受这种写法。',
        hint: expect.stringContaining('10 的 15 次方'),
      }),
    ]);
    edit(dir, LEDGER, (t) => t.replace('1e+308', '9.87E1'));
    expect(errors(dir)).toEqual([expect.objectContaining({ line, column: 3, hint: '请写成普通的数字：98.7。' })]);
  });
});

describe('site settings that fail the build later', () => {
  it('basePath: /../../ is refused at check time, in Chinese at its line', () => {
    // The harm: a browser resolves the dot segments away, so no page is where its links point.
    expect(new URL('/../../editions/2024/', 'https://quality.example.gov.cn').pathname).toBe('/editions/2024/');
    const dir = site();
    edit(dir, SITE, (t) => t.replace(/^basePath: \/$/m, 'basePath: /../../'));
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: SITE,
        line: lineOf(dir, SITE, /^basePath:/),
        message: expect.stringMatching(/^子路径（basePath）：应以 \/ 开头和结尾.*不能以 \. 开头（不能写 \. 或 \.\.）/),
      }),
    ]);
  });

  it('a siteUrl with a user name and password is refused', () => {
    // The harm: the address publishes a password, and `https://www.gov.cn@evil.example` is evil.example.
    expect(new URL('https://www.gov.cn@evil.example/').hostname).toBe('evil.example');
    const dir = site();
    edit(dir, SITE, (t) => t.replace(/^siteUrl: https:\/\//m, 'siteUrl: https://editor:secret@'));
    expect(errors(dir)).toEqual([
      expect.objectContaining({
        file: SITE,
        line: lineOf(dir, SITE, /^siteUrl:/),
        message: expect.stringContaining('网址（siteUrl）：网址中不能带用户名或密码'),
      }),
    ]);
  });
});

describe('no message quotes a file outside the site', () => {
  it('a ledger or plan targets linked to a file outside the site: its content appears in no message', () => {
    const dir = site();
    const outside = join(copySite('wp-red-team-outside-'), 'secret.csv');
    const secret = 'indicator,period,value,target\nroot:x:0:0:TOP-SECRET-LINE,2024,1,\n';
    writeFileSync(outside, secret);
    // The harm: read as a ledger, the outside file's first line is quoted back in a message.
    expect(
      parseLedger(secret, LEDGER, new Map())
        .problems.map((p) => p.message)
        .join(),
    ).toContain('TOP-SECRET-LINE');

    for (const file of [LEDGER, PLAN_TARGETS]) {
      rmSync(join(dir, file));
      symlinkSync(outside, join(dir, file));
    }
    const problems = validateProject(dir, { includeDrafts: true }).problems;
    expect(problems.map((p) => p.file)).toEqual(expect.arrayContaining([LEDGER, PLAN_TARGETS]));
    const report = formatReport(problems);
    expect(report).not.toContain('TOP-SECRET');
    expect(report).not.toContain('root:x');
  });
});
