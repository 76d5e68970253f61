import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { writeWhole } from '../../site/write-whole.ts';

/** Bump when the printing pipeline changes, so cached PDFs are printed again. */
const PIPELINE_VERSION = 'pdf-v2'; // v2: XMP, /Alt, link /Contents, artifacts

/** What decides the bytes of a PDF: its name (the edition), the browser build and the print page's HTML. */
export interface PdfSource {
  name: string;
  browserVersion: string;
  html: string;
}

/**
 * The PDF of `source` from the cache in `dir`, or the one `print` makes, then kept there: an edition whose
 * print page has not changed is not printed again.
 */
export async function cachedPdf(
  dir: string,
  source: PdfSource,
  print: () => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; hit: boolean }> {
  const key = createHash('sha256')
    .update(PIPELINE_VERSION)
    .update(source.browserVersion)
    .update(source.html)
    .digest('hex')
    .slice(0, 16);
  const name = `${source.name}-${key}.pdf`;
  const file = join(dir, name);
  if (existsSync(file)) return { bytes: readFileSync(file), hit: true };
  const bytes = await print();
  mkdirSync(dir, { recursive: true });
  // A build stopped mid-write must not leave a broken PDF to reuse; a link planted in the cache is not written through.
  writeWhole(dir, name, bytes);
  return { bytes, hit: false };
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
