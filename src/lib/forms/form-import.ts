import ExcelJS from 'exceljs';

import { breakdownFile, PATHS } from '../content/load-project.ts';
import { officeEntries } from '../content/office-file.ts';
import { decodeText } from '../content/text-file.ts';
import type { BreakdownDefinition } from '../ledger/breakdown.ts';
import { LEDGER_COLUMNS } from '../ledger/ledger.ts';
import type { ImportedRow, LedgerCell } from '../ledger/ledger-merge.ts';
import { numberWithUnit } from '../ledger/unit.ts';
import type { Project } from '../model/project.ts';
import type { EditorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics, messagesFor } from '../site/messages/index.ts';
import { error, type Problem, warning } from '../site/problems.ts';
import {
  breakdownColumns,
  type BreakdownForm,
  breakdownStructureCells,
  type DepartmentForm,
  departmentForms,
  FORM_IDENTITY,
  formColumn,
  formHeader,
  structureCells,
} from './form-workbook.ts';

const say = diagnostics().imports;

/** A breakdown's rows read back from its sheet of a form, keyed by category. */
export interface BreakdownRead {
  definition: BreakdownDefinition;
  rows: Array<ImportedRow<string>>;
}

export interface ImportRead {
  /** The ledger's rows. */
  rows: ImportedRow[];
  /** The breakdowns' rows, one entry per breakdown sheet of a form. */
  breakdowns: BreakdownRead[];
  problems: Problem[];
}

const IMPORTED: readonly LedgerCell[] = ['value', 'target', 'status', 'note', 'source'];

/**
 * The most filled cells one sheet may have: a 100 000-row ledger of seven columns. A sheet's size is read
 * from the cells it holds (never from its <dimension> or last row), so one cell at XFD1048576 costs one cell.
 */
export const MAX_SHEET_CELLS = 700_000;

/**
 * What a file brought back for the ledger and breakdowns of `year`: a department's filled form (npm run
 * forms: its indicators' sheet and its breakdown sheets), a workbook whose first sheet is a ledger (the
 * ledger's column names in row 1), or a ledger CSV. Every cell is read as the CSV would hold it; what a spreadsheet makes of typing (a number kept as
 * text, `97.5%` stored as 0.975, merged cells, formulas) is a located problem, never guessed at.
 * `path` is the file as the editor named it; problems are located in it as `文件 › 工作表!单元格`. `typed`
 * names the site's files in hints as the editor types them (the catalogue, the command to make forms).
 */
export async function readImport(
  path: string,
  bytes: Uint8Array,
  project: Project,
  { year, typed }: { year: number; typed: EditorPaths },
): Promise<ImportRead> {
  const extension = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? '';
  // The name as printed: a newline or an escape code in a file name can neither forge a line nor clear the screen.
  const file = visible(path);
  if (extension === '.csv') return readCsvLedger(file, bytes);
  if (extension !== '.xlsx')
    return fail(error(file, say.notSupported(visible(extension)), { hint: say.notSupportedHint }));
  // What the archive declares is checked before ExcelJS unpacks it: not a workbook, or one that unpacks to gigabytes.
  const archive = officeEntries(bytes, 'xlsx');
  if ('why' in archive) return fail(error(file, say.unreadable(archive.why), { hint: say.unreadableHint }));
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    // ExcelJS's own words (English, about XML and zip internals) would tell an editor nothing.
    return fail(error(file, say.unreadable(diagnostics().files.corrupt), { hint: say.unreadableHint }));
  }
  for (const sheet of book.worksheets) {
    const cells = filledCellCount(sheet);
    if (cells > MAX_SHEET_CELLS)
      return fail(
        error(where(file, sheet.name, ''), say.tooManyCells(cells, MAX_SHEET_CELLS), {
          hint: say.tooManyCellsHint,
        }),
      );
  }
  const f = messagesFor(project.site.language).forms;
  const form = book.getWorksheet(f.formSheet);
  if (form) return readForm(file, book, form, project, year, typed);
  const first = book.worksheets[0];
  const header = first ? rowTexts(new Grid(first), 1, 0) : [];
  if (first && header.includes('indicator') && header.includes('period')) return readLedgerSheet(file, first, project);
  return fail(error(file, say.notAForm(f.formSheet), { hint: say.notAFormHint(LEDGER_COLUMNS) }));
}

