import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFString, PDFHexString } from 'pdf-lib';

/**
 * Page number (1-based) of every named destination in a PDF printed by Chromium: the targets of the
 * 目录 links. Chromium cannot compute target-counter(), so the TOC numbers come from a first print.
 */
export async function namedDestinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const result = new Map<string, number>();
  const record = (name: string, dest: unknown) => {
    const array =
      dest instanceof PDFDict ? dest.lookup(PDFName.of('D')) : dest instanceof PDFRef ? doc.context.lookup(dest) : dest;
    if (!(array instanceof PDFArray)) return;
    const page = array.get(0);
    if (page instanceof PDFRef && pageIndex.has(page.toString())) result.set(name, pageIndex.get(page.toString())!);
  };
  const decode = (key: unknown) =>
    key instanceof PDFString || key instanceof PDFHexString
      ? key.decodeText()
      : key instanceof PDFName
        ? key.decodeText()
        : String(key);
  const walk = (node: PDFDict) => {
    const names = node.lookup(PDFName.of('Names'));
    if (names instanceof PDFArray)
      for (let i = 0; i + 1 < names.size(); i += 2) record(decode(names.lookup(i)), names.lookup(i + 1));
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i) as PDFDict);
  };
  const namesDict = doc.catalog.lookup(PDFName.of('Names'));
  const destTree = namesDict instanceof PDFDict ? namesDict.lookup(PDFName.of('Dests')) : undefined;
  if (destTree instanceof PDFDict) walk(destTree);
  const oldDests = doc.catalog.lookup(PDFName.of('Dests'));
  if (oldDests instanceof PDFDict)
    for (const [key, value] of oldDests.entries())
      record(key.decodeText(), value instanceof PDFRef ? doc.context.lookup(value) : value);
  return result;
}

export async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: string;
  creator: string;
  producer: string;
  /** Creation and modification date, given by the caller so the file does not change with the build time. */
  date: Date;
}

/** Writes the document information and drops Chromium's build-time XMP packet. */
export async function setPdfMetadata(bytes: Uint8Array, meta: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.delete(PDFName.of('Metadata'));
  return doc.save({ useObjectStreams: false });
}
