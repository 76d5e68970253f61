import { execFileSync } from 'node:child_process';

import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFObject, PDFString } from 'pdf-lib';

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

/**
 * A PDF of blank A4 pages with named destinations at the given pages (1-based), for the PDF code's unit
 * tests: in the catalog's /Dests as Chromium writes them, or in a /Names tree as other producers do.
 * Every other destination is written the longer way (an indirect array, a dictionary with /D).
 */
export async function pdfWithDestinations(
  pages: number,
  destinations: Record<string, number>,
  where: 'dests' | 'name-tree' = 'dests',
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const refs = Array.from({ length: pages }, () => doc.addPage([595, 842]).ref);
  const { context } = doc;
  const target = (page: number): PDFObject =>
    context.obj([refs[page - 1]!, PDFName.of('XYZ'), PDFNumber.of(0), PDFNumber.of(842), PDFNumber.of(0)]);
  const entries = Object.entries(destinations);
  if (where === 'dests') {
    const dests = context.obj({});
    entries.forEach(([name, page], i) =>
      dests.set(PDFName.of(name), i % 2 ? context.register(target(page)) : target(page)),
    );
    doc.catalog.set(PDFName.of('Dests'), context.register(dests));
  } else {
    // One leaf per destination under /Kids, as a large tree is split.
    const kids = entries.map(([name, page], i) =>
      context.register(
        context.obj({ Names: [PDFHexString.fromText(name), i % 2 ? context.obj({ D: target(page) }) : target(page)] }),
      ),
    );
    doc.catalog.set(PDFName.of('Names'), context.obj({ Dests: context.obj({ Kids: kids }) }));
  }
  return doc.save();
}