const fail = (problem: Problem): ImportRead => ({ rows: [], breakdowns: [], problems: [problem] });

/** `文件 › 工作表!单元格`, the sheet's name shown as safely as the file's. */
const where = (file: string, sheet: string, cell: string) => say.where(file, visible(sheet), cell);

/**
 * Reads cells into a row as the CSV's text (`figure`: a numeric cell), each located at its cell; the
 * problems of the cells refused.
 */
function readCells<C extends string>(
  file: string,
  sheet: ExcelJS.Worksheet,
  row: ImportedRow<C>,
  inputs: ReadonlyArray<{ key: C; cell: ExcelJS.Cell; figure: boolean }>,
): Problem[] {
  return inputs.flatMap(({ key, cell, figure }) => {
    const at = where(file, sheet.name, cell.address);
    const read = cellText(cell, figure);
    if ('problem' in read) return [error(at, read.problem.message, { hint: read.problem.hint })];
    row.cells[key] = read.text;
    row.origins[key] = { file: at };
    return [];
  });
}

/** Merged cells keep only their first cell's content: each range is a problem at its place. */
const mergedCellProblems = (file: string, sheet: ExcelJS.Worksheet): Problem[] =>
  ((sheet as unknown as { model: { merges?: string[] } }).model.merges ?? []).map((range) =>
    error(where(file, sheet.name, range), say.merged(range), { hint: say.mergedHint }),
  );

/**
 * A department's form: its identity (year, department) first, then its indicators' sheet and each of its
 * breakdown sheets: their structure, then each row's cells.
 */
function readForm(
  file: string,
  book: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  project: Project,
  year: number,
  typed: EditorPaths,
): ImportRead {
  const f = messagesFor(project.site.language).forms;
  const formsHint = say.otherYearHint(year, visible(typed.root));
  const about = book.getWorksheet(f.instructionsSheet);
  if (!about) return fail(error(file, say.noIdentity(f.instructionsSheet), { hint: formsHint }));
  const identity = (key: keyof typeof FORM_IDENTITY) => plainText(about.getCell(FORM_IDENTITY[key]).value);
  const aboutOrigin = (key: keyof typeof FORM_IDENTITY) => where(file, about.name, FORM_IDENTITY[key]);
  const writtenYear = identity('year');
  if (writtenYear !== String(year))
    return fail(error(aboutOrigin('year'), say.otherYear(visible(writtenYear), year), { hint: formsHint }));
  const drafted = departmentForms(project, year)!; // the caller has checked the edition exists
  const department = identity('department');
  const expected = drafted.forms.find((form) => form.source === department);
  if (!expected)
    return fail(
      error(
        aboutOrigin('department'),
        say.unknownDepartment(
          visible(department),
          drafted.forms.map((form) => form.source),
        ),
        {
          hint: say.unknownDepartmentHint,
        },
      ),
    );
  const ledger = readIndicatorSheet(file, sheet, expected, drafted.forms, f, year, typed);
  const breakdowns = expected.breakdowns.map((form) => readBreakdownSheet(file, book, form, f, year, typed));
  // A sheet the form does not have (added, or a table another department now reports) is not read: said so.
  const known = new Set([f.instructionsSheet, f.formSheet, ...expected.breakdowns.map((b) => b.sheet)]);
  const unread = book.worksheets
    .filter((w) => !known.has(w.name) && filledCellCount(w) > 0)
    .map((w) => warning(where(file, w.name, ''), say.extraSheet(visible(w.name)), { hint: say.extraSheetHint }));
  return {
    rows: ledger.rows,
    breakdowns: breakdowns.flatMap(({ read }) => (read.rows.length > 0 ? [read] : [])),
    problems: [...ledger.problems, ...breakdowns.flatMap((b) => b.problems), ...unread],
  };
}

