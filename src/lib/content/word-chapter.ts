import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultHandlers, type Handle, toMdast } from 'hast-util-to-mdast';
import { toString as hastToString } from 'hast-util-to-string';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { FootnoteDefinition, Heading, Image, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { mdxToMarkdown } from 'mdast-util-mdx';
import { toMarkdown } from 'mdast-util-to-markdown';
import { toString } from 'mdast-util-to-string';
import { stringify as yaml } from 'yaml';

import type { Indicator } from '../ledger/indicator.ts';
import { WORD_BODY_STYLES, WORD_HEADING_STYLE } from '../ledger/input-words.ts';
import { diagnostics } from '../site/messages/index.ts';
import { valueTag } from './editor-components.ts';
import { isSafeUrl } from './mdx-chapter.ts';
import { officeEntries, xmlDepth } from './office-file.ts';
import { proseFigures } from './prose-figures.ts';

/** A figure of the draft bound to the ledger: `<Value id="…" />` now stands where the number was. */
export interface BoundFigure {
  id: string;
  name: string;
  period: string;
  written: string;
  /** What now stands in its place. */
  tag: string;
  line: number;
}

export interface WordChapter {
  /** The chapter file's text: front matter, then the body as MDX. */
  mdx: string;
  title: string;
  /** The pictures of the draft, named as the chapter links them (`<prefix>-1.png`). */
  images: Array<{ name: string; alt: string; bytes: Uint8Array }>;
  bound: BoundFigure[];
  /** What did not come through as it was in Word: the converter's messages, and text missing from the result. */
  unconverted: Array<{ kind: 'message' | 'missing'; text: string }>;
}

export interface WordChapterOptions {
  /** The title when the draft does not open with a 标题 1 heading. */
  title: string;
  order: number;
  /** File name prefix of the pictures, and the folder (relative to the chapter) they are linked from. */
  imagePrefix: string;
  imageFolder: string;
  year: number;
  indicators: readonly Indicator[];
  /** The ledger's value of an indicator in a year (what <Value> shows), if it has one. */
  ledgerValue: (id: string, period: string) => number | string | null | undefined;
}

/**
 * Pictures a browser shows, by the type Word records, with the file extension they are saved under. Others
 * (EMF/WMF drawings, TIFF) are reported instead; SVG too, since an SVG file opened from the site runs script.
 */
const PICTURE_TYPES: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/**
 * Word styles as Chinese Word and WPS name them (标题 1), mapped like the English built-in ones, so a draft
 * written with either keeps its headings.
 */
const STYLE_MAP = [1, 2, 3, 4, 5, 6].map((n) => `p[style-name='${WORD_HEADING_STYLE} ${n}'] => h${n}:fresh`);

/** A Word draft read and converted, waiting for its place: which chapter it becomes, its pictures' names. */
export interface WordDraft {
  /** The draft's opening 标题 1, which finds the chapter it rewrites; null without one. */
  title: string | null;
  chapter: (options: WordChapterOptions) => WordChapter;
}

/**
 * A draft that cannot be read (`unreadable`: not a complete Word file) or converted (`tooDeep`): the message
 * says why, in the editors' words (no stack trace).
 */
export class WordDraftError extends Error {
  readonly kind: 'unreadable' | 'tooDeep';
  constructor(message: string, kind: 'unreadable' | 'tooDeep' = 'unreadable') {
    super(message);
    this.kind = kind;
  }
}

/**
 * The deepest nesting of XML elements a draft may have. Word writes about 10 levels for a table cell's text
 * and some 30 for a text box in a drawing; the converters walk the tree recursively, and 3000 tables nested
 * in one another exhaust the stack ("Maximum call stack size exceeded").
 */
export const MAX_WORD_DEPTH = 100;

/**
 * Refuses, before mammoth reads it, what is not a Word document (empty, an old .doc or a protected file, a
 * zip of something else, one that unpacks to gigabytes) and a draft nested deeper than MAX_WORD_DEPTH.
 */
async function checkWordArchive(docx: Uint8Array): Promise<void> {
  const say = diagnostics();
  const archive = officeEntries(docx, 'docx');
  if ('why' in archive) throw new WordDraftError(archive.why);
  const zip = await JSZip.loadAsync(docx).catch(() => {
    throw new WordDraftError(say.files.corrupt);
  });
  for (const name of archive.entries.keys()) {
    if (!/^word\/[^/]+\.xml$/i.test(name)) continue;
    const xml = await zip
      .file(name)
      ?.async('string')
      .catch(() => {
        throw new WordDraftError(say.files.corrupt);
      });
    const depth = xml ? xmlDepth(xml) : 0;
    if (depth > MAX_WORD_DEPTH) throw new WordDraftError(say.wordChapter.tooDeep(depth, MAX_WORD_DEPTH), 'tooDeep');
  }
}

/** Where a picture stands in the tree until its name is known: `picture:1` … */
const PICTURE = 'picture:';

/**
 * A Word draft (.docx) read once: headings (the first 标题 1 becomes the title, the rest start at ##),
 * paragraphs, lists, tables, footnotes, superscripts and pictures kept. `chapter` then writes it as MDX,
 * with every figure written after an indicator's name that equals the ledger's value bound to <Value>.
 * Text is escaped as MDX text, so nothing in a draft can become code; what did not convert is reported,
 * not dropped. Throws WordDraftError for a file that is not a readable Word draft.
 */
export async function readWordDraft(docx: Uint8Array): Promise<WordDraft> {
  await checkWordArchive(docx);
  const pictures: Array<{ extension: string; alt: string; bytes: Uint8Array }> = [];
  const refused: string[] = [];
  const converted = await mammoth
    .convertToHtml(
      { buffer: Buffer.from(docx) },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async (image) => {
          // mammoth adds the picture's alt text (Word's 替代文字) to the element itself.
          const alt = (image as { altText?: string }).altText ?? '';
          const extension = PICTURE_TYPES[image.contentType];
          if (!extension) {
            refused.push(
              diagnostics().wordChapter.pictureType(refused.length + pictures.length + 1, image.contentType, alt),
            );
            return { src: '' }; // removed below
          }
          pictures.push({ extension, alt, bytes: new Uint8Array(await image.readAsBuffer()) });
          return { src: `${PICTURE}${pictures.length}` };
        }),
      },
    )
    .catch(() => {
      // mammoth's words are about zip and XML internals, in English.
      throw new WordDraftError(diagnostics().files.corrupt);
    });
  const hast = fromHtml(converted.value, { fragment: true });
  // Markdown tables have no merged cells: a merged cell's text stays in its first cell, the rest are empty.
  const tables = hast.children.filter((n): n is Element => n.type === 'element' && n.tagName === 'table');
  tables.forEach((table, i) => {
    if (hasMergedCell(table)) refused.push(diagnostics().wordChapter.mergedCells(i + 1));
  });
  prune(hast, (e) => {
    if (e.tagName === 'img') return e.properties.src ? 'keep' : 'remove'; // a picture refused above
    if (e.tagName !== 'a') return 'keep';
    const href = String(e.properties.href ?? '');
    // mammoth ends each footnote with a link back to its reference (↑): the site makes its own.
    if (href.startsWith('#footnote-ref-')) return 'remove';
    if (/^#footnote-\d+$/.test(href)) return 'keep';
    // Bookmarks and links to them (a table of contents) point nowhere on the page: their text stays.
    if (href === '' || href.startsWith('#')) return 'unwrap';
    if (isSafeUrl(href)) return 'keep';
    refused.push(diagnostics().wordChapter.unsafeLink(hastToString(e), href));
    return 'unwrap';
  });
  const tree = toMdast(hast, {
    handlers: { sup: superscript('sup'), sub: superscript('sub'), ol: footnotesOrList },
  }) as Root;
  const title = takeTitle(tree);
  startHeadingsAt(tree, 2);
  dropEmptyHeaderRows(tree);

  const raw = await mammoth.extractRawText({ buffer: Buffer.from(docx) }).catch(() => {
    throw new WordDraftError(diagnostics().files.corrupt);
  });
  const unconverted: WordChapter['unconverted'] = [
    ...converted.messages.flatMap((m) => {
      const text = converterMessage(m.message);
      return text === null ? [] : [{ kind: 'message' as const, text }];
    }),
    ...refused.map((text) => ({ kind: 'message' as const, text })),
    ...missingText(raw.value, `${title ?? ''}${toString(tree)}`).map((text) => ({ kind: 'missing' as const, text })),
  ];

  return {
    title,
    chapter: (options) => {
      const images = pictures.map(({ extension, alt, bytes }, i) => ({
        name: `${options.imagePrefix}-${i + 1}.${extension}`,
        alt,
        bytes,
      }));
      const placed = structuredClone(tree);
      visitImages(placed, (image) => {
        const n = Number(image.url.slice(PICTURE.length));
        image.url = `./${options.imageFolder}/${images[n - 1]!.name}`;
      });
      const front = `---\n${yaml({ title: title ?? options.title, order: options.order })}---\n\n`;
      const written = toMarkdown(placed, {
        bullet: '-',
        extensions: [gfmToMarkdown(), mdxToMarkdown()],
        // A paragraph opening with “import ”/“export ” would be read as a program statement: its first letter
        // is written as a character reference (&#x69;mport), which reads the same and runs nothing.
        unsafe: [
          { character: 'i', atBreak: true, after: 'mport\\b' },
          { character: 'e', atBreak: true, after: 'xport\\b' },
        ],
      });
      const { body, bound } = bindFigures(written, options);
      const frontLines = front.split('\n').length - 1;
      return {
        mdx: front + body,
        title: title ?? options.title,
        images,
        bound: bound.map((b) => ({ ...b, line: b.line + frontLines })),
        unconverted,
      };
    },
  };
}

