/** The PDF edition of every demo edition, read with poppler (pdftotext, pdffonts, pdfinfo) and pdf-lib. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { decodePDFRawStream, PDFArray, PDFDocument, PDFName, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { STATUS_ICON, STATUSES } from '../src/lib/ledger/status.ts';
import { formatValue } from '../src/lib/model/format.ts';
import { browserVersion, launchBrowser } from '../src/lib/publish/chrome.ts';
import { formatFileSize } from '../src/lib/site/file-size.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';

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

  it('says on its cover that region, agency and figures are invented (demo: true)', () => {
    expect(squash(pageText(file, 1))).toContain(squash(ui.demoMark('fictional', project.site.region).cover));
  });

  it('embeds only real fonts (no Type 3)', () => {
    const fonts = pdffonts(file);
    expect(fonts).toMatch(/CID TrueType|TrueType|Type 1C|CID Type 0C/);
    expect(fonts).not.toMatch(/Type 3/);
  });

  it('contains the title, every chapter heading and every indicator value as the ledger gives it', () => {
    const text = squash(pdftotext(file));
    expect(text).toContain(squash(edition.title));
    for (const h of headings) expect(text).toContain(squash(h));
    for (const e of edition.yearEntries) {
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

  it('is tagged for assistive technology: figures with /Alt, links with /Contents, running heads as artifacts, XMP', async () => {
    // qpdf's JSON view of every object (qpdf --json, version 2).
    const objects = Object.values(
      (
        JSON.parse(execFileSync('qpdf', ['--json', file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as {
          qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
        }
      ).qpdf[1],
    ).flatMap((o) => (o.value && typeof o.value === 'object' ? [o.value] : []));
    const figures = objects.filter((o) => o['/S'] === '/Figure');
    const charts = readFileSync(join(ROOT, 'dist', paths.edition(edition.year), 'index.html'), 'utf8');
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(String(figure['/Alt'] ?? '')).toMatch(/^u:.{10,}/);
    // The first chart of the edition page is the domains chart, first in the PDF too.
    const firstSummary = /class="chart-summary"[^>]*>\s*([^<]+?)\s*</.exec(charts)![1]!;
    expect(String(figures[0]!['/Alt'])).toContain(firstSummary);
    const links = objects.filter((o) => o['/Subtype'] === '/Link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(String(link['/Contents'] ?? '')).toMatch(/^u:\S/);

    // No text outside marked content: Chromium's running headers and page numbers are /Artifact.
    const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    for (const [i, page] of doc.getPages().entries()) {
      const contents = page.node.lookup(PDFName.of('Contents'));
      const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
      let depth = 0;
      let artifacts = 0;
      for (const stream of streams)
        for (const line of Buffer.from(decodePDFRawStream(stream as PDFRawStream).decode())
          .toString('latin1')
          .split('\n')) {
          const op = /(BDC|BMC|EMC|BT)$/.exec(line.trim())?.[1];
          if (line.trim() === '/Artifact BMC') artifacts++;
          if (op === 'BDC' || op === 'BMC') depth++;
          else if (op === 'EMC') depth--;
          else if (op === 'BT') expect(depth, `untagged text on page ${i + 1}`).toBeGreaterThan(0);
        }
      // Every page but the cover has a running header or a page number.
      if (i > 0) expect(artifacts, `page ${i + 1}`).toBeGreaterThan(0);
    }

    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(xmp).toContain(`<rdf:li xml:lang="zh-CN">${edition.title}</rdf:li>`);
    expect(xmp).toContain('<rdf:li>zh-CN</rdf:li>');
    expect(xmp).toContain(`<xmp:CreateDate>${edition.published}T00:00:00+08:00</xmp:CreateDate>`);
  });

  it('prints chart text at 11 pt or more', () => {
    // Word boxes from poppler: a CJK font's box is about 1.45 em high (13 pt headings measure 18.8 pt).
    const words = [
      ...pdftotext(file, ['-bbox']).matchAll(
        /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)<\/word>/g,
      ),
    ];
    // Axis years and axis unit titles appear only in charts.
    const chartWords = words.filter(([, , , text]) => /^20\d\d$/.test(text!) || text!.startsWith('单位：'));
    expect(chartWords.length).toBeGreaterThan(5);
    for (const [, top, bottom, text] of chartWords)
      expect((Number(bottom) - Number(top)) / 1.45, `“${text}”`).toBeGreaterThanOrEqual(11);
  });

  it('is linked from the edition page with its size and page count', () => {
    const html = readFileSync(join(ROOT, 'dist', paths.edition(edition.year), 'index.html'), 'utf8');
    const pages = pdfinfo(file).Pages;
    expect(html).toContain(`href="${paths.pdf(edition.year)}"`);
    expect(html).toContain(`PDF，${formatFileSize(statSync(file).size)}，${pages} 页`);
  });
});

describe('the browser', () => {
  it('says the version it reports when started: a build finds its cached PDFs without starting it', async () => {
    const browser = await launchBrowser();
    try {
      expect(browserVersion()).toBe(browser.version());
    } finally {
      await browser.close();
    }
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
