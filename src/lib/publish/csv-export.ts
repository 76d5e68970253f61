import { stringify } from 'csv-stringify/sync';

/** CSV for people: UTF-8 with a BOM and CRLF, so Excel on Chinese Windows opens it correctly. */
export function toExcelCsv(
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  return `\uFEFF${stringify([columns as string[], ...rows.map((r) => r.map((c) => c ?? ''))], { record_delimiter: 'windows' })}`;
}
