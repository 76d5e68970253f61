/**
 * Nothing half-filled reaches readers: no text a reader or researcher gets from the built demo (page
 * text and labels, CSV cells, JSON values, feed and sitemap, PDF text) shows a programming artefact —
 * undefined, NaN, null, Infinity, [object Object] — or a float with machine noise (18.000000, 0.30000000000000004).
 * JSON's own null literal (a missing value in a data file, an unset option in a chart spec) is not text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { pdftotext } from './helpers/pdf.ts';
import { ROOT } from './helpers/project-copy.ts';

const DIST = join(ROOT, 'dist');
const ARTEFACT = /\b(undefined|NaN|null|Infinity)\b|\[object Object\]/;
const NOISY_FLOAT = /\d\.\d*0{5,}\d*\b|\d\.\d{9,}/;
const bad = (text: string) => ARTEFACT.exec(text)?.[0] ?? NOISY_FLOAT.exec(text)?.[0];

const files = (ext: string) =>
  readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(ext) && !d.parentPath.includes('pagefind'))
    .map((d) => join(d.parentPath, d.name));

/** What a reader sees of a page: its text and the attributes read out or shown (alt, labels, titles). */
function readerText(html: string): string {
  const withoutCode = html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ');
  const attributes = [...withoutCode.matchAll(/\s(?:alt|aria-label|title|placeholder|content)="([^"]*)"/g)].map(
    (m) => m[1],
  );
  return `${withoutCode.replace(/<[^>]+>/g, ' ')}\n${attributes.join('\n')}`;
}

function jsonStrings(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string') found.push(value);
  else if (typeof value === 'number') found.push(String(value));
  else if (Array.isArray(value)) value.forEach((v) => jsonStrings(v, found));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => jsonStrings(v, found));
  return found;
}

const problemsIn = (file: string, texts: string[]) =>
  texts.flatMap((t) => (bad(t) ? [`${relative(DIST, file)}: “${bad(t)}” in “${t.trim().slice(0, 80)}”`] : []));

describe('no programming artefacts in what readers get', () => {
  it('the check finds what it is for', () => {
    expect(
      ['undefined', 'NaN', 'null', '[object Object]', '18.000000', '0.30000000000000004', 'Infinity%']
        .map(bad)
        .every(Boolean),
    ).toBe(true);
    expect(['98.6%', '2024年', '0.42', 'null_rate', '1.0.2'].map(bad).filter(Boolean)).toEqual([]);
  });

  it('pages (text and labels)', () => {
    const html = files('.html');
    expect(html.length).toBeGreaterThan(50);
    expect(html.flatMap((f) => problemsIn(f, readerText(readFileSync(f, 'utf8')).split('\n')))).toEqual([]);
  });

  it('CSV downloads, every cell', () => {
    const csv = files('.csv');
    expect(csv.length).toBeGreaterThan(10);
    expect(
      csv.flatMap((f) =>
        problemsIn(f, (parse(readFileSync(f), { bom: true, relax_column_count: true }) as string[][]).flat()),
      ),
    ).toEqual([]);
  });

  it('JSON downloads and chart data, every value', () => {
    const json = files('.json');
    expect(json.length).toBeGreaterThan(3);
    expect(json.flatMap((f) => problemsIn(f, jsonStrings(JSON.parse(readFileSync(f, 'utf8')))))).toEqual([]);
  });

  it('feed and sitemap', () => {
    const xml = files('.xml');
    expect(xml.length).toBeGreaterThan(1);
    expect(
      xml.flatMap((f) =>
        problemsIn(
          f,
          readFileSync(f, 'utf8')
            .replace(/<[^>]+>/g, '\n')
            .split('\n'),
        ),
      ),
    ).toEqual([]);
  });

  it('PDF text', () => {
    const pdfs = files('.pdf');
    expect(pdfs.length).toBeGreaterThan(0);
    expect(pdfs.flatMap((f) => problemsIn(f, pdftotext(f).split('\n')))).toEqual([]);
  });
});
