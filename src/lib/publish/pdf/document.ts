import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

import { diagnostics } from '../../site/messages/index.ts';
import { completeTagging, type PdfTagging } from './tagging.ts';

/**
 * Read and written in one go: by default pdf-lib yields to the event loop (a timer) every 100 objects read and
 * every 50 written: for an edition's ~2,000 objects, 40 timers and most of the time taken. The bytes are the same.
 */
const READ = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;
const WRITE = { useObjectStreams: false, objectsPerTick: Infinity } as const;

/**
 * Page number (1-based) of every named destination in a PDF printed by Chromium: the targets of the
 * 目录 links. Chromium cannot compute target-counter(), so the TOC numbers come from a first print.
 */
export async function namedDestinationPages(bytes: Uint8Array): Promise<Map<string, number>> {
  const doc = await PDFDocument.load(bytes, READ);
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
  return (await PDFDocument.load(bytes, READ)).getPageCount();
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

/**
 * Writes the document information and an XMP packet saying the same (Chromium's own packet carries the
 * build time), and completes the tagging for assistive technology when the print page's facts are given.
 */
export async function setPdfMetadata(bytes: Uint8Array, meta: PdfMetadata, tagging?: PdfTagging): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, READ);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setCreator(meta.creator);
  doc.setProducer(meta.producer);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  if (tagging) {
    const problems = completeTagging(doc, tagging);
    if (problems.length) throw new Error(diagnostics().publish.taggingIncomplete(problems));
  }
  return doc.save(WRITE);
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `2025-04-22T00:00:00+08:00`: the instant in China Standard Time, as the editions date themselves. */
const beijingTime = (date: Date) => `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

/** XMP (ISO 16684-1) with Dublin Core, XMP basic and PDF properties: what PDF/UA and archives read. */
export function xmpPacket(meta: PdfMetadata): string {
  const alt = (text: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xml(text)}</rdf:li><rdf:li xml:lang="${xml(meta.language)}">${xml(text)}</rdf:li></rdf:Alt>`;
  const date = beijingTime(meta.date);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(meta.title)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(meta.subject)}</dc:description>`,
    `<dc:subject><rdf:Bag>${meta.keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(meta.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(meta.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${xml(meta.keywords.join(' '))}</pdf:Keywords>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