/** Each picture of a tree (all of them came through convertImage, so each is a PICTURE placeholder). */
function visitImages(node: Root | RootContent, visit: (image: Image) => void): void {
  if (node.type === 'image') visit(node);
  if ('children' in node) for (const child of node.children) visitImages(child, visit);
}

const hasMergedCell = (node: Element): boolean =>
  node.children.some(
    (child) =>
      child.type === 'element' &&
      ((['td', 'th'].includes(child.tagName) &&
        (Number(child.properties.colSpan ?? 1) > 1 || Number(child.properties.rowSpan ?? 1) > 1)) ||
        hasMergedCell(child)),
  );

/** Each element, at any depth, kept, removed, or replaced by its children, as `decide` says. */
function prune(node: HastRoot | Element, decide: (element: Element) => 'keep' | 'remove' | 'unwrap'): void {
  const children: Array<(typeof node.children)[number]> = [];
  for (const child of node.children) {
    const decision = child.type === 'element' ? decide(child) : 'keep';
    if (child.type === 'element' && decision !== 'remove') prune(child, decide);
    if (decision === 'keep') children.push(child);
    else if (decision === 'unwrap' && child.type === 'element') children.push(...child.children);
  }
  node.children = children as typeof node.children;
}

const footnoteId = (element: ElementContent): string | null => {
  if (element.type !== 'element') return null;
  const link =
    element.tagName === 'a' ? element : element.children.find((c) => c.type === 'element' && c.tagName === 'a');
  const href = link?.type === 'element' ? String(link.properties.href ?? '') : '';
  return /^#footnote-(\d+)$/.exec(href)?.[1] ?? null;
};

