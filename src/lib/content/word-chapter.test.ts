import {
  Bookmark,
  Document,
  ExternalHyperlink,
  ImageRun,
  InternalHyperlink,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';

import { wordDraft } from '../../../tests/helpers/word-draft.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { analyseChapterBody, splitFrontMatter } from './mdx-chapter.ts';
import { readWordDraft, type WordChapterOptions } from './word-chapter.ts';

const indicator = (id: string, name: string, unit: string): Indicator =>
  ({ id, name, unit, type: 'number', decimals: 1, domain: '产品质量' }) as Indicator;
const INDICATORS = [
  indicator('mfg_pass_rate', '制造业产品质量合格率', '%'),
  indicator('food_pass_rate', '食品安全抽检合格率', '%'),
  indicator('qci', '制造业质量竞争力指数（QCI）', '分'),
];
const LEDGER: Record<string, number> = { 'mfg_pass_rate|2025': 97.4, 'food_pass_rate|2025': 98.9, 'qci|2025': 90.8 };
const options: WordChapterOptions = {
  title: '草稿',
  order: 2,
  imagePrefix: 'product-quality',
  imageFolder: 'images',
  year: 2025,
  indicators: INDICATORS,
  ledgerValue: (id, period) => LEDGER[`${id}|${period}`],
};

const convert = async (docx: Uint8Array, chapterOptions: WordChapterOptions) =>
  (await readWordDraft(docx)).chapter(chapterOptions);

describe('a Word draft as a chapter', () => {
  it('keeps headings, paragraphs, lists, tables, footnotes and pictures', async () => {
    const chapter = await convert(await wordDraft({ year: 2025, mfg: '97.4%', food: '98.9%', qci: '90.8' }), options);
    expect(chapter.title).toBe('产品质量');
    const { yaml, body } = splitFrontMatter(chapter.mdx);
    expect(yaml).toBe('title: 产品质量\norder: 2');
    expect(body).toContain('\n## 总体情况\n');
    expect(body).toContain('\n## 重点工作\n');
    expect(body).not.toMatch(/^# /m);
    expect(body).toMatch(/^- 完成“品字标”品牌培育三项。$/m);
    expect(body).toMatch(/^\| 指标 +\| 2025年 +\| 目标 +\|$/m); // the table's first row is its header
    expect(body).toMatch(/^\| 制造业产品质量合格率 \| 97\.4% +\| 97%以上 +\|$/m);
    expect(body).toContain('[^1]，较上年提高');
    expect(body).toMatch(/^\[\^1\]: 数据来源：区市场监管局年度监督抽查汇总。$/m);
    expect(body).toContain('![监督抽检现场照片](./images/product-quality-1.png)');
    expect(chapter.images).toHaveLength(1);
    expect(chapter.images[0]).toMatchObject({ name: 'product-quality-1.png', alt: '监督抽检现场照片' });
    expect([...chapter.images[0]!.bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });

  it('binds each figure that equals the ledger to <Value>, and leaves the others as written', async () => {
    const chapter = await convert(await wordDraft({ year: 2025, mfg: '97.4%', food: '98.8%', qci: '90.8' }), options);
    expect(chapter.mdx).toContain('合格率为<Value id="mfg_pass_rate" />[^1]');
    expect(chapter.mdx).toContain('（QCI）为<Value id="qci" />，'); // bold marks would print as asterisks
    expect(chapter.mdx).toContain('食品安全抽检合格率达到98.8%'); // the ledger says 98.9: left for check to warn
    expect(chapter.bound.map((b) => [b.id, b.written])).toEqual([
      ['mfg_pass_rate', '97.4%'],
      ['qci', '90.8'],
    ]);
    const lines = chapter.mdx.split('\n');
    for (const b of chapter.bound) expect(lines[b.line - 1]).toContain(`<Value id="${b.id}" />`);
  });

  it('reports what did not convert as it was, in Chinese', async () => {
    const chapter = await convert(await wordDraft({ year: 2025, mfg: '97.4%', food: '98.9%', qci: '90.8' }), options);
    expect(chapter.unconverted).toEqual([
      { kind: 'message', text: '段落样式“公文正文”没有对应的格式，已按普通段落转换（文字保留）。' },
    ]);
  });

  it('does not report the body-text styles of Word, WPS and LibreOffice, and keeps their lists', async () => {
    const draft = new Document({
      styles: { paragraphStyles: [{ id: 'BodyText', name: 'Body Text' }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '正文一段。', style: 'BodyText' }),
            new Paragraph({ text: '列表一项。', style: 'BodyText', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const chapter = await convert(new Uint8Array(await Packer.toBuffer(draft)), options);
    expect(chapter.unconverted).toEqual([]);
    expect(chapter.mdx).toMatch(/^正文一段。$/m);
    expect(chapter.mdx).toMatch(/^- 列表一项。$/m);
  });

  it('reports a picture a browser cannot show, and leaves it out', async () => {
    const draft = new Document({
      sections: [
        {
          children: [
            new Paragraph('图前。'),
            new Paragraph({
              children: [
                new ImageRun({
                  type: 'bmp',
                  data: new Uint8Array(64),
                  transformation: { width: 10, height: 10 },
                  altText: { name: '旧图', title: '旧图', description: '旧版示意图' },
                }),
              ],
            }),
          ],
        },
      ],
    });
    const chapter = await convert(new Uint8Array(await Packer.toBuffer(draft)), options);
    expect(chapter.images).toEqual([]);
    expect(chapter.mdx).not.toContain('![');
    expect(chapter.unconverted).toEqual([
      {
        kind: 'message',
        text: '第 1 张图片（旧版示意图）是 image/bmp 格式，网页无法显示，未转入：请在 Word 中把它另存为 PNG 或 JPG 图片后重新插入。',
      },
    ]);
  });

  it('keeps web links, drops links that point nowhere on the page or could run script, keeping their text', async () => {
    const link = (url: string, text: string) => new ExternalHyperlink({ link: url, children: [new TextRun(text)] });
    const draft = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new Bookmark({ id: 'sec1', children: [new TextRun('一、总体情况')] })] }),
            new Paragraph({
              children: [
                new InternalHyperlink({ anchor: 'sec1', children: [new TextRun('见上文')] }),
                new TextRun('；'),
                link('javascript:alert(1)', '点我'),
                new TextRun('；'),
                link('https://www.samr.gov.cn/', '市场监管总局'),
              ],
            }),
          ],
        },
      ],
    });
    const chapter = await convert(new Uint8Array(await Packer.toBuffer(draft)), options);
    const { body } = splitFrontMatter(chapter.mdx);
    expect(body.trim()).toBe('一、总体情况\n\n见上文；点我；[市场监管总局](https://www.samr.gov.cn/)');
    expect(chapter.unconverted).toEqual([
      {
        kind: 'message',
        text: '链接“点我”的地址 javascript:alert(1) 不是网址（只允许 http、https、mailto），已去掉链接，只保留文字。',
      },
    ]);
  });

  it('reports a table with merged cells, whose text stays in the first cell', async () => {
    const cell = (text: string, span: { rowSpan?: number; columnSpan?: number } = {}) =>
      new TableCell({ children: [new Paragraph(text)], ...span });
    const rows = [
      [cell('领域', { rowSpan: 2 }), cell('指标情况', { columnSpan: 2 })],
      [cell('已完成'), cell('未完成')],
      [cell('产品质量'), cell('9'), cell('1')],
    ];
    const draft = new Document({
      sections: [{ children: [new Table({ rows: rows.map((children) => new TableRow({ children })) })] }],
    });
    const chapter = await convert(new Uint8Array(await Packer.toBuffer(draft)), options);
    expect(chapter.mdx).toMatch(/^\| 领域 +\| 指标情况 +\| +\|$/m);
    expect(chapter.unconverted).toEqual([
      {
        kind: 'message',
        text: '第 1 个表格有合并单元格：网页表格不能合并，合并格的文字只保留在第一格，其余为空，请核对表头。',
      },
    ]);
  });

  it('turns nothing in a draft into code: braces, tags and links stay text and pass check', async () => {
    const hostile = new Document({
      sections: [
        {
          children: [
            new Paragraph('公式{process.exit(1)}与<script>alert(1)</script>以及<Value id="x" />都只是文字。'),
            new Paragraph('import fs from "node:fs"'),
            new Paragraph('export const a = 1'),
          ],
        },
      ],
    });
    const chapter = await convert(new Uint8Array(await Packer.toBuffer(hostile)), options);
    const { body } = splitFrontMatter(chapter.mdx);
    const analysis = analyseChapterBody(body, 'x.mdx', new Map(INDICATORS.map((i) => [i.id, i])), new Set(['2025']));
    expect(analysis.problems).toEqual([]);
    expect(body).toContain('&#x69;mport fs from "node:fs"');
    expect(chapter.title).toBe('草稿'); // no 标题 1: the title given
    expect(chapter.unconverted).toEqual([]);
  });
});
