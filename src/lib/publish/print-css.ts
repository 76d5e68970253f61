/**
 * Generated @page rules of the PDF edition: one named page per chapter, so each chapter's pages carry
 * its title as a running header (Chromium supports named pages and margin boxes, not string-set).
 * They must come after the bundled print CSS, which defines the default @page.
 */
export interface RunningHeader {
  /** The CSS page name, e.g. `ch-3`; used as `page: ch-3` on the chapter's section. */
  page: string;
  text: string;
}

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

export function runningHeaderCss(headers: readonly RunningHeader[]): string {
  return headers.map((h) => `@page ${h.page} { @top-center { content: ${cssString(h.text)}; } }`).join('\n');
}