/** A footnote reference (mammoth writes <sup><a href="#footnote-1">[1]</a></sup>), else <sup>/<sub> kept as such. */
const superscript =
  (name: 'sup' | 'sub'): Handle =>
  (state, node) => {
    const id = name === 'sup' && node.children.length === 1 ? footnoteId(node) : null;
    if (id) return { type: 'footnoteReference', identifier: id, label: id };
    return { type: 'mdxJsxTextElement', name, attributes: [], children: state.all(node) } as never;
  };

/** mammoth's closing list of footnotes (<li id="footnote-1">) as footnote definitions; any other list as a list. */
const footnotesOrList: Handle = (state, node) => {
  const items = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
  const ids = items.map((li) => /^footnote-(\d+)$/.exec(String(li.properties.id ?? ''))?.[1]);
  if (items.length === 0 || ids.some((id) => !id)) return defaultHandlers.ol(state, node);
  return items.map((li, i): FootnoteDefinition => ({
    type: 'footnoteDefinition',
    identifier: ids[i]!,
    label: ids[i]!,
    children: state.toFlow(state.all(li)) as FootnoteDefinition['children'],
  }));
};

/** The draft's opening 标题 1 is the chapter's title (the page shows it), not a heading of its body. */
function takeTitle(tree: Root): string | null {
  const first = tree.children[0];
  if (first?.type !== 'heading' || first.depth !== 1) return null;
  tree.children.shift();
  return toString(first).trim() || null;
}

