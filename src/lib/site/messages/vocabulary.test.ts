import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUSES, STATUS_SOURCES } from '../../ledger/status.ts';
import { LANGUAGES, messagesFor, statusLabel } from './index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
/** Code that renders or logs what people read; its words must come from the message catalogue. */
const SCANNED = ['src/components', 'src/pages', 'src/layouts', 'src/integrations', 'src/lib/charts/charts.ts'];

const files = (path: string): string[] =>
  path.endsWith('.ts')
    ? [join(ROOT, path)]
    : readdirSync(join(ROOT, path), { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile() && /\.(astro|ts)$/.test(d.name) && !d.name.endsWith('.test.ts'))
        .map((d) => join(d.parentPath, d.name));

/** Comments may explain in Chinese; only code and markup are checked. */
const withoutComments = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('one vocabulary', () => {
  it('no Han characters in components, pages, layouts, integrations and chart specs outside the catalogue', () => {
    const found = SCANNED.flatMap(files).flatMap((file) =>
      withoutComments(readFileSync(file, 'utf8'))
        .split('\n')
        .flatMap((line, i) =>
          /\p{Script=Han}/u.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
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
  });
});
