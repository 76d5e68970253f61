import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { writeWhole } from '../../site/write-whole.ts';
import { pageCount } from './document.ts';

/** Bump when the printing pipeline changes, so cached PDFs are printed again. */
const PIPELINE_VERSION = 'pdf-v3'; // v3: a draft print first (tag ids differ); v2: XMP, /Alt, link /Contents, artifacts

/** What decides the bytes of a PDF: its name (the edition), the browser build and the print page's HTML. */
export interface PdfSource {
  name: string;
  browserVersion: string;
  html: string;
}

/**
 * The PDF of `source` from the cache in `dir`, or the one `print` makes, then kept there: an edition whose
 * print page has not changed is not printed again. With its page count, kept beside it (`<name>-<key>.pages`):
 * reading a kept PDF whole to count its pages took pdf-lib ~0.1 s an edition, most of a build whose PDFs are all
 * kept (a PDF kept without the count, by an earlier version, is counted once).
 */
export async function cachedPdf(
  dir: string,
  source: PdfSource,
  print: () => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; pages: number; hit: boolean }> {
  const key = createHash('sha256')
    .update(PIPELINE_VERSION)
    .update(source.browserVersion)
    .update(source.html)
    .digest('hex')
    .slice(0, 16);
  const name = `${source.name}-${key}.pdf`;
  const counted = `${source.name}-${key}.pages`;
  const file = join(dir, name);
  if (existsSync(file)) {
    const bytes = readFileSync(file);
    const kept = existsSync(join(dir, counted)) ? Number(readFileSync(join(dir, counted), 'utf8')) : NaN;
    if (Number.isInteger(kept) && kept > 0) return { bytes, pages: kept, hit: true };
    const pages = await pageCount(bytes);
    keepCount(dir, counted, pages);
    return { bytes, pages, hit: true };
  }
  const bytes = await print();
  const pages = await pageCount(bytes);
  mkdirSync(dir, { recursive: true });
  // The count first: a kept PDF has its count beside it, unless an earlier version kept it.
  keepCount(dir, counted, pages);
  // A build stopped mid-write must not leave a broken PDF to reuse; a link planted in the cache is not written through.
  writeWhole(dir, name, bytes);
  return { bytes, pages, hit: false };
}

function keepCount(dir: string, file: string, pages: number): void {
  try {
    writeWhole(dir, file, String(pages));
  } catch {
    // Unwritable: the next build counts the pages again.
  }
}

/**
 * The PDF of `name` kept most recently, whatever its key: the edition's previous print, whose 目录 page numbers
 * are the best guess for printing it again (`printWithToc`). Undefined when none is kept.
 */
export function latestPdf(dir: string, name: string): Uint8Array | undefined {
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return undefined;
  }
  const kept = files
    .filter((file) => file.startsWith(`${name}-`) && /^-[0-9a-f]{16}\.pdf$/.test(file.slice(name.length)))
    .map((file) => ({ file, time: statSync(join(dir, file)).mtimeMs }))
    .sort((a, b) => b.time - a.time)[0];
  return kept && readFileSync(join(dir, kept.file));
}