type FormWords = ReturnType<typeof messagesFor>['forms'];

/** A form's indicators' sheet: each indicator's value, status, note and source. */
function readIndicatorSheet(
  file: string,
  sheet: ExcelJS.Worksheet,
  expected: DepartmentForm,
  forms: readonly DepartmentForm[],
  f: FormWords,
  year: number,
  typed: EditorPaths,
): { rows: ImportedRow[]; problems: Problem[] } {
  const otherForms = new Map(forms.flatMap((form) => form.rows.map((row) => [row.indicator.id, form.source])));
  const rows: ImportedRow[] = [];
  const problems = readFormSheet(
    file,
    sheet,
    {
      header: formHeader(f, year),
      expected: new Map(expected.rows.map((row) => [row.indicator.id, row])),
      structure: structureCells,
      unexpected: (id) => {
        const owner = otherForms.get(id);
        return id === ''
          ? { message: say.extraRow, hint: say.extraRowHint }
          : owner
            ? { message: say.otherDepartment(id, owner, expected.source), hint: say.otherDepartmentHint }
            : { message: say.unknownRow(visible(id)), hint: say.extraRowHint };
      },
      lockedHint: say.lockedChangedHint(visible(typed.file(PATHS.catalogue))),
      missing: (id, row) => say.missingRow(id, row.indicator.name),
      missingHint: say.missingRowHint,
    },
    (n, expectedRow, idAt) => {
      const row: ImportedRow = {
        key: [expectedRow.indicator.id, String(year)],
        cells: {},
        origins: { key: { file: idAt } },
      };
      rows.push(row);
      const numeric = expectedRow.indicator.type === 'number';
      const inputs = (['value', 'status', 'note', 'source'] as const).map((key) => ({
        key,
        cell: sheet.getCell(n, formColumn(key)),
        figure: key === 'value' && numeric,
      }));
      return readCells(file, sheet, row, inputs);
    },
  );
  return { rows, problems };
}

/**
 * A form's sheet of a breakdown: each category's figures and note, keyed by category. A category the file
 * lacks is added with its name and parent as the form lists them; the locked cells are never read.
 */
function readBreakdownSheet(
  file: string,
  book: ExcelJS.Workbook,
  form: BreakdownForm,
  f: FormWords,
  year: number,
  typed: EditorPaths,
): { read: BreakdownRead; problems: Problem[] } {
  const read: BreakdownRead = { definition: form.definition, rows: [] };
  const sheet = book.getWorksheet(form.sheet);
  if (!sheet)
    return {
      read,
      problems: [warning(file, say.missingSheet(visible(form.sheet)), { hint: say.missingSheetHint })],
    };
  const columns = breakdownColumns(form, f, year);
  const problems = readFormSheet(
    file,
    sheet,
    {
      header: columns.map((c) => c.header),
      expected: new Map(form.rows.map((row) => [row.category, row])),
      structure: breakdownStructureCells,
      unexpected: (id) =>
        id === ''
          ? { message: say.extraCategoryRow, hint: say.extraCategoryRowHint }
          : { message: say.unknownCategory(visible(id)), hint: say.extraCategoryRowHint },
      lockedHint: say.lockedCategoryHint(visible(typed.file(breakdownFile(form.definition.id, year)))),
      missing: (id, row) => say.missingCategory(id, row.name),
      missingHint: say.missingRowHint,
    },
    (n, expectedRow, idAt) => {
      const row: ImportedRow<string> = {
        key: [expectedRow.category],
        cells: { name: expectedRow.name, parent: expectedRow.parent ?? '' },
        origins: { key: { file: idAt } },
      };
      read.rows.push(row);
      const inputs = columns.flatMap((c, i) =>
        c.key === 'value' || c.key === 'note'
          ? [
              {
                key: c.key === 'value' ? c.measure.id : 'note',
                cell: sheet.getCell(n, i + 1),
                figure: c.key === 'value',
              },
            ]
          : [],
      );
      return readCells(file, sheet, row, inputs);
    },
  );
  // A sheet left blank brings nothing: it would otherwise write the year's file with categories and no figure.
  const brought = read.rows.some((row) =>
    Object.entries(row.cells).some(([column, text]) => column !== 'name' && column !== 'parent' && text !== ''),
  );
  return { read: brought ? read : { ...read, rows: [] }, problems };
}

