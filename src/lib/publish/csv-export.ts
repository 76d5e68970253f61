import { stringify } from 'csv-stringify/sync';

/**
 * OWASP's CSV-injection rule: a text cell that a spreadsheet would read as a formula (it starts with
 * = + - @, a tab or a carriage return) gets a leading apostrophe, which Excel and WPS show as text.
 * Numbers are written as numbers, untouched.
 */
export const neutralised = (cell: string | number | null): string | number =>
  typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : (cell ?? '');

/** CSV for people: UTF-8 with a BOM and CRLF, so Excel on Chinese Windows opens it correctly; no formulas. */
export function toExcelCsv(
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  return `\uFEFF${stringify([columns as string[], ...rows.map((r) => r.map(neutralised))], { record_delimiter: 'windows' })}`;
}
