import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

import { diagnostics } from '../site/messages/index.ts';
import { error, location, type Problem } from '../site/problems.ts';
import { LEDGER_COLUMNS } from './ledger.ts';

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
  const rowOf = new Map(body.map((record, i) => [key(record[indicatorAt] ?? '', record[periodAt] ?? ''), i]));
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
    let at = rowOf.get(k);
    if (at === undefined) {
      at = body.push(header.map(() => '')) - 1;
      body[at]![indicatorAt] = row.indicator;
      body[at]![periodAt] = row.period;
      rowOf.set(k, at);
      result.added++;
    }
    const record = body[at]!;
    originsOf.set(at, row.origins);
    for (const [column, after] of Object.entries(row.cells) as Array<[LedgerCell, string]>) {
      const i = indexOf(column);
      const before = (record[i] ?? '').trim();
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
      record[i] = after;
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

/** `97.10` and `97.1` are one figure; words are compared as written. */
function sameCell(a: string, b: string): boolean {
  if (a === b.trim()) return true;
  const numeric = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;
  return numeric.test(a) && numeric.test(b.trim()) && Number(a) === Number(b);
}
