/** The PDF edition of every demo edition, read with poppler (pdftotext, pdffonts, pdfinfo) and pdf-lib. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../src/lib/site/format.ts';
import { formatFileSize } from '../src/lib/site/file-size.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';
import { STATUS_ICON, STATUSES } from '../src/lib/ledger/status.ts';

const ui = messagesFor();
import { paths } from '../src/lib/site/urls.ts';
import { outlineTitles, pageText, pdffonts, pdfinfo, pdftotext, squash } from './helpers/pdf.ts';
import { copyProject, ROOT } from './helpers/project-copy.ts';

const project = loadProject(ROOT);
const pdfOf = (year: number) => join(ROOT, 'dist', paths.pdf(year));

describe.each(project.editions.map((e) => [e.year, e] as const))('PDF of the %i edition', (_year, edition) => {
  const file = pdfOf(edition.year);
  const headings = [
    ...edition.chapters.map((c, i) => `第${ui.chapterNumeral(i + 1)}章${c.title}`),
    `附录${ui.fullTable}`,
    ...(edition.corrections.length ? [ui.corrections] : []),
  ];

  it('embeds only real fonts (no Type 3)', () => {
    const fonts = pdffonts(file);
    expect(fonts).toMatch(/CID TrueType|TrueType|Type 1C|CID Type 0C/);
    expect(fonts).not.toMatch(/Type 3/);
  });

  it('contains the title, every chapter heading and every indicator value as the ledger gives it', () => {
    const text = squash(pdftotext(file));
    expect(text).toContain(squash(edition.title));
    for (const h of headings) expect(text).toContain(squash(h));
    for (const e of edition.entries) {
      expect(text, e.indicator.id).toContain(squash(e.indicator.name).slice(0, 6));
      expect(text, e.indicator.id).toContain(squash(formatValue(e.value, e.indicator)));
    }
  });

  it('prints each 目录 entry with the page its heading is on', () => {
    const tocLines = pdftotext(file, ['-layout', '-f', '2', '-l', '2']).split('\n').map(squash);
    for (const h of headings) {
      const line = tocLines.find((l) => l.startsWith(squash(h)));
      expect(line, h).toBeDefined();
      const page = Number(line!.slice(squash(h).length));
      expect(Number.isInteger(page) && page > 2, `${h}: ${line}`).toBe(true);
      expect(squash(pageText(file, page)), `${h} on page ${page}`).toContain(squash(h));
      expect(squash(pageText(file, page - 1)), `${h} not before page ${page}`).not.toMatch(new RegExp(`^${squash(h)}`));
    }
  });

  it('has bookmarks for the chapters', async () => {
    const titles = (await outlineTitles(readFileSync(file))).map(squash);
    for (const h of headings) expect(titles).toContain(squash(h));
  });

  it('carries the edition’s metadata, dated by the edition (reproducible), tagged, A4', () => {
    const info = pdfinfo(file);
    expect(info.Title).toBe(edition.title);
    expect(info.Author).toBe(project.site.agency);
    expect(info.Keywords).toContain('质量状况白皮书');
    expect(info.CreationDate).toMatch(
      new RegExp(
        `^${edition.published}|^${new Date(Date.parse(`${edition.published}T00:00:00+08:00`)).toISOString().slice(0, 10)}`,
      ),
    );
    expect(info.Tagged).toBe('yes');
    expect(info['Page size']).toContain('(A4)');
    expect(Number(info.Pages)).toBeGreaterThan(headings.length);
  });

  it('never leaves a table’s header with fewer than three rows on a page, before or after a break', () => {
    const pages = Number(pdfinfo(file).Pages);
    // A row is a line with a status icon and its word (“✓ 已完成”); a header line names the columns.
    const rowLine = new RegExp(
      `(${Object.values(STATUS_ICON).join('|')})\\s*(${STATUSES.map((s) => ui.status[s]).join('|')})`,
    );
    const isHeader = (line: string) =>
      line.trimStart().startsWith(ui.table.indicator) &&
      line.includes(ui.table.target) &&
      line.includes(ui.table.status);
    const body = (page: number) =>
      pdftotext(file, ['-layout', '-f', String(page), '-l', String(page)])
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(1); // the running header
    const segments = (lines: string[]) => {
      const rows: number[] = [];
      for (const line of lines) {
        if (isHeader(line)) rows.push(0);
        else if (rows.length && rowLine.test(line)) rows[rows.length - 1]!++;
      }
      return rows;
    };
    let checked = 0;
    for (let page = 3; page < pages; page++) {
      const next = body(page + 1);
      if (!next[0] || !isHeader(next[0])) continue; // no table continues on the next page
      const before = segments(body(page)).at(-1) ?? 0;
      const after = segments(next)[0]!;
      expect(before, `rows before the break after page ${page}`).toBeGreaterThanOrEqual(3);
      expect(after, `rows after the break on page ${page + 1}`).toBeGreaterThanOrEqual(3);
      checked++;
    }
    // The appendix (every indicator) is longer than a page in every edition: at least one break is seen.
    expect(checked).toBeGreaterThan(0);
  });

  it('is linked from the edition page with its size and page count', () => {
    const html = readFileSync(join(ROOT, 'dist', paths.edition(edition.year), 'index.html'), 'utf8');
    const pages = pdfinfo(file).Pages;
    expect(html).toContain(`href="${paths.pdf(edition.year)}"`);
    expect(html).toContain(`PDF，${formatFileSize(statSync(file).size)}，${pages} 页`);
  });
});

describe('without a browser', () => {
  it('the build stops with a clear message (install, CHROME_PATH, or the switch) and keeps the previous dist/', () => {
    const dir = copyProject();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
    const result = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CHROME_PATH: '/nonexistent/chrome' },
    });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain('生成 PDF 版需要 Chrome 或 Chromium');
    expect(output).toContain('CHROME_PATH=');
    expect(output).toContain('WHITE_PAPER_PDF=off npm run build');
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous site');
  });
});
