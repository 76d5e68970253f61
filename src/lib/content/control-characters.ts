/**
 * Invisible characters that break a page, a chart or the JSON embedded in a page: C0 controls other than
 * tab and line breaks, DEL, and the line and paragraph separators U+2028/U+2029 (copied in from Word or the web).
 */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/;

/** The first such character of a text as `U+2028`, or null. */
export function controlCharacter(text: string): string | null {
  const found = CONTROL.exec(text)?.[0];
  return found === undefined ? null : `U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}
