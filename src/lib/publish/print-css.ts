/**
 * Generated @page rules of the PDF edition: one named page per chapter, so each chapter's pages carry
 * its title as a running header (Chromium supports named pages and margin boxes, not string-set).
 * They must come after the bundled print CSS, which defines the default @page. The section of each part
 * is given its page here too (by `data-page`), not by a style attribute, which the print page's CSP refuses.
 */
export interface RunningHeader {
  /** The CSS page name, e.g. `ch-3`: the `data-page` of the chapter's section. */
  page: string;
  text: string;
}

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

export function runningHeaderCss(headers: readonly RunningHeader[]): string {
  return headers
    .map(
      (h) =>
        `@page ${h.page} { @top-center { content: ${cssString(h.text)}; } }\n[data-page="${h.page}"] { page: ${h.page}; }`,
    )
    .join('\n');
}

/** A table of at most this many rows fits a page: print keeps it whole. */
export const KEEP_WHOLE_ROWS = 20;
/** A longer table breaks with at least this many rows before and after each break. */
export const ROWS_EACH_SIDE = 3;

/**
 * The row ranges of a table's bodies for print: one body when it is kept whole (the table does not
 * break), else its first and last ROWS_EACH_SIDE rows as bodies that do not break, around the rest.
 */
export function tableBodies(rows: number): Array<{ from: number; to: number; keep: boolean }> {
  if (rows <= KEEP_WHOLE_ROWS) return [{ from: 0, to: rows, keep: false }];
  return [
    { from: 0, to: ROWS_EACH_SIDE, keep: true },
    { from: ROWS_EACH_SIDE, to: rows - ROWS_EACH_SIDE, keep: false },
    { from: rows - ROWS_EACH_SIDE, to: rows, keep: true },
  ];
}
