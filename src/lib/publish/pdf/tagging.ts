import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';

import { diagnostics } from '../../site/messages/index.ts';

const say = diagnostics().publish;

/** What the print page knows and Chromium's tagged PDF leaves out, gathered before printing. */
export interface PdfTagging {
  /** The text alternative of each chart, in document order (its caption and one-sentence summary). */
  figureAlts: string[];
  /** What each internal link leads to, by its named destination (the 目录's chapter titles). */
  linkLabels: Record<string, string>;
}

/**
 * Completes Chromium's tagged PDF for assistive technology (PDF/UA, Matterhorn): figures get /Alt,
 * link annotations /Contents, and the running headers and page numbers Chromium draws outside the
 * structure tree become artifacts. Returns what it could not do (empty when all is done).
 */
export function completeTagging(doc: PDFDocument, tagging: PdfTagging): string[] {
  const problems: string[] = [];
  const figures = structElements(doc, 'Figure');
  if (figures.length !== tagging.figureAlts.length)
    problems.push(say.taggingFigures(figures.length, tagging.figureAlts.length));
  else figures.forEach((figure, i) => figure.set(PDFName.of('Alt'), PDFHexString.fromText(tagging.figureAlts[i]!)));

  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (annots instanceof PDFArray)
      for (let i = 0; i < annots.size(); i++) {
        const link = annots.lookup(i);
        if (link instanceof PDFDict && link.get(PDFName.of('Subtype')) === PDFName.of('Link')) {
          const label = linkLabel(link, tagging.linkLabels);
          if (label) link.set(PDFName.of('Contents'), PDFHexString.fromText(label));
          else problems.push(say.taggingLink(doc.getPages().indexOf(page) + 1));
        }
      }
    markUntaggedTextAsArtifact(doc, page.node);
  }
  return problems;
}

/** Struct elements of a type (`Figure`) in document order: a depth-first walk of the structure tree. */
function structElements(doc: PDFDocument, type: string): PDFDict[] {
  const found: PDFDict[] = [];
  const walk = (node: unknown) => {
    const value = node instanceof PDFRef ? doc.context.lookup(node) : node;
    if (value instanceof PDFArray) for (let i = 0; i < value.size(); i++) walk(value.get(i));
    else if (value instanceof PDFDict) {
      if (value.get(PDFName.of('S')) === PDFName.of(type)) found.push(value);
      walk(value.get(PDFName.of('K')));
    }
  };
  walk(doc.catalog.lookup(PDFName.of('StructTreeRoot')));
  return found;
}

function linkLabel(link: PDFDict, labels: Record<string, string>): string | undefined {
  const action = link.lookup(PDFName.of('A'));
  const uri = action instanceof PDFDict ? action.lookup(PDFName.of('URI')) : undefined;
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText();
  const dest =
    link.lookup(PDFName.of('Dest')) ?? (action instanceof PDFDict ? action.lookup(PDFName.of('D')) : undefined);
  const name =
    dest instanceof PDFName
      ? dest.decodeText()
      : dest instanceof PDFString || dest instanceof PDFHexString
        ? dest.decodeText()
        : undefined;
  return name === undefined ? undefined : labels[name];
}

/**
 * Chromium draws @page margin boxes (running header, page number) as text objects outside any marked
 * content: wrap each such BT…ET in an /Artifact sequence, so readers skip them instead of finding
 * untagged text. Chromium writes one operator per line, which this relies on.
 */
function markUntaggedTextAsArtifact(doc: PDFDocument, page: PDFDict): void {
  const contents = page.lookup(PDFName.of('Contents'));
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const text = streams
    .map((s) => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
    .join('\n');
  let depth = 0;
  const out: string[] = [];
  let inArtifact = false;
  for (const line of text.split('\n')) {
    // The operator ends the line: `BT`, `ET`, `EMC`, `/P <</MCID 3 >>BDC`.
    const op = /(BDC|BMC|EMC|BT|ET)$/.exec(line.trim())?.[1];
    if (op === 'BT' && depth === 0) {
      out.push('/Artifact BMC');
      inArtifact = true;
    }
    out.push(line);
    if (op === 'BDC' || op === 'BMC') depth++;
    else if (op === 'EMC') depth--;
    else if (op === 'ET' && inArtifact) {
      out.push('EMC');
      inArtifact = false;
    }
  }
  page.set(
    PDFName.of('Contents'),
    doc.context.register(doc.context.flateStream(Buffer.from(out.join('\n'), 'latin1'))),
  );
}
