import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
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
