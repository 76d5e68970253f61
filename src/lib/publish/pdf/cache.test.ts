import { readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../../tests/helpers/project-copy.ts';
import { cachedPdf, latestPdf, type PdfSource } from './cache.ts';

describe('cachedPdf', () => {
  let dir: string;
  let prints: number;
  const print = async () => new Uint8Array([++prints]);
  const source: PdfSource = { name: '2024', browserVersion: '140.0.7339.185', html: '<h1>2024年</h1>' };
  beforeEach(() => {
    dir = join(tempDir('wp-cache-'), 'not-yet-made');
    prints = 0;
  });

  it('prints on a miss and keeps the PDF', async () => {
    expect(await cachedPdf(dir, source, print)).toEqual({ bytes: new Uint8Array([1]), hit: false });
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^2024-[0-9a-f]{16}\.pdf$/)]);
  });

  it('reuses the kept PDF for the same edition, browser and HTML, without printing', async () => {
    await cachedPdf(dir, source, print);
    const again = await cachedPdf(dir, { ...source }, print);
    expect(again.hit).toBe(true);
    expect([...again.bytes]).toEqual([1]);
    expect(prints).toBe(1);
  });

  it.each<[string, Partial<PdfSource>]>([
    ['the print HTML', { html: '<h1>2024年（修订）</h1>' }],
    ['the browser version', { browserVersion: '141.0.7390.54' }],
    ['the edition', { name: '2023' }],
  ])('prints again when %s changes', async (_what, change) => {
    await cachedPdf(dir, source, print);
    expect(await cachedPdf(dir, { ...source, ...change }, print)).toEqual({ bytes: new Uint8Array([2]), hit: false });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('finds the edition’s most recent PDF whatever its key, for its 目录 numbers', async () => {
    expect(latestPdf(dir, '2024')).toBeUndefined();
    await cachedPdf(dir, source, print);
    await cachedPdf(dir, { ...source, html: '<h1>2024年（修订）</h1>' }, print);
    await cachedPdf(dir, { ...source, name: '2023' }, print);
    const kept = readdirSync(dir).filter((f) => f.startsWith('2024-'));
    const printedAt = (year: number) => (file: string) => {
      const when = new Date(year, 0, 1);
      utimesSync(join(dir, file), when, when);
    };
    writeFileSync(join(dir, '2024-notes.pdf'), 'not a kept PDF');
    kept.forEach(printedAt(2001));
    printedAt(2000)(kept.find((f) => readFileSync(join(dir, f))[0] === 1)!);
    expect([...latestPdf(dir, '2024')!]).toEqual([2]);
    printedAt(2002)(kept.find((f) => readFileSync(join(dir, f))[0] === 1)!);
    expect([...latestPdf(dir, '2024')!]).toEqual([1]);
    expect(latestPdf(dir, '202')).toBeUndefined();
  });
});
