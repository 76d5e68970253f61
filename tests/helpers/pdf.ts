import { execFileSync } from 'node:child_process';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

/** poppler-utils, as a reader's tools would see the file. */
export const pdftotext = (file: string, args: string[] = []) =>
  execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
export const pdffonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });
export const pdfinfo = (file: string) =>
  Object.fromEntries(
    execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );

/** Text of one page (1-based). */
export const pageText = (file: string, page: number) => pdftotext(file, ['-f', String(page), '-l', String(page)]);

/** Titles of the top-level bookmarks (PDF outline). */
export async function outlineTitles(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'));
  const titles: string[] = [];
  const walk = (item: unknown) => {
    while (item instanceof PDFDict) {
      const title = item.lookup(PDFName.of('Title'));
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(title.decodeText());
      walk(item.lookup(PDFName.of('First')));
      item = item.lookup(PDFName.of('Next'));
    }
  };
  if (outlines instanceof PDFDict) walk(outlines.lookup(PDFName.of('First')));
  return titles;
}

/** Whitespace-free text, since pdftotext lays out CJK and tables with variable spacing. */
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, '');
