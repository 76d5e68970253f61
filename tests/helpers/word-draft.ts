import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import sharp from 'sharp';

/**
 * A chapter draft as a bureau writes it in Word, made with the `docx` library: a title and section
 * headings (标题 1/2), figures typed into the sentences, a list, a table, a footnote, a picture, and a
 * paragraph in a house style no converter knows. `figures` are the values typed in, by indicator name.
 */
export async function wordDraft(
  figures: {
    year: number;
    mfg: string;
    food: string;
    qci: string;
  },
  /** The picture's PNG bytes (default: a blue 320 × 180 picture). */
  picture?: Uint8Array,
): Promise<Uint8Array> {
  picture ??= await sharp({ create: { width: 320, height: 180, channels: 3, background: '#2b6cb0' } })
    .png()
    .toBuffer();
  const cell = (text: string) =>
    new TableCell({ children: [new Paragraph(text)], width: { size: 3000, type: WidthType.DXA } });
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'GongWen', name: '公文正文', run: { size: 28 } }] },
    footnotes: { 1: { children: [new Paragraph('数据来源：区市场监管局年度监督抽查汇总。')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '产品质量', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: '总体情况', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({
            children: [
              new TextRun(`${figures.year}年，全区制造业产品质量合格率为${figures.mfg}`),
              new FootnoteReferenceRun(1),
              new TextRun('，较上年提高0.3个百分点；制造业质量竞争力指数（QCI）为'),
              new TextRun({ text: figures.qci, bold: true }),
              new TextRun('，保持在90分以上。'),
            ],
          }),
          new Paragraph({ text: '重点工作', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: `食品安全抽检合格率达到${figures.food}，高于目标。`, bullet: { level: 0 } }),
          new Paragraph({ text: '完成“品字标”品牌培育三项。', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [cell('指标'), cell(`${figures.year}年`), cell('目标')] }),
              new TableRow({ children: [cell('制造业产品质量合格率'), cell(figures.mfg), cell('97%以上')] }),
              new TableRow({ children: [cell('食品安全抽检合格率'), cell(figures.food), cell('不低于98.5%')] }),
            ],
          }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: picture,
                transformation: { width: 320, height: 180 },
                altText: { name: '抽检现场', title: '抽检现场', description: '监督抽检现场照片' },
              }),
            ],
          }),
          new Paragraph({ text: '下一步将继续开展“质量提升行动”。', style: 'GongWen' }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