/** What a form sheet is expected to hold, and how its problems are worded. */
interface SheetShape<E> {
  header: readonly string[];
  /** The rows expected, by the id in the first column. */
  expected: ReadonlyMap<string, E>;
  /** A row's locked cells from the first column on, as the form wrote them. */
  structure: (row: E) => string[];
  /** Why a row with an id not expected (or none: '') is refused. */
  unexpected: (id: string) => { message: string; hint: string };
  lockedHint: string;
  missing: (id: string, row: E) => string;
  missingHint: string;
}

/**
 * A form sheet read row by row: merged cells and a changed header refuse the sheet; a column past the
 * form's, a row whose id is not expected are errors; a locked cell changed and a row missing are warned of;
 * `read` reads the cells of each expected row found (row number, row, where its id is) and returns their problems.
 */
function readFormSheet<E>(
  file: string,
  sheet: ExcelJS.Worksheet,
  shape: SheetShape<E>,
  read: (n: number, row: E, idAt: string) => Problem[],
): Problem[] {
  const problems = mergedCellProblems(file, sheet);
  const at = (address: string) => where(file, sheet.name, address);
  const { header } = shape;
  const grid = new Grid(sheet);
  const written = rowTexts(grid, 1, header.length);
  header.forEach((name, i) => {
    if ((written[i] ?? '') !== name)
      problems.push(
        error(at(address(sheet, 1, i + 1)), say.headerChanged(i + 1, name, visible(written[i] ?? '')), {
          hint: say.headerHint,
        }),
      );
  });
  if (problems.length > 0) return problems;
  for (const filled of grid.firstFilledOfColumns(header.length + 1))
    problems.push(
      error(at(filled.address), say.extraColumn(visible(plainText(filled.value)), header.length), {
        hint: say.extraColumnHint,
      }),
    );
  const seen = new Set<string>();
  for (const n of grid.filledRows(2)) {
    const id = plainText(sheet.getCell(n, 1).value);
    const idAt = at(address(sheet, n, 1));
    const expected = shape.expected.get(id);
    if (!expected) {
      const { message, hint } = shape.unexpected(id);
      problems.push(error(idAt, message, { hint }));
      continue;
    }
    seen.add(id);
    // The locked structure is never imported: a cell changed anyway is said, not ignored. The context cells
    // (previous figures, target) are neither read nor checked: the files may have moved on since the form was made.
    shape.structure(expected).forEach((expectedText, i) => {
      const cell = sheet.getCell(n, i + 1);
      const text = plainText(cell.value);
      if (text.replace(/\s+/g, '') !== expectedText.replace(/\s+/g, ''))
        problems.push(
          warning(at(cell.address), say.lockedChanged(header[i]!, visible(text), expectedText), {
            hint: shape.lockedHint,
          }),
        );
    });
    problems.push(...read(n, expected, idAt));
  }
  for (const [id, row] of shape.expected)
    if (!seen.has(id)) problems.push(warning(file, shape.missing(id, row), { hint: shape.missingHint }));
  return problems;
}