/** Headings shifted so the highest is `depth` (a chapter's sections are ##), keeping their relative levels. */
function startHeadingsAt(tree: Root, depth: number): void {
  const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
  const shift = depth - Math.min(...headings.map((h) => h.depth), depth);
  for (const heading of headings) heading.depth = Math.min(6, heading.depth + shift) as Heading['depth'];
}

/** A Word table has no header row of its own: the converter's empty one would show as a blank header. */
function dropEmptyHeaderRows(tree: Root): void {
  for (const node of tree.children)
    if (node.type === 'table' && node.children.length > 1 && toString(node.children[0]!).trim() === '')
      node.children.shift();
}

/**
 * mammoth's messages in the editors' words (an unknown style loses no text: the paragraph is kept plain);
 * null for the body-text styles of Word, WPS and LibreOffice, which are plain paragraphs anyway (they are
 * not mapped to paragraphs instead: an explicit mapping would turn list items into paragraphs), and for
 * pictures of other types, which `pictureType` reports in the editors' words.
 */
function converterMessage(message: string): string | null {
  const say = diagnostics().wordChapter;
  const style = /^Unrecognised (paragraph|run) style: '(.*)' \(Style ID: .*\)$/.exec(message);
  if (style && WORD_BODY_STYLES.includes(style[2]!)) return null;
  if (/^Image of type .* is unlikely to display in web browsers$/.test(message)) return null; // said as pictureType
  return style ? say.unknownStyle(style[1] === 'paragraph', style[2]!) : say.converter(message);
}

/** Paragraphs of the draft's plain text that the converted chapter does not contain. */
function missingText(raw: string, converted: string): string[] {
  const compact = (text: string) => text.replace(/\s+/g, '');
  const all = compact(converted);
  return raw
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p && !all.includes(compact(p)));
}

/** Each figure that says exactly the ledger's value becomes <Value id="…" /> (with period when not the edition's year). */
function bindFigures(text: string, options: WordChapterOptions): { body: string; bound: BoundFigure[] } {
  const bound: BoundFigure[] = [];
  let body = text;
  for (const figure of proseFigures(text, options.indicators, options.year).reverse()) {
    const value = options.ledgerValue(figure.indicator.id, figure.period);
    if (value !== figure.value) continue;
    const tag = valueTag(figure.indicator.id, figure.period === String(options.year) ? undefined : figure.period);
    // A figure in bold (为**97.4%**) loses the marks: <Value> is set in bold already, and CommonMark would not
    // read ** between a Chinese character and a tag as emphasis, but print the asterisks.
    const marks = /([*_]{1,2})$/.exec(body.slice(0, figure.start))?.[1] ?? '';
    const wrapped = marks !== '' && body.startsWith(marks, figure.end) ? marks.length : 0;
    body = `${body.slice(0, figure.start - wrapped)}${tag}${body.slice(figure.end + wrapped)}`;
    bound.unshift({
      id: figure.indicator.id,
      name: figure.indicator.name,
      period: figure.period,
      written: figure.written,
      tag,
      line: text.slice(0, figure.start).split('\n').length,
    });
  }
  return { body, bound };
}
