import { parse } from 'csv-parse/sync';

import { unseenCharacter, unseenContext, unseenKind } from './control-characters.ts';
import { diagnostics } from './messages/index.ts';
import { error, type Problem, warning } from './problems.ts';

/**
 * The line of the quote that opens a cell and is not properly closed — never closed, or "closed" by a
 * quote that a delimiter does not follow — following CSV's rules ("" inside quotes).
 */
function openQuoteLine(text: string): number | undefined {
  let line = 1;
  let opened: number | undefined;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (opened !== undefined) {
      if (c === '"' && text[i + 1] === '"') i++;
      else if (c === '"') {
        if (![',', '\r', '\n', undefined].includes(text[i + 1])) return opened;
        opened = undefined;
      }
    } else if (c === '"' && atCellStart) opened = line;
    if (c === '\n') line++;
    atCellStart = opened === undefined && (c === ',' || c === '\n' || (c === '\r' && text[i + 1] === '\n'));
  }
  return opened;
}

export interface CsvRow {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  cells: Record<string, string>;
  /** Where a cell of this row is (1-based line and column of a header name), with a hint: a problem's position. */
  at: (column: string, hint?: string) => { line: number; column: number; hint?: string };
}

export interface CsvTable {
  rows: CsvRow[];
  /** The header's names as written (trimmed), in order; empty when the file has none. */
  header: string[];
  problems: Problem[];
}

/**
 * What a column the table does not know is: by default ignored with a warning (a ledger's helper column);
 * a table whose every column means something (a breakdown's measures) makes it an error in its own words.
 */
export type UnknownColumn = { message: (column: string) => string; hint: string };

/**
 * Parses an editor's CSV (UTF-8, BOM or not, LF or CRLF) into rows keyed by header name.
 * Structural problems are collected, never thrown, so the editor sees all of them at once.
 */
export function parseCsvTable(
  text: string,
  file: string,
  required: readonly string[],
  optional: readonly string[] = [],
  unknownColumn?: UnknownColumn,
): CsvTable {
  const d = diagnostics().csv;
  const problems: Problem[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string; code?: string };
    // An unclosed quote swallows the lines after it; the parser notices only later (a stray quote, or the
    // end of the file). Both are the same mistake: point at where the quote opened.
    const unclosed = err.code === 'CSV_QUOTE_NOT_CLOSED' || err.code === 'CSV_INVALID_CLOSING_QUOTE';
    const reason = unclosed ? d.quoteNotClosed : d.syntax(err.message);
    const line = (unclosed ? openQuoteLine(text) : undefined) ?? err.lines ?? 1;
    return { rows: [], header: [], problems: [error(file, reason, { line, hint: d.quoteHint })] };
  }
  if (records.length === 0) return { rows: [], header: [], problems: [error(file, d.empty, { line: 1 })] };

  const header = records[0]!.record.map((h) => h.trim());
  // A column named `note` with a zero-width space after it would be another column, its cells ignored.
  records[0]!.record.forEach((h, i) => {
    const code = unseenCharacter(h);
    if (code)
      problems.push(
        error(file, d.unseenCharacter(d.headerCell(i + 1), code, unseenKind(code), unseenContext(h)), {
          line: 1,
          column: i + 1,
          hint: d.unseenCharacterHint,
        }),
      );
  });
  if (problems.length > 0) return { rows: [], header, problems };
  const index = new Map(header.map((h, i) => [h, i]));
  const missing = required.filter((c) => !index.has(c));
  if (missing.length > 0) {
    problems.push(
      error(file, d.missingColumns(missing), {
        line: 1,
        hint: d.header([...required, ...optional]),
      }),
    );
    return { rows: [], header, problems };
  }
  const known = new Set([...required, ...optional]);
  const firstOf = new Map<string, number>();
  header.forEach((h, i) => {
    // Two columns of one name, or a column with none, would lose a column's cells without a word.
    if (h === '' && records.slice(1).some((r) => (r.record[i] ?? '').trim() !== ''))
      problems.push(error(file, d.blankColumn, { line: 1, column: i + 1, hint: d.columnHint }));
    else if (firstOf.has(h))
      problems.push(error(file, d.duplicateColumn(h, firstOf.get(h)!), { line: 1, column: i + 1, hint: d.columnHint }));
    else if (h !== '' && !known.has(h))
      problems.push(
        unknownColumn
          ? error(file, unknownColumn.message(h), { line: 1, column: i + 1, hint: unknownColumn.hint })
          : warning(file, d.unknownColumn(h), { line: 1, column: i + 1 }),
      );
    if (!firstOf.has(h)) firstOf.set(h, i + 1);
  });

  const columnOf = (name: string): number => (index.get(name) ?? 0) + 1;
  const at = (line: number) => (column: string, hint?: string) => ({ line, column: columnOf(column), hint });
  const rows: CsvRow[] = [];
  let previousEnd = records[0]!.info.lines;
  for (const { record, info } of records.slice(1)) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((c) => c.trim() === '')) continue; // Excel leaves rows of bare commas
    if (record.length !== header.length) {
      problems.push(
        error(file, d.cellCount(record.length, header.length), {
          line,
          hint: d.cellCountHint,
        }),
      );
      continue;
    }
    const cells: Record<string, string> = {};
    header.forEach((h, i) => (cells[h] = cells[h] ?? (record[i] ?? '').trim()));
    // A control character breaks a page; a bidi override makes 90.6 read 6.09; a zero-width space makes
    // two ids that look the same differ. Every cell is refused with the place shown.
    const unseen = record.findIndex((c) => unseenCharacter(c) !== null);
    if (unseen >= 0) {
      const code = unseenCharacter(record[unseen]!)!;
      const cell = header[unseen] ? d.cellOf(header[unseen]) : d.cellAt(unseen + 1);
      const message = d.unseenCharacter(cell, code, unseenKind(code), unseenContext(record[unseen]!));
      problems.push(error(file, message, { line, column: unseen + 1, hint: d.unseenCharacterHint }));
      continue;
    }
    rows.push({ line, cells, at: at(line) });
  }
  return { rows, header, problems };
}