/** A workbook whose first sheet is a ledger: the ledger's column names in row 1, one record per row. */
function readLedgerSheet(file: string, sheet: ExcelJS.Worksheet, project: Project): ImportRead {
  const problems = mergedCellProblems(file, sheet);
  const grid = new Grid(sheet);
  const header = rowTexts(grid, 1, 0);
  const columnOf = (name: string) => header.indexOf(name) + 1;
  // A column import does not read (数值 for value) would lose its cells: named, and nothing imported.
  const known: readonly string[] = ['indicator', 'period', ...IMPORTED];
  const filledColumns = new Set(grid.firstFilledOfColumns(1, 2).map((cell) => Number(cell.col)));
  header.forEach((name, i) => {
    const filled = filledColumns.has(i + 1);
    if (!known.includes(name) && (name !== '' || filled))
      problems.push(
        error(where(file, sheet.name, address(sheet, 1, i + 1)), say.unknownColumn(visible(name)), {
          hint: say.notAFormHint(LEDGER_COLUMNS),
        }),
      );
  });
  if (problems.length > 0) return { rows: [], breakdowns: [], problems };
  const rows: ImportedRow[] = [];
  for (const n of grid.filledRows(2)) {
    const cellOf = (name: string) => sheet.getCell(n, columnOf(name));
    const id = plainText(cellOf('indicator').value);
    const period = cellText(cellOf('period'), false);
    if ('problem' in period) {
      problems.push(
        error(where(file, sheet.name, cellOf('period').address), period.problem.message, {
          hint: period.problem.hint,
        }),
      );
      continue;
    }
    const row: ImportedRow = {
      key: [id, period.text],
      cells: {},
      origins: { key: { file: where(file, sheet.name, cellOf('indicator').address) } },
    };
    const numeric = project.catalogueById.get(id)?.type !== 'text';
    const inputs = IMPORTED.filter((key) => columnOf(key) > 0).map((key) => ({
      key,
      cell: cellOf(key),
      figure: key === 'value' && numeric,
    }));
    problems.push(...readCells(file, sheet, row, inputs));
    rows.push(row);
  }
  return { rows, breakdowns: [], problems };
}

/** A ledger CSV (data/ledgers' format): each cell located by line and column, as `check` locates them. */
function readCsvLedger(file: string, bytes: Uint8Array): ImportRead {
  const decoded = decodeText(bytes, file);
  if ('problem' in decoded) return fail(decoded.problem);
  const table = parseCsvTable(decoded.text, file, ['indicator', 'period'], IMPORTED);
  // What check only warns of in a ledger, a column it does not read, would lose its cells in an import.
  table.problems.forEach((problem) => (problem.severity = 'error'));
  const rows = table.rows.map((row): ImportedRow => {
    const present = IMPORTED.filter((key) => key in row.cells);
    return {
      key: [row.cells.indicator!, row.cells.period!],
      cells: Object.fromEntries(present.map((key) => [key, row.cells[key]!])),
      origins: {
        key: { file, ...row.at('indicator') },
        ...Object.fromEntries(present.map((key) => [key, { file, ...row.at(key) }])),
      },
    };
  });
  return { rows, breakdowns: [], problems: table.problems };
}

type CellRead = { text: string } | { problem: { message: string; hint?: string } };

/**
 * A cell as ledger text. For a numeric value cell (`figure`), a number is written back as a number; a
 * number kept as text and a number in a percent format (typing `97.5%` stores 0.975) are refused with
 * what to do, since either would be read wrong or not at all.
 */
