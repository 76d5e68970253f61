/**
 * Every text field an editor fills, carrying an HTML/script payload, reaches every output as text:
 * never markup in a page, the feed or the sitemap, never a dialog in a browser; data files keep it verbatim.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { useBrowserOnDist } from './helpers/browser.ts';
import { build as runBuild } from './helpers/commands.ts';
import { pdftotext, squash } from './helpers/pdf.ts';
import { copyProject, editFile } from './helpers/project-copy.ts';

/** One payload per field, lettered so a leak names the field it came from (no digits: a target must stay qualitative). */
const mark = (n: number) => `Xss${'abcdefghijklmnop'[n]}`;
const payload = (n: number) =>
  `${mark(n)}<img src=x onerror=alert(document.domain)>"'&<script>alert(document.cookie)</script>`;
const FIELDS = [
  'catalogue name',
  'catalogue definition',
  'catalogue source',
  'ledger note',
  'text value',
  'edition title',
  'edition summary',
  'chapter title',
  'chapter summary',
  'site region',
  'plan name',
];
const csvCell = (text: string) => `"${text.replaceAll('"', '""')}"`;
const yamlText = (text: string) => JSON.stringify(text);

let dir = '';
beforeAll(async () => {
  dir = copyProject();
  const p = (field: string) => payload(FIELDS.indexOf(field));
  editFile(dir, 'data/indicators.csv', (t) =>
    t.replace(
      /^mfg_pass_rate,制造业产品质量合格率,产品质量,%,higher,number,1,[^,]*,[^\n]*$/m,
      `mfg_pass_rate,${csvCell(p('catalogue name'))},产品质量,%,higher,number,1,${csvCell(p('catalogue definition'))},${csvCell(p('catalogue source'))}`,
    ),
  );
  editFile(dir, 'data/ledgers/2024.csv', (t) =>
    t.replace(/^(mfg_pass_rate,2024,[^,]*,[^,]*,[^,]*,)[^,]*,/m, `$1${csvCell(p('ledger note'))},`).replace(
      /^quality_platform,2024,.*$/m,
      `quality_platform,2024,${csvCell(p('text value'))},基本建成,已完成,,`, // a target holding < or > is refused by the target grammar
    ),
  );
  editFile(dir, 'content/editions/2024/edition.yaml', (t) =>
    t
      .replace(/^title: .*$/m, `title: ${yamlText(p('edition title'))}`)
      .replace(/^summary: >-\n( {2}.*\n)+/m, `summary: ${yamlText(p('edition summary'))}\n`),
  );
  editFile(dir, 'content/editions/2024/03-engineering-quality.mdx', (t) =>
    t
      .replace(/^title: .*$/m, `title: ${yamlText(p('chapter title'))}`)
      .replace(/^summary: .*$/m, `summary: ${yamlText(p('chapter summary'))}`),
  );
  editFile(dir, 'content/site.yaml', (t) => t.replace(/^region: .*$/m, `region: ${yamlText(p('site region'))}`));
  editFile(dir, 'data/plans/2021-2025.yaml', (t) => t.replace(/^name: .*$/m, `name: ${yamlText(p('plan name'))}`));
  const build = await runBuild(dir, { pdf: true });
  expect(build.status, build.stderr).toBe(0);
});

const files = (ext: RegExp) =>
  readdirSync(join(dir, 'dist'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ext.test(d.name) && !d.parentPath.includes('pagefind'))
    .map((d) => join(d.parentPath, d.name));

describe('an HTML payload in every field', () => {
  const site = useBrowserOnDist(() => join(dir, 'dist'));

  it('is never markup in a page, the feed or the sitemap (outside quoted attribute values)', () => {
    const markup = files(/\.(html|xml)$/);
    expect(markup.length).toBeGreaterThan(50);
    const leaks = markup.flatMap((f) =>
      // Inside a quoted attribute value a < is text (HTML escapes only the quote and &); outside, markup.
      [
        ...readFileSync(f, 'utf8')
          .replace(/="[^"]*"/g, '=""')
          .matchAll(/(Xss[a-p])<(img|script)/g),
      ].map((m) => `${relative(dir, f)}: ${FIELDS[FIELDS.findIndex((_, n) => mark(n) === m[1])]}`),
    );
    expect(leaks).toEqual([]);
  });

  it('reaches every field’s pages as visible text', () => {
    const text = files(/\.html$/)
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    for (const [n, field] of FIELDS.entries())
      expect(text.includes(`${mark(n)}&lt;img src=x onerror=alert(document.domain)&gt;`), field).toBe(true);
  });

  it('stays verbatim text in the data downloads and the PDF', () => {
    const csv = readFileSync(join(dir, 'dist/data/ledger-2024.csv'), 'utf8');
    expect(csv).toContain(payload(FIELDS.indexOf('ledger note')).replaceAll('"', '""'));
    const pdf = squash(pdftotext(join(dir, 'dist/editions/2024/white-paper-2024.pdf')));
    expect(pdf).toContain(squash(payload(FIELDS.indexOf('edition title'))));
  });

  it('never runs in a browser, on any kind of page', async () => {
    const page = await site.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    for (const path of [
      '/',
      '/editions/2024/',
      '/editions/2024/engineering-quality/',
      '/editions/2024/overview/',
      '/indicators/',
      '/indicators/mfg_pass_rate/',
      '/indicators/quality_platform/',
      '/data/',
      `/search/?q=${encodeURIComponent('onerror')}`,
    ]) {
      await page.goto(site.origin + path);
      await page.waitForTimeout(300);
      // Nothing of the payload became an element.
      expect(await page.locator('img[src="x"], script:not([src]):not([type="application/json"])').count(), path).toBe(
        0,
      );
    }
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
