/**
 * Each protection against editor input, shown to be the thing that stops its attack: the same input
 * through the library's defaults (the protection removed) does the harm, and through ours it does not.
 * A protection that stopped nothing here would make its test fail, not pass quietly.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { compile as compileMdx, evaluate } from '@mdx-js/mdx';
import { stringify } from 'csv-stringify/sync';
import * as vega from 'vega';
import { compile as compileVegaLite, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

import { renderChartSvg } from '../src/lib/charts/chart-svg.ts';
import { readCustomSpec } from '../src/lib/content/custom-spec.ts';
import { analyseChapterBody } from '../src/lib/content/mdx-chapter.ts';
import { siteSchema } from '../src/lib/model/schemas.ts';
import { toExcelCsv } from '../src/lib/publish/csv-export.ts';
import { tempDir } from './helpers/project-copy.ts';

const dir = tempDir('wp-protections-');
const chapterProblems = (body: string) =>
  analyseChapterBody(body, 'content/editions/2024/02-product-quality.mdx', new Map(), new Set()).problems;

describe('MDX is read as a document', () => {
  it('an expression runs when MDX is compiled as a program, and check refuses the chapter', async () => {
    const body = "产品质量稳中有升。{globalThis.__whitePaperAttack = 'ran'}";
    const runtime = { Fragment: Symbol('Fragment'), jsx: () => null, jsxs: () => null };
    const { default: Chapter } = await evaluate(body, runtime);
    Chapter({});
    expect((globalThis as { __whitePaperAttack?: string }).__whitePaperAttack).toBe('ran');
    delete (globalThis as { __whitePaperAttack?: string }).__whitePaperAttack;

    expect(chapterProblems(body)).toEqual([expect.objectContaining({ severity: 'error', line: 1 })]);
  });

  it('a javascript: link becomes a live href in compiled MDX, and check refuses it', async () => {
    const body = '详见[抽查结果](javascript:alert(document.cookie))。';
    expect(String(await compileMdx(body))).toContain('javascript:alert(document.cookie)');
    expect(chapterProblems(body)).toEqual([expect.objectContaining({ severity: 'error', line: 1 })]);
  });
});

describe('custom chart specs are data', () => {
  const secret = join(dir, 'secret.csv');
  writeFileSync(secret, 'line\nTOP-SECRET-LINE\n');
  const reading = { data: { url: secret }, mark: 'text', encoding: { text: { field: 'line' } } } as TopLevelSpec;

  it('Vega’s default loader publishes a file of the machine; our renderer loads nothing', async () => {
    const view = new vega.View(vega.parse(compileVegaLite(reading).spec), { renderer: 'none' });
    expect(await view.toSVG()).toContain('TOP-SECRET-LINE');
    view.finalize();

    const ours = await renderChartSvg(reading, () => {}).catch((e: Error) => e.message);
    expect(ours).not.toContain('TOP-SECRET-LINE');
  });

  it('Vega’s default expressions compile to code with Function; ours are interpreted', async () => {
    const spec = {
      data: { values: [{ a: 1 }, { a: 2 }] },
      transform: [{ calculate: 'datum.a * 2', as: 'b' }],
      mark: 'point',
      encoding: { x: { field: 'b', type: 'quantitative' } },
    } as TopLevelSpec;
    const generated = (render: () => Promise<unknown>) => async () => {
      let calls = 0;
      const original = globalThis.Function;
      globalThis.Function = new Proxy(original, {
        construct: (target, args) => (calls++, Reflect.construct(target, args)),
        apply: (target, self, args) => (calls++, Reflect.apply(target, self, args)),
      });
      try {
        await render();
      } finally {
        globalThis.Function = original;
      }
      return calls;
    };
    const byDefault = await generated(() =>
      new vega.View(vega.parse(compileVegaLite(spec).spec), { renderer: 'none' }).toSVG(),
    )();
    expect(byDefault).toBeGreaterThan(0);
    expect(await generated(() => renderChartSvg(spec, () => {}))()).toBe(0);
  });

  it('a spec name with a path or a symlink reaches outside the edition; readCustomSpec refuses both', () => {
    const edition = join(dir, 'content', 'editions', '2024');
    mkdirSync(edition, { recursive: true });
    const outside = join(dir, 'outside.vl.json');
    writeFileSync(outside, '{"secret": "root:x:0:0"}');
    symlinkSync(outside, join(edition, 'link.vl.json'));
    const traversal = '../../../outside.vl.json';
    expect(readFileSync(join(edition, traversal), 'utf8')).toContain('root:x');
    expect(readFileSync(join(edition, 'link.vl.json'), 'utf8')).toContain('root:x');

    for (const name of [traversal, 'link.vl.json']) {
      const read = readCustomSpec(edition, name, `content/editions/2024/${name}`);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).not.toContain('root:x');
    }
  });
});

describe('downloads and links', () => {
  it('a formula note stays a formula in a plain CSV, and is text in ours', () => {
    const note = '=HYPERLINK("https://evil.example","点此")';
    expect(stringify([[note]])).toMatch(/^"=HYPERLINK/);
    expect(toExcelCsv(['note'], [[note]])).toContain(`"'=HYPERLINK`);
  });

  it('a URL schema accepts javascript:, the site schema refuses it in every URL field', () => {
    expect(z.url().safeParse('javascript:alert(1)').success).toBe(true);
    const site = parseYaml(readFileSync('content/site.yaml', 'utf8')) as Record<string, unknown>;
    expect(siteSchema.safeParse(site).success).toBe(true);
    const licence = site.dataLicence as object;
    for (const patched of [
      { ...site, siteUrl: 'javascript:alert(1)' },
      { ...site, dataLicence: { ...licence, url: 'javascript:alert(1)' } },
    ])
      expect(siteSchema.safeParse(patched).success).toBe(false);
  });
});
