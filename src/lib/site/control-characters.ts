/**
 * What a terminal or a reader would not see as written: every control character (C0 with tab and line
 * breaks, DEL, C1 — ESC starts the codes that clear a screen), the line and paragraph separators, bidi
 * marks, overrides and isolates (U+202E makes "0.99" read "99.0"), zero-width characters, the soft
 * hyphen and the BOM. One class for both uses: editors' text refuses them, the tools' output shows them.
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const UNSEEN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Layout an editor's text may hold: tab and line breaks (a note over two lines, a YAML block). */
const LAYOUT = new Set(['\t', '\n', '\r']);

/** Characters that turn the text after them around (or mark its direction): what a reader sees is not what was written. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Characters that take no room: names and figures that look the same are not (U+200B, the BOM, the soft hyphen). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060-\u2064\uFEFF]/u;

/** Why a character is refused: it breaks a page (control), reorders text (bidi), or cannot be seen (invisible). */
export type UnseenKind = 'control' | 'bidi' | 'invisible';

/**
 * The first character of an editor's text (a CSV cell, a YAML string, a chapter's prose) that a reader
 * would not see as written, as `U+202E`, or null. Tab and line breaks are text's own layout, but not a
 * name's: `{ layout: false }` for a file name.
 */
export function unseenCharacter(text: string, { layout = true } = {}): string | null {
  for (const [c] of text.matchAll(UNSEEN)) if (!layout || !LAYOUT.has(c)) return codePoint(c);
  return null;
}

/** The text without its unseen characters (line breaks included): what a name should be renamed to. */
export const withoutUnseen = (text: string): string => text.replace(UNSEEN, '');

/** The character a code from `unseenCharacter` (`U+202E`) stands for: to find it in the text again. */
export const characterOf = (code: string): string => String.fromCodePoint(Number.parseInt(code.slice(2), 16));

/** Which kind of unseen character a code from `unseenCharacter` is: it decides the message. */
export function unseenKind(code: string): UnseenKind {
  const c = characterOf(code);
  return BIDI.test(c) ? 'bidi' : INVISIBLE.test(c) ? 'invisible' : 'control';
}

/**
 * A few characters either side of the first unseen character of a text, made visible: enough to find
 * the place in a long cell (`合格率⟨U+202E⟩99.0`).
 */
export function unseenContext(text: string, around = 12): string {
  const code = unseenCharacter(text);
  if (code === null) return visible(text);
  const at = text.indexOf(characterOf(code));
  const start = Math.max(0, at - around);
  const end = Math.min(text.length, at + 1 + around);
  return `${start > 0 ? '…' : ''}${visible(text.slice(start, end))}${end < text.length ? '…' : ''}`;
}

/** `U+202E` for a character. */
export const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A name from the file system or a cell, safe to print inside one line of the tools' output: each unseen
 * character becomes a visible `⟨U+202E⟩`, so a file name can neither forge a line of the report, clear
 * the terminal nor reverse what follows it.
 */
export const visible = (text: string): string => text.replace(UNSEEN, (c) => `⟨${codePoint(c)}⟩`);
