import { textWidth } from '../charts/text-width.ts';

/** Text and attribute values as SVG (XML) needs them: no markup, whatever an editor wrote. */
export const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Characters a line must not start with (closing punctuation) or end with (opening), by Chinese typesetting rule. */
const NO_LINE_START = /^[，。、；：？！）》」』”’%‰—…,.;:?!)\]]/;
const NO_LINE_END = /[（《「『“‘([]$/;

/**
 * Splits text into lines no wider than `width` px at `fontSize`: between any two Han characters, at spaces in
 * Latin text, anywhere in a long unbroken run (an address), never putting closing punctuation at a line's start.
 * The width is the site's CJK-aware estimate (charts/text-width.ts), the one the charts are laid out with.
 */
export function wrapText(text: string, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  // The estimate runs a little short of Noto Sans CJK's Latin and digits: keep 4% in hand.
  const room = width * 0.96;
  const fits = (pieces: readonly string[]) => textWidth(pieces.join('').trimEnd(), fontSize) <= room;
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    for (const piece of breakable(paragraph)) {
      if (line.length === 0 || fits([...line, piece])) line.push(piece);
      else {
        // Closing punctuation may not start a line, nor opening punctuation end one: the pieces before the
        // break that would break the rule go down with it (a whole line of them stays, however long).
        let keep = line.length;
        if (NO_LINE_START.test(piece)) while (keep > 0 && NO_LINE_START.test(line[keep - 1]!)) keep--;
        if (NO_LINE_START.test(piece)) keep--;
        while (keep > 0 && NO_LINE_END.test(line[keep - 1]!)) keep--;
        if (keep <= 0) keep = line.length;
        lines.push(line.slice(0, keep).join('').trimEnd());
        line = [...line.slice(keep), piece];
        line[0] = line[0]!.trimStart();
      }
      // A run wider than a whole line on its own (an address) is cut where it reaches the edge.
      while (!fits(line) && line.join('').length > 1) {
        const joined = line.join('');
        let cut = joined.length - 1;
        while (cut > 1 && textWidth(joined.slice(0, cut), fontSize) > room) cut--;
        lines.push(joined.slice(0, cut));
        line = [joined.slice(cut)];
      }
    }
    lines.push(line.join('').trimEnd());
  }
  return lines;
}

/** Pieces between which a line may break: each Han character or punctuation mark, each Latin word with its space. */
const breakable = (text: string): string[] =>
  text.match(/[A-Za-z0-9.,%:/?=&#_~+-]+ ?|[^A-Za-z0-9.,%:/?=&#_~+-]/gu) ?? [];

export interface TextStyle {
  size: number;
  weight?: 'normal' | 'bold';
  fill?: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** Lines as SVG text, the first baseline at `y`, each line 1.45 × the size below the last. */
export function textLines(lines: readonly string[], x: number, y: number, style: TextStyle): string {
  const { size, weight = 'normal', fill = '#1a1a1a', anchor = 'start' } = style;
  return lines
    .map(
      (line, i) =>
        `<text x="${x}" y="${round(y + i * lineHeight(size))}" font-size="${size}"${weight === 'bold' ? ' font-weight="bold"' : ''} fill="${fill}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeXml(line)}</text>`,
    )
    .join('');
}

export const lineHeight = (size: number): number => round(size * 1.45);

/** Height of `n` lines of `size` set by `textLines`, from the first line's top to the last one's descent. */
export const blockHeight = (n: number, size: number): number =>
  n === 0 ? 0 : round(size + (n - 1) * lineHeight(size) + size * 0.3);

export const round = (n: number): number => Math.round(n * 100) / 100;