export function cellText(cell: ExcelJS.Cell, figure: boolean): CellRead {
  let value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null)
      return { problem: { message: say.formulaWithoutResult, hint: say.formulaHint } };
    value = result as ExcelJS.CellValue;
  }
  if (value instanceof Date) return { problem: { message: say.dateValue, hint: say.dateHint } };
  if (value !== null && typeof value === 'object' && 'error' in value)
    return { problem: { message: say.errorValue(String(value.error)), hint: say.formulaHint } };
  if (typeof value === 'number') {
    // The ledger writes plain decimals below 1e15: 1e+308 or 1e-7 would be read as words, not a figure.
    if (figure && (!Number.isFinite(value) || numberText(value).includes('e')))
      return { problem: { message: say.numberOutOfRange(numberText(value)), hint: say.numberOutOfRangeHint } };
    if (figure && (cell.numFmt ?? '').includes('%')) {
      const number = numberText(value * 100);
      return { problem: { message: say.percentFormat(`${number}%`, value), hint: say.percentFormatHint(number) } };
    }
    return { text: numberText(value) };
  }
  const text = plainText(value);
  const parsed = figure && !['', '/', '—'].includes(text) ? numberWithUnit(text) : null;
  if (parsed)
    return {
      problem: { message: say.numberAsText(visible(text)), hint: say.numberAsTextHint(numberText(parsed.value)) },
    };
  return { text };
}

/** A number as the ledger writes it: without the binary noise of spreadsheet arithmetic (0.1 + 0.2). */
const numberText = (value: number): string => String(Number(value.toPrecision(15)));

/** The text a cell shows, for cells that hold words (rich text and links included); trimmed. */
function plainText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((run) => run.text)
      .join('')
      .trim();
  if ('text' in value) return plainText(value.text as ExcelJS.CellValue);
  if ('result' in value) return plainText(value.result as ExcelJS.CellValue);
  return '';
}

/** How many cells of a sheet hold something, counted over the rows and cells it has (not its dimension). */
function filledCellCount(sheet: ExcelJS.Worksheet): number {
  let count = 0;
  sheet.eachRow((row) => row.eachCell(() => count++));
  return count;
}

/**
 * A sheet as the cells it holds, by row and column: its rows and columns are those with a filled cell, so
 * a sheet whose one stray cell sits at XFD1048576 is read as what it holds, without walking (or making)
 * the million rows and sixteen thousand columns before it. ExcelJS's `rowCount` and `columnCount` are the
 * last row and column, and `getCell` makes the rows it is asked for.
 */
class Grid {
  private readonly rows = new Map<number, Map<number, ExcelJS.Cell>>();
  readonly lastColumn: number;
  constructor(sheet: ExcelJS.Worksheet) {
    let last = 0;
    sheet.eachRow((row, n) =>
      row.eachCell((cell, column) => {
        // A formula or error value shows no text but is not empty: it is read (and refused) where it is.
        if (plainText(cell.value) === '' && (cell.value === null || typeof cell.value !== 'object')) return;
        let cells = this.rows.get(n);
        if (!cells) this.rows.set(n, (cells = new Map()));
        cells.set(column, cell);
        last = Math.max(last, column);
      }),
    );
    this.lastColumn = last;
  }
  text(row: number, column: number): string {
    const cell = this.rows.get(row)?.get(column);
    return cell ? plainText(cell.value) : '';
  }
  /** Rows from `from` on with a filled cell, in order. */
  filledRows(from: number): number[] {
    return [...this.rows.keys()].filter((n) => n >= from).sort((a, b) => a - b);
  }
  /** The first filled cell (from row `fromRow` down) of each column from `fromColumn` on, in column order. */
  firstFilledOfColumns(fromColumn: number, fromRow = 1): ExcelJS.Cell[] {
    const first = new Map<number, { row: number; cell: ExcelJS.Cell }>();
    for (const [row, cells] of this.rows)
      for (const [column, cell] of cells)
        if (row >= fromRow && column >= fromColumn && (first.get(column)?.row ?? Infinity) > row)
          first.set(column, { row, cell });
    return [...first.entries()].sort(([a], [b]) => a - b).map(([, { cell }]) => cell);
  }
}

/** A row's texts, as many as `least` or the sheet's last filled column. */
const rowTexts = (grid: Grid, n: number, least: number): string[] =>
  Array.from({ length: Math.max(grid.lastColumn, least) }, (_, i) => grid.text(n, i + 1));

/** `G5` for row 5, column 7. */
const address = (sheet: ExcelJS.Worksheet, row: number, column: number): string => sheet.getCell(row, column).address;
