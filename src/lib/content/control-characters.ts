/**
 * Invisible characters that break a page, a chart or the JSON embedded in a page: C0 controls other than
 * tab and line breaks, DEL, and the line and paragraph separators U+2028/U+2029 (copied in from Word or the web).
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/;

/** The first such character of a text as `U+2028`, or null. */
export function controlCharacter(text: string): string | null {
  const found = CONTROL.exec(text)?.[0];
  return found === undefined ? null : codePoint(found);
}

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What a terminal or a reader would not see as written: every control character (C0 with tab and line
 * breaks, DEL, C1 — ESC starts the codes that clear a screen), the line and paragraph separators, bidi
 * overrides and isolates (U+202E makes "0.99" read "99.0"), zero-width characters and the BOM.
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const UNSEEN = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/**
 * A name from the file system or a cell, safe to print inside one line of the tools' output: each unseen
 * character becomes a visible `⟨U+202E⟩`, so a file name can neither forge a line of the report, clear
 * the terminal nor reverse what follows it.
 */
export const visible = (text: string): string => text.replace(UNSEEN, (c) => `⟨${codePoint(c)}⟩`);
