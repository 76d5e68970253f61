import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { STATUS_SOURCES, STATUSES, statusLabel } from '../../ledger/status.ts';
import { diagnostics, LANGUAGES, messagesFor } from './index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
/** All code: what it renders, logs or reports must come from a message catalogue. */
const SCANNED = ['src', 'scripts'];
/** Where the words are. */
const CATALOGUES = ['src/lib/site/messages/zh-CN.ts', 'src/lib/site/messages/zh-CN-diagnostics.ts'];
/** Words that are input, not output; each with why. */
const INPUT_AND_FIXTURES: Record<string, string> = {
  'src/lib/ledger/target.ts': 'the grammar of targets: the words plans write (以上, 不低于, 达到, 稳步下降 …)',
  'src/lib/ledger/input-words.ts':
    'the words editors type that parsers recognise: statuses, directions, types, domains, units',
  'src/lib/commands/bench-corpus.ts':
    'generates the bench corpus: made-up Chinese content, domains and targets as editors write them',
};
const EXCLUDED = [...CATALOGUES, ...Object.keys(INPUT_AND_FIXTURES)];

const rel = (file: string) => relative(ROOT, file).split('\\').join('/');
const scanned = (): string[] =>
  SCANNED.flatMap((dir) =>
    readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(astro|ts|mjs|js|css)$/.test(d.name) && !d.name.endsWith('.test.ts'))
      .map((d) => rel(join(d.parentPath, d.name))),
  ).filter((file) => !EXCLUDED.some((path) => file === path || (path.endsWith('/') && file.startsWith(path))));

/** Comments may explain in Chinese; only code and markup are checked. */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const hanLines = (file: string): string[] =>
  withoutComments(readFileSync(join(ROOT, file), 'utf8'))
    .split('\n')
    .flatMap((line, i) => (/\p{Script=Han}/u.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : []));

describe('one vocabulary', () => {
  it('no Han characters in src/ and scripts/ outside the catalogues and the listed exceptions', () => {
    expect(scanned().flatMap(hanLines)).toEqual([]);
  });

  it('the scan covers components, pages, modules and scripts, and skips only what is listed', () => {
    const files = scanned();
    for (const file of ['src/components/Chart.astro', 'src/lib/site/problems.ts', 'scripts/check.ts', 'src/site.ts'])
      expect(files).toContain(file);
    expect(files).toContain('src/lib/ledger/ledger.ts');
    expect(files.filter((f) => EXCLUDED.includes(f))).toEqual([]);
  });

  it('every exception exists, and every input or fixture file listed still needs to be', () => {
    for (const path of EXCLUDED) expect(existsSync(join(ROOT, path)), path).toBe(true);
    for (const file of Object.keys(INPUT_AND_FIXTURES)) expect(hanLines(file), file).not.toEqual([]);
  });

  it('the scan would catch a Han character in code but not in a comment', () => {
    expect(/\p{Script=Han}/u.test(withoutComments('const a = 1; // 注释\n/** 说明 */'))).toBe(false);
    expect(/\p{Script=Han}/u.test(withoutComments("const label = '完成情况';"))).toBe(true);
  });

  it('every status and status source has a label in every catalogue, and the labels are distinct', () => {
    for (const language of LANGUAGES) {
      const m = messagesFor(language);
      const labels = STATUSES.map((s) => m.status[s]);
      expect(labels.every((l) => l.length > 0)).toBe(true);
      expect(new Set(labels).size).toBe(STATUSES.length);
      expect(STATUS_SOURCES.map((s) => m.statusBy[s]).every((l) => l.length > 0)).toBe(true);
    }
    expect(statusLabel('not_met')).toBe('未完成');
  });

  it('an unknown language is refused, naming the available catalogues', () => {
    expect(() => messagesFor('en')).toThrow('available: zh-CN');
    expect(() => diagnostics('en')).toThrow('available: zh-CN');
  });
});
