import { readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { pdfWithDestinations } from '../../../../tests/helpers/pdf.ts';
import { tempDir } from '../../../../tests/helpers/project-copy.ts';
import { cachedPdf, latestPdf, type PdfSource } from './cache.ts';
import { pageCount } from './document.ts';

describe('cachedPdf', () => {
  let dir: string;
  let prints: number;
  /** The n-th print has n pages: which print a PDF is, is its page count. */
  const print = async () => pdfWithDestinations(++prints, {});
  const source: PdfSource = { name: '2024', browserVersion: '140.0.7339.185', html: '<h1>2024年</h1>' };
  beforeEach(() => {
    dir = join(tempDir('wp-cache-'), 'not-yet-made');
    prints = 0;
  });

  it('prints on a miss and keeps the PDF with its page count', async () => {
    expect(await cachedPdf(dir, source, print)).toMatchObject({ pages: 1, hit: false });
    expect(readdirSync(dir).sort()).toEqual([
      expect.stringMatching(/^2024-[0-9a-f]{16}\.pages$/),
      expect.stringMatching(/^2024-[0-9a-f]{16}\.pdf$/),
    ]);
  });

  it('reuses the kept PDF for the same edition, browser and HTML, without printing', async () => {
    const first = await cachedPdf(dir, source, print);
    const again = await cachedPdf(dir, { ...source }, print);
    expect(again).toMatchObject({ pages: 1, hit: true });
    expect(Buffer.from(again.bytes).equals(first.bytes)).toBe(true);
    expect(prints).toBe(1);
  });

  it('counts the pages of a PDF kept without its count (by an earlier version), once', async () => {
    await cachedPdf(dir, source, print);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.pages'))) rmSync(join(dir, file));
    expect(await cachedPdf(dir, source, print)).toMatchObject({ pages: 1, hit: true });
    expect(readdirSync(dir).filter((f) => f.endsWith('.pages'))).toHaveLength(1);
  });

  it.each<[string, Partial<PdfSource>]>([
    ['the print HTML', { html: '<h1>2024年（修订）</h1>' }],
    ['the browser version', { browserVersion: '141.0.7390.54' }],
    ['the edition', { name: '2023' }],
  ])('prints again when %s changes', async (_what, change) => {
    await cachedPdf(dir, source, print);
    expect(await cachedPdf(dir, { ...source, ...change }, print)).toMatchObject({ pages: 2, hit: false });
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toHaveLength(2);
  });

  it('finds the edition’s most recent PDF whatever its key, for its 目录 numbers', async () => {
    expect(latestPdf(dir, '2024')).toBeUndefined();
    await cachedPdf(dir, source, print);
    await cachedPdf(dir, { ...source, html: '<h1>2024年（修订）</h1>' }, print);
    await cachedPdf(dir, { ...source, name: '2023' }, print);
    writeFileSync(join(dir, '2024-notes.pdf'), 'not a kept PDF');
    const kept = readdirSync(dir).filter((f) => /^2024-[0-9a-f]+\.pdf$/.test(f));
    const printedAt = (year: number) => (file: string) => {
      const when = new Date(year, 0, 1);
      utimesSync(join(dir, file), when, when);
    };
    const latestPages = async () => pageCount(latestPdf(dir, '2024')!);
    printedAt(2000)(kept[0]!);
    printedAt(2001)(kept[1]!);
    const newer = await latestPages();
    printedAt(2002)(kept[0]!);
    expect(await latestPages()).not.toBe(newer);
    expect(latestPdf(dir, '202')).toBeUndefined();
  });
});
