import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

import { diagnostics } from '../site/messages/index.ts';
import { error, location, type Problem } from '../site/problems.ts';
import { LIST_SEPARATOR } from './input-words.ts';
import { LEDGER_COLUMNS, perIndicator } from './ledger.ts';

const say = diagnostics().imports;

/** A ledger column an import may fill (indicator and period are the row's key). */
export type LedgerCell = 'value' | 'target' | 'status' | 'note' | 'source';
/** Where an imported cell came from: `文件 › 工作表!单元格`, or a CSV file's line and column. */
export type Origin = Pick<Problem, 'file' | 'line' | 'column'>;

/** One record read back from a form or ledger file: the ledger's text for each cell it brings. */
export interface ImportedRow {
  indicator: string;
  period: string;
  cells: Partial<Record<LedgerCell, string>>;
  origins: Partial<Record<LedgerCell | 'indicator', Origin>>;
}

/** A cell the import would change from a value the ledger already has. */
export interface LedgerChange {
  indicator: string;
  period: string;
  column: LedgerCell;
  before: string;
  after: string;
  origin: Origin;
}

export interface LedgerMerge {
  /** The ledger with every imported cell in it, as CSV (BOM and line ends as the ledger had them). */
  text: string;
  /** Cells that were empty and are now filled; rows the ledger did not have. */
  filled: number;
  added: number;
  changes: LedgerChange[];
  problems: Problem[];
  /** Where a problem at a line (and column) of `text` came from, when an imported cell is there. */
  originOf: (line: number | undefined, column: number | undefined) => Origin | undefined;
}

/**
 * Imported rows merged into a ledger's CSV text. An empty imported cell leaves the ledger's cell as it
 * is; a cell that differs from one already filled is a change (listed, for the caller to refuse without
 * --replace); a row the ledger lacks is added. Two imported rows for one indicator and year are a problem.
 * An indicator of a row that names several (`a、b`, sharing the plan's target cell) gets its value and
 * status at its place in that row's lists, so the row stays one row.
 */
export function mergeLedger(text: string, imported: readonly ImportedRow[]): LedgerMerge {
  const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  const header = (records[0] ?? [...LEDGER_COLUMNS]).map((name) => name.trim()); // as check reads it
  const body = records.slice(1).filter((record) => record.some((cell) => cell.trim() !== ''));
  const indexOf = (column: string) => {
    if (!header.includes(column)) {
      header.push(column);
      for (const record of body) record[header.length - 1] = '';
    }
    return header.indexOf(column);
  };
  const [indicatorAt, periodAt] = [indexOf('indicator'), indexOf('period')];
  // A row naming several indicators (`a、b`) is where each of them is; `place` is its position in the list.
  const rowOf = new Map(
    body.flatMap((record, i) => {
      const ids = (record[indicatorAt] ?? '').split(LIST_SEPARATOR);
      return ids.map((id, place) => [key(id, record[periodAt] ?? ''), { at: i, place, of: ids.length }] as const);
    }),
  );
  const originsOf = new Map<number, ImportedRow['origins']>();
  const firstFrom = new Map<string, Origin>();
  const result = { filled: 0, added: 0, changes: [] as LedgerChange[], problems: [] as Problem[] };

  for (const row of imported) {
    const k = key(row.indicator, row.period);
    const from = row.origins.indicator ?? { file: '' };
    const first = firstFrom.get(k);
    if (first) {
      result.problems.push(
        error(from.file, say.duplicate(row.indicator, row.period, location(first)), {
          line: from.line,
          column: from.column,
          hint: say.duplicateHint,
        }),
      );
      continue;
    }
    firstFrom.set(k, from);
    let found = rowOf.get(k);
    if (found === undefined) {
      found = { at: body.push(header.map(() => '')) - 1, place: 0, of: 1 };
      body[found.at]![indicatorAt] = row.indicator;
      body[found.at]![periodAt] = row.period;
      rowOf.set(k, found);
      result.added++;
    }
    const { at, place, of } = found;
    const record = body[at]!;
    originsOf.set(at, { ...originsOf.get(at), ...row.origins });
    for (const [column, after] of Object.entries(row.cells) as Array<[LedgerCell, string]>) {
      const i = indexOf(column);
      // In a row of several indicators each has its own value and status in the cell's list.
      const list = of > 1 && PER_INDICATOR.has(column) ? listOf(record[i] ?? '', column, of) : null;
      const before = (list ? list[place]! : (record[i] ?? '')).trim();
      if (after === '' || sameCell(before, after)) continue;
      if (before === '') result.filled++;
      else
        result.changes.push({
          indicator: row.indicator,
          period: row.period,
          column,
          before,
          after,
          origin: row.origins[column]!,
        });
      if (list) list[place] = after;
      record[i] = list ? list.join(LIST_SEPARATOR) : after;
    }
  }

  // Lines of the written text, so that a problem check finds at a line can be traced to its cell.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const newlines = (written: string) => written.split('\n').length - 1;
  const lines = [stringify([header], { record_delimiter: eol })];
  const lineOf: number[] = [];
  let line = 1 + newlines(lines[0]!);
  body.forEach((record, i) => {
    const written = stringify([header.map((_, c) => record[c] ?? '')], { record_delimiter: eol });
    lineOf[i] = line;
    line += newlines(written);
    lines.push(written);
  });
  const recordAtLine = new Map(lineOf.map((l, i) => [l, i]));
  return {
    text: (text.startsWith('\uFEFF') ? '\uFEFF' : '') + lines.join(''),
    ...result,
    originOf: (problemLine, column) => {
      const origins = problemLine === undefined ? undefined : originsOf.get(recordAtLine.get(problemLine) ?? -1);
      if (!origins) return undefined;
      const name = column === undefined ? undefined : header[column - 1];
      return origins[name as LedgerCell] ?? origins.indicator;
    },
  };
}

const key = (indicator: string, period: string) => `${indicator.trim()}|${period.trim()}`;

/** The columns a row naming several indicators lists per indicator, joined by 、 (ledger.ts#perIndicator). */
const PER_INDICATOR = new Set<LedgerCell>(['value', 'status']);
/**
 * A listed cell of a row of `of` indicators, one text each (a status written once holds for all of them);
 * null when the list does not fit, so the cell is taken whole and check reports it.
 */
function listOf(cell: string, column: LedgerCell, of: number): string[] | null {
  const shared = column === 'status' && !cell.includes(LIST_SEPARATOR);
  return shared ? Array<string>(of).fill(cell.trim()) : perIndicator(cell, of);
}

/** `97.10` and `97.1` are one figure; words are compared as written. */
function sameCell(a: string, b: string): boolean {
  if (a === b.trim()) return true;
  const numeric = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
  return numeric.test(a) && numeric.test(b.trim()) && Number(a) === Number(b);
}
