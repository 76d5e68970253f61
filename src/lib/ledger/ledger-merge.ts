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

/**
 * One record read back from a form or a file: the key that finds its row in the table (a ledger's indicator
 * and period, a breakdown's category), and the table's text for each cell it brings.
 */
export interface ImportedRow<C extends string = LedgerCell> {
  /** One text per key column of the table, in their order. */
  key: readonly string[];
  cells: Partial<Record<C, string>>;
  /** Where each cell came from, and (`key`) where the record's key is. */
  origins: Partial<Record<C | 'key', Origin>>;
}

/** A cell the import would change from a value the table already has. */
export interface CellChange<C extends string = LedgerCell> {
  key: readonly string[];
  column: C;
  before: string;
  after: string;
  origin: Origin;
}

export interface TableMerge<C extends string = LedgerCell> {
  /** The table with every imported cell in it, as CSV (BOM and line ends as the table had them). */
  text: string;
  /** Cells that were empty and are now filled; rows the table did not have. */
  filled: number;
  added: number;
  changes: Array<CellChange<C>>;
  problems: Problem[];
  /** Where a problem at a line (and column) of `text` came from, when an imported cell is there. */
  originOf: (line: number | undefined, column: number | undefined) => Origin | undefined;
}

/** What a merge needs to know of a table: its header, its key, and how it words a record imported twice. */
export interface MergeRules {
  /** The header of a table that has none yet (a file the import creates). */
  columns: readonly string[];
  /** The key columns, in the order of `ImportedRow.key`. */
  key: readonly string[];
  duplicate: (key: readonly string[], first: string) => string;
  duplicateHint: string;
  /**
   * For a table whose rows may list several keys in their first key cell (a ledger row naming `a、b`):
   * how the cell lists them, and a listed column's cell as one text per key (null: take it whole).
   */
  lists?: { separator: string; perKey: (column: string, cell: string, of: number) => string[] | null };
}

/**
 * Imported rows merged into a table's CSV text. An empty imported cell leaves the table's cell as it is; a
 * cell that differs from one already filled is a change (listed, for the caller to refuse without
 * --replace); a row the table lacks is added, a column it lacks too. Two imported rows with one key are a
 * problem. With `rules.lists`, a key listed in a row's key cell gets its listed cells at its place.
 */
export function mergeTable<C extends string>(
  text: string,
  imported: ReadonlyArray<ImportedRow<C>>,
  rules: MergeRules,
): TableMerge<C> {
  const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  const header = (records[0] ?? [...rules.columns]).map((name) => name.trim()); // as check reads it
  const body = records.slice(1).filter((record) => record.some((cell) => cell.trim() !== ''));
  const indexOf = (column: string) => {
    if (!header.includes(column)) {
      header.push(column);
      for (const record of body) record[header.length - 1] = '';
    }
    return header.indexOf(column);
  };
  const keyAt = rules.key.map(indexOf);
  const { lists } = rules;
  // A row listing several keys in its first key cell (`a、b`) is where each of them is; `place` is the position.
  const rowOf = new Map(
    body.flatMap((record, i) => {
      const [first = '', ...rest] = keyAt.map((at) => record[at] ?? '');
      const listed = lists ? first.split(lists.separator) : [first];
      return listed.map((one, place) => [keyText([one, ...rest]), { at: i, place, of: listed.length }] as const);
    }),
  );
  const originsOf = new Map<number, ImportedRow<C>['origins']>();
  const firstFrom = new Map<string, Origin>();
  const result = { filled: 0, added: 0, changes: [] as Array<CellChange<C>>, problems: [] as Problem[] };

  for (const row of imported) {
    const k = keyText(row.key);
    const from = row.origins.key ?? { file: '' };
    const first = firstFrom.get(k);
    if (first) {
      result.problems.push(
        error(from.file, rules.duplicate(row.key, location(first)), {
          line: from.line,
          column: from.column,
          hint: rules.duplicateHint,
        }),
      );
      continue;
    }
    firstFrom.set(k, from);
    let found = rowOf.get(k);
    if (found === undefined) {
      found = { at: body.push(header.map(() => '')) - 1, place: 0, of: 1 };
      keyAt.forEach((at, i) => (body[found!.at]![at] = row.key[i]!));
      rowOf.set(k, found);
      result.added++;
    }
    const { at, place, of } = found;
    const record = body[at]!;
    originsOf.set(at, { ...originsOf.get(at), ...row.origins });
    for (const [column, after] of Object.entries(row.cells) as Array<[C, string]>) {
      const i = indexOf(column);
      // In a row of several keys each has its own text of a listed column.
      const list = of > 1 && lists ? lists.perKey(column, record[i] ?? '', of) : null;
      const before = (list ? list[place]! : (record[i] ?? '')).trim();
      if (after === '' || sameCell(before, after)) continue;
      if (before === '') result.filled++;
      else result.changes.push({ key: row.key, column, before, after, origin: row.origins[column]! });
      if (list) list[place] = after;
      record[i] = list ? list.join(lists!.separator) : after;
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
      return origins[name as C] ?? origins.key;
    },
  };
}

/** The ledger's rules: rows keyed by indicator and period; a row naming several indicators lists value and status per indicator. */
const LEDGER_RULES: MergeRules = {
  columns: LEDGER_COLUMNS,
  key: ['indicator', 'period'],
  duplicate: ([indicator, period], first) => say.duplicate(indicator!, period!, first),
  duplicateHint: say.duplicateHint,
  lists: {
    separator: LIST_SEPARATOR,
    perKey: (column, cell, of) =>
      PER_INDICATOR.has(column as LedgerCell) ? listOf(cell, column as LedgerCell, of) : null,
  },
};

/**
 * Imported rows merged into a ledger's CSV text (`mergeTable`). An indicator of a row that names several
 * (`a、b`, sharing the plan's target cell) gets its value and status at its place in that row's lists, so
 * the row stays one row.
 */
export const mergeLedger = (text: string, imported: ReadonlyArray<ImportedRow<LedgerCell>>): TableMerge<LedgerCell> =>
  mergeTable(text, imported, LEDGER_RULES);

const keyText = (key: readonly string[]) => key.map((part) => part.trim()).join('|');

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
