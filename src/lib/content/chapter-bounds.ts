import { diagnostics } from '../site/messages/index.ts';

/**
 * Bounds that keep a chapter a document the Markdown parser reads in about linear time, checked line by
 * line before it runs. Measured on the parser (micromark, through @mdx-js/mdx): nesting 1500 lists took
 * minutes and 3000 quotes overflowed the stack; its inline work grows with the square of a paragraph's
 * markup (16,000 characters of `*a_` took 5.7 s, 500,000 of `[a](` 165 s); and the PDF printer lays out a
 * paragraph as one block (5 MB of one paragraph timed out). Real chapters stay far inside: a few levels,
 * paragraphs of a few hundred characters with a handful of marks.
 */
export const CHAPTER_LIMITS = {
  /** Containers on one line: quote and list markers, and indentation at two columns a level. */
  nesting: 16,
  /** Characters of one paragraph (lines up to a blank line or the next block's marker). */
  paragraph: 20_000,
  /** Emphasis, link and code marks (`*` `_` `[` `]` `` ` `` `~`) in one paragraph. */
  marks: 400,
  /** Levels of the parsed document (a list item in a list is two; emphasis, links and tags one each). */
  tree: 64,
  /** Characters of the whole chapter file. */
  chapter: 300_000,
} as const;

export interface BoundsProblem {
  line: number;
  message: string;
  hint: string;
}

const BLOCK_START = /^[ \t]*(?:[>#|]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]|$))/;
const CONTAINERS = /^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/;
const MARKS = /[*_[\]`~]/g;

/** The first place a chapter body (front matter blanked) goes beyond CHAPTER_LIMITS, or null. */
export function chapterBoundsProblem(body: string): BoundsProblem | null {
  const d = diagnostics().mdx;
  let paragraph = { line: 0, characters: 0, marks: 0 };
  for (const [i, text] of body.split('\n').entries()) {
    const indent = /^[ \t]*/.exec(text)![0].replaceAll('\t', '    ').length;
    const markers = CONTAINERS.exec(text)![0].match(/>|[-*+]|\d{1,9}[.)]/g)?.length ?? 0;
    const depth = Math.floor(indent / 2) + markers;
    if (depth > CHAPTER_LIMITS.nesting)
      return { line: i + 1, message: d.tooDeep(depth, CHAPTER_LIMITS.nesting), hint: d.tooDeepHint };
    // A blank line ends a paragraph (the next starts below it); a quote, list item, heading or table row starts one.
    if (text.trim() === '') paragraph = { line: i + 2, characters: 0, marks: 0 };
    else if (BLOCK_START.test(text)) paragraph = { line: i + 1, characters: 0, marks: 0 };
    paragraph.characters += text.length;
    paragraph.marks += text.match(MARKS)?.length ?? 0;
    if (paragraph.characters > CHAPTER_LIMITS.paragraph)
      return { line: paragraph.line, message: d.tooLong(CHAPTER_LIMITS.paragraph), hint: d.tooLongHint };
    if (paragraph.marks > CHAPTER_LIMITS.marks)
      return { line: paragraph.line, message: d.tooManyMarks(CHAPTER_LIMITS.marks), hint: d.tooManyMarksHint };
  }
  if (body.length > CHAPTER_LIMITS.chapter)
    return { line: 1, message: d.chapterTooLong(body.length, CHAPTER_LIMITS.chapter), hint: d.tooLongHint };
  return null;
}

interface TreeNode {
  children?: TreeNode[];
  position?: { start: { line: number } };
}

/**
 * The first node deeper than CHAPTER_LIMITS.tree (nesting the line scan cannot see: hundreds of tags or
 * emphasis inside each other on one line), walked without recursion so the walk itself cannot overflow;
 * the renderer that would meet such a tree recurses.
 */
export function tooDeepNode(tree: TreeNode): { line?: number } | null {
  const stack: Array<[TreeNode, number]> = [[tree, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [node, depth] = next;
    if (depth > CHAPTER_LIMITS.tree) return { line: node.position?.start.line };
    for (const child of node.children ?? []) stack.push([child, depth + 1]);
  }
  return null;
}
