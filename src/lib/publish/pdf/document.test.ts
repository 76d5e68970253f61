import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { pdfinfo, pdfWithDestinations } from '../../../../tests/helpers/pdf.ts';
import { tempDir } from '../../../../tests/helpers/project-copy.ts';
import { namedDestinationPages, pageCount, type PdfMetadata, setPdfMetadata } from './document.ts';

const destinations = { cover: 1, 'ch-1': 3, 'ch-2': 3, 'ch-3': 5, appendix: 6 };

describe('namedDestinationPages', () => {
  it.each(['dests', 'name-tree'] as const)('gives the page of every destination (%s)', async (where) => {
    const pages = await namedDestinationPages(await pdfWithDestinations(6, destinations, where));
    expect(Object.fromEntries(pages)).toEqual(destinations);
  });

  it('is empty for a PDF without destinations', async () => {
    expect((await namedDestinationPages(await pdfWithDestinations(2, {}))).size).toBe(0);
  });
});

describe('pageCount', () => {
  it('counts the pages', async () => {
    expect(await pageCount(await pdfWithDestinations(7, {}))).toBe(7);
  });
});

describe('setPdfMetadata', () => {
  const meta: PdfMetadata = {
    title: '2024年质量状况白皮书',
    author: '某区市场监督管理局',
    subject: '全年质量总体向好。',
    keywords: ['质量状况白皮书', '2024年'],
    language: 'zh-CN',
    creator: '质量状况白皮书发布系统',
    producer: 'Chromium + pdf-lib',
    date: new Date('2025-03-14T16:00:00Z'),
  };

  it('writes the document information as a PDF reader shows it, and an XMP packet saying the same', async () => {
    const source = await PDFDocument.load(await pdfWithDestinations(1, {}));
    source.catalog.set(PDFName.of('Metadata'), source.context.obj({}));
    const bytes = await setPdfMetadata(await source.save(), meta);
    const file = join(tempDir('wp-pdf-'), 'meta.pdf');
    writeFileSync(file, bytes);
    expect(pdfinfo(file)).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: meta.subject,
      Keywords: '质量状况白皮书 2024年',
      Creator: meta.creator,
      Producer: meta.producer,
      CreationDate: '2025-03-14T16:00:00Z',
      ModDate: '2025-03-14T16:00:00Z',
    });
    const xmp = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
    expect(xmp).toContain(`<rdf:li xml:lang="zh-CN">${meta.title}</rdf:li>`);
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>zh-CN</rdf:li></rdf:Bag></dc:language>');
    // 16:00 UTC is midnight in Beijing, the editions' time.
    expect(xmp).toContain('<xmp:CreateDate>2025-03-15T00:00:00+08:00</xmp:CreateDate>');
    expect(xmp).toContain('<dc:creator><rdf:Seq><rdf:li>某区市场监督管理局</rdf:li></rdf:Seq></dc:creator>');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(zh-CN)');
  });
});
