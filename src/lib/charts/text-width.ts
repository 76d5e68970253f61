/**
 * Width of a label in px, aware that Han characters and full-width punctuation are one em wide.
 * Vega's built-in estimate (0.8 em per character) is Latin-based: it makes Chinese labels overlap and
 * numbers look wider than they are. Proportions follow common sans-serif fonts (Noto Sans, Arial).
 */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += charEms(ch);
  return ems * fontSize;
}

function charEms(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (isFullWidth(code)) return 1;
  if (ch === ' ') return 0.28;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[il.,:;'|!]/.test(ch)) return 0.28;
  if (/[mwMW@%]/.test(ch)) return 0.86;
  if (/[A-Z]/.test(ch)) return 0.67;
  if (/[a-z]/.test(ch)) return 0.53;
  if (/[()[\]{}\-/]/.test(ch)) return 0.34;
  return 0.6;
}

/** CJK ideographs, kana, hangul, full-width forms and CJK punctuation (、。《》“” etc.). */
function isFullWidth(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals … unified ideographs (incl. 3000–303F punctuation)
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3ffff) ||
    code === 0x201c ||
    code === 0x201d ||
    code === 0x2014 ||
    code === 0x2026
  );
}
