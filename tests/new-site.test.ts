/** `npm run new-site`: a site from nothing that check accepts, in an empty folder only. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { checkSite } from '../src/lib/commands/check-site.ts';
import { createSite } from '../src/lib/commands/create-site.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import { tempDir } from './helpers/project-copy.ts';

/** A site made in `<temp>/sites/tongling`, typed from `<temp>`. */
const newSite = (root: string, cwd = join(root, '..', '..')) => createSite({ root, cwd, region: '铜陵市', year: 2015 });

describe('npm run new-site', () => {
  it('writes a site with a first draft edition that check accepts, naming only what is still to do', () => {
    const root = join(tempDir('wp-new-site-'), 'sites', 'tongling');
    const result = newSite(root);
    expect(result.outcome).toBe('created');
    if (result.outcome !== 'created') return;
    expect(result.files).toEqual(
      expect.arrayContaining([
        'content/site.yaml',
        'content/editions/2015/edition.yaml',
        'content/editions/2015/01-overview.mdx',
        'data/indicators.csv',
        'data/ledgers/2015.csv',
      ]),
    );
    for (const file of result.files) expect(existsSync(join(root, file)), file).toBe(true);
    // Paths are printed the way the editor named the folder, ready to be typed back.
    expect(result.lines[0]).toBe('已创建 sites/tongling/content/site.yaml');
    expect(result.lines.at(-1)).toContain('npm run check -- --root sites/tongling');

    const project = loadProject(root, { includeDrafts: true });
    expect(project.site.region).toBe('铜陵市');
    expect(project.site.agency).toBe('铜陵市市场监督管理局');
    expect(project.editions.map((e) => [e.year, e.status, e.chapters.length])).toEqual([[2015, 'draft', 6]]);

    const check = checkSite({ root, cwd: root });
    expect(check.ok, check.report).toBe(true);
    const warnings = check.problems.map((p) => `${p.file}:${p.line ?? ''} ${p.message}`);
    // The placeholder address and every 待更新 notice are named; nothing else is wrong.
    expect(warnings.filter((w) => w.startsWith('content/site.yaml:5 ') && w.includes('占位地址'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('待更新'))).toHaveLength(7);
    expect(warnings).toHaveLength(8);
  });

  it('writes the address it is given, and check then has nothing to say about it', () => {
    const root = tempDir('wp-new-site-');
    createSite({ root, cwd: root, region: '洞头区', year: 2021, siteUrl: 'https://www.example.gov.cn/zlbps/' });
    expect(readFileSync(join(root, 'content/site.yaml'), 'utf8')).toContain(
      'siteUrl: https://www.example.gov.cn/zlbps/',
    );
    expect(checkSite({ root, cwd: root }).problems.filter((p) => p.file === 'content/site.yaml')).toEqual([]);
  });

  it('never writes into a folder that holds anything', () => {
    const root = tempDir('wp-new-site-');
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'notes.txt'), 'keep me');
    const result = newSite(root, root);
    expect(result).toMatchObject({ outcome: 'refused' });
    expect(result.outcome === 'refused' && result.message).toContain('已存在');
    expect(existsSync(join(root, 'content/site.yaml'))).toBe(false);
  });
});
