import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { chapterSchema, editionSchema, planSchema, siteSchema } from '../model/schemas.ts';
import { splitFrontMatter } from './mdx-chapter.ts';
import { parseYamlData } from './yaml-data.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('a misspelt key in any YAML file is a located error with the key it should be', () => {
  it.each([
    ['content/site.yaml', 'notic', 'notice', siteSchema, /^notice:.*$/m, 'notic: 本站为示例'],
    ['content/site.yaml', 'phnoe', 'phone', siteSchema, /^(\s+)phone:/m, '$1phnoe:'],
    ['content/editions/2024/edition.yaml', 'headlines', 'headline', editionSchema, /^headline:/m, 'headlines:'],
    ['content/editions/2024/edition.yaml', 'sumary', 'summary', editionSchema, /^summary:/m, 'sumary:'],
    ['data/plans/2021-2025.yaml', 'shrot', 'short', planSchema, /^short:/m, 'shrot:'],
  ])('%s: %s', (file, typo, meant, schema, pattern, replacement) => {
    const original = read(file);
    // A site.yaml without a notice gets one, misspelt, at its end.
    const text = pattern.test(original) ? original.replace(pattern, replacement) : `${original}\n${replacement}\n`;
    const line = text.split('\n').findIndex((l) => l.trimStart().startsWith(`${typo}:`)) + 1;
    const { problems } = parseYamlData(text, file, schema);
    // (A misspelt required key is also reported missing, at the top of the file.)
    expect(problems).toContainEqual(
      expect.objectContaining({ file, line, message: expect.stringContaining(typo), hint: `是不是“${meant}”？` }),
    );
  });

  it('a chapter’s front matter too, at the line in the chapter file', () => {
    const file = 'content/editions/2024/02-product-quality.mdx';
    const { yaml } = splitFrontMatter(read(file).replace(/^order:/m, 'oder:'));
    const { problems } = parseYamlData(yaml!, file, chapterSchema, 1);
    expect(problems).toContainEqual(expect.objectContaining({ line: 3, hint: '是不是“order”？' }));
  });

  it('a key far from every known one lists the keys that may be written there', () => {
    const { problems } = parseYamlData(`${read('content/site.yaml')}\nfavourite_colour: 蓝\n`, 'site.yaml', siteSchema);
    expect(problems).toEqual([
      expect.objectContaining({ hint: expect.stringMatching(/^这里可以写的项：region、agency/) }),
    ]);
  });
});

describe('the site’s address and its folder are checked together', () => {
  const file = 'content/site.yaml';
  const lineOf = (text: string, key: string) => text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;

  it('a path in siteUrl with a basePath saying otherwise is an error at the basePath line', () => {
    const text = read(file).replace(/^siteUrl: .*$/m, 'siteUrl: https://example.org/tongling');
    expect(text).toMatch(/^basePath: \/$/m);
    expect(parseYamlData(text, file, siteSchema).problems).toEqual([
      expect.objectContaining({
        file,
        line: lineOf(text, 'basePath'),
        message: expect.stringMatching(
          /^子路径（basePath）：写的是 \/，与网址（siteUrl）.* 的路径 \/tongling\/ 不一致/,
        ),
      }),
    ]);
  });

  it('without the basePath line, the path is the folder', () => {
    const text = read(file)
      .replace(/^siteUrl: .*$/m, 'siteUrl: https://example.org/tongling')
      .replace(/^basePath: .*\n/m, '');
    expect(parseYamlData(text, file, siteSchema)).toEqual({
      data: expect.objectContaining({ basePath: '/tongling/' }),
      problems: [],
    });
  });
});
