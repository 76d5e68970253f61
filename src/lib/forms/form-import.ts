import ExcelJS from 'exceljs';
import { parseCsvTable } from '../content/csv-table.ts';
import { error, warning, type Problem } from '../content/problems.ts';
import { PATHS, type Project } from '../content/project.ts';
import { decodeText } from '../content/text-file.ts';
import { LEDGER_COLUMNS } from '../ledger/ledger.ts';
import type { ImportedRow, LedgerCell } from '../ledger/ledger-merge.ts';
import { numberWithUnit } from '../ledger/unit.ts';
import { diagnostics, messagesFor } from '../site/messages/index.ts';
import { departmentForms, FORM_COLUMNS, FORM_IDENTITY, formColumn, formHeader, lockedCells } from './form-workbook.ts';

const say = diagnostics().imports;

export interface ImportRead {
  rows: ImportedRow[];
  problems: Problem[];
}

const IMPORTED: readonly LedgerCell[] = ['value', 'target', 'status', 'note', 'source'];

/**
 * What a file brought back for the ledger of `year`: a department's filled form (npm run forms), a
 * workbook whose first sheet is a ledger (the ledger's column names in row 1), or a ledger CSV. Every
 * cell is read as the ledger CSV would hold it; what a spreadsheet makes of typing (a number kept as
 * text, `97.5%` stored as 0.975, merged cells, formulas) is a located problem, never guessed at.
 * `file` is the path as the editor named it; problems are located in it as `文件 › 工作表!单元格`.
 */
export async function readImport(file: string, bytes: Uint8Array, project: Project, year: number): Promise<ImportRead> {
  const extension = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';
  if (extension === '.csv') return readCsvLedger(file, bytes);
  if (extension !== '.xlsx') return fail(error(file, say.notSupported(extension), { hint: say.notSupportedHint }));
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    return fail(error(file, say.unreadable((e as Error).message), { hint: say.unreadableHint }));
  }
  const f = messagesFor(project.site.language).forms;
  const form = book.getWorksheet(f.formSheet);
  if (form) return readForm(file, book, form, project, year);
  const first = book.worksheets[0];
  const header = first ? rowTexts(first, 1) : [];
  if (first && header.includes('indicator') && header.includes('period')) return readLedgerSheet(file, first, project);
  return fail(error(file, say.notAForm(f.formSheet), { hint: say.notAFormHint(LEDGER_COLUMNS) }));
}

const fail = (problem: Problem): ImportRead => ({ rows: [], problems: [problem] });

/**
 * Reads cells into a row as ledger text (`figure`: a numeric value cell), each located at its cell; the
 * problems of the cells refused.
 */
function readCells(
  file: string,
  sheet: ExcelJS.Worksheet,
  row: ImportedRow,
  inputs: ReadonlyArray<{ key: LedgerCell; cell: ExcelJS.Cell; figure: boolean }>,
): Problem[] {
  return inputs.flatMap(({ key, cell, figure }) => {
    const where = say.where(file, sheet.name, cell.address);
    const read = cellText(cell, figure);
    if ('problem' in read) return [error(where, read.problem.message, { hint: read.problem.hint })];
    row.cells[key] = read.text;
    row.origins[key] = { file: where };
    return [];
  });
}

/** Merged cells keep only their first cell's content: each range is a problem at its place. */
const mergedCellProblems = (file: string, sheet: ExcelJS.Worksheet): Problem[] =>
  ((sheet as unknown as { model: { merges?: string[] } }).model.merges ?? []).map((range) =>
    error(say.where(file, sheet.name, range), say.merged(range), { hint: say.mergedHint }),
  );

/** A department's form: its identity (year, department) first, then its structure, then each row's cells. */
function readForm(
  file: string,
  book: ExcelJS.Workbook,
  sheet: ExcelJS.Worksheet,
  project: Project,
  year: number,
): ImportRead {
  const f = messagesFor(project.site.language).forms;
  const about = book.getWorksheet(f.instructionsSheet);
  if (!about) return fail(error(file, say.noIdentity(f.instructionsSheet), { hint: say.otherYearHint(year) }));
  const identity = (key: keyof typeof FORM_IDENTITY) => plainText(about.getCell(FORM_IDENTITY[key]).value);
  const aboutOrigin = (key: keyof typeof FORM_IDENTITY) => say.where(file, about.name, FORM_IDENTITY[key]);
  const writtenYear = identity('year');
  if (writtenYear !== String(year))
    return fail(error(aboutOrigin('year'), say.otherYear(writtenYear, year), { hint: say.otherYearHint(year) }));
  const drafted = departmentForms(project, year)!; // the caller has checked the edition exists
  const department = identity('department');
  const expected = drafted.forms.find((form) => form.source === department);
  if (!expected)
    return fail(
      error(
        aboutOrigin('department'),
        say.unknownDepartment(
          department,
          drafted.forms.map((form) => form.source),
        ),
        {
          hint: say.unknownDepartmentHint,
        },
      ),
    );

  const problems = mergedCellProblems(file, sheet);
  const at = (address: string) => say.where(file, sheet.name, address);
  const header = formHeader(f, year);
  const written = rowTexts(sheet, 1);
  header.forEach((name, i) => {
    if ((written[i] ?? '') !== name)
      problems.push(
        error(at(address(sheet, 1, i + 1)), say.headerChanged(i + 1, name, written[i] ?? ''), { hint: say.headerHint }),
      );
  });
  if (problems.length > 0) return { rows: [], problems };
  for (let column = FORM_COLUMNS.length + 1; column <= sheet.columnCount; column++) {
    const filled = columnCells(sheet, column).find((cell) => plainText(cell.value) !== '');
    if (filled)
      problems.push(error(at(filled.address), say.extraColumn(plainText(filled.value)), { hint: say.extraColumnHint }));
  }

  const expectedRows = new Map(expected.rows.map((row) => [row.indicator.id, row]));
  const otherForms = new Map(drafted.forms.flatMap((form) => form.rows.map((row) => [row.indicator.id, form.source])));
  const rows: ImportedRow[] = [];
  const seen = new Set<string>();
  for (let n = 2; n <= sheet.rowCount; n++) {
    const id = plainText(sheet.getCell(n, formColumn('id')).value);
    const idAt = at(address(sheet, n, formColumn('id')));
    const expectedRow = expectedRows.get(id);
    if (!expectedRow) {
      if (id === '' && rowTexts(sheet, n).every((text) => text === '')) continue;
      const owner = otherForms.get(id);
      problems.push(
        id === ''
          ? error(idAt, say.extraRow, { hint: say.extraRowHint })
          : owner
            ? error(idAt, say.otherDepartment(id, owner, department), { hint: say.otherDepartmentHint })
            : error(idAt, say.unknownRow(id), { hint: say.extraRowHint }),
      );
      continue;
    }
    seen.add(id);
    // Locked cells are the form's structure, never imported: one changed anyway is said, not ignored.
    lockedCells(expectedRow).forEach((expectedText, i) => {
      const cell = sheet.getCell(n, i + 1);
      const written = plainText(cell.value);
      if (written.replace(/\s+/g, '') !== expectedText.replace(/\s+/g, ''))
        problems.push(
          warning(at(cell.address), say.lockedChanged(header[i]!, written, expectedText), {
            hint: say.lockedChangedHint(`${PATHS.ledgers}/${year}.csv`, PATHS.catalogue),
          }),
        );
    });
    const row: ImportedRow = { indicator: id, period: String(year), cells: {}, origins: { indicator: { file: idAt } } };
    const numeric = expectedRow.indicator.type === 'number';
    const inputs = (['value', 'status', 'note', 'source'] as const).map((key) => ({
      key,
      cell: sheet.getCell(n, formColumn(key)),
      figure: key === 'value' && numeric,
    }));
    problems.push(...readCells(file, sheet, row, inputs));
    rows.push(row);
  }
  for (const [id, row] of expectedRows)
    if (!seen.has(id))
      problems.push(warning(file, say.missingRow(id, row.indicator.name), { hint: say.missingRowHint }));
  return { rows, problems };
}

/** A workbook whose first sheet is a ledger: the ledger's column names in row 1, one record per row. */
function readLedgerSheet(file: string, sheet: ExcelJS.Worksheet, project: Project): ImportRead {
  const problems = mergedCellProblems(file, sheet);
  const header = rowTexts(sheet, 1);
  const columnOf = (name: string) => header.indexOf(name) + 1;
  // A column import does not read (数值 for value) would lose its cells: named, and nothing imported.
  const known: readonly string[] = ['indicator', 'period', ...IMPORTED];
  header.forEach((name, i) => {
    const filled = columnCells(sheet, i + 1).some((cell, row) => row > 0 && plainText(cell.value) !== '');
    if (!known.includes(name) && (name !== '' || filled))
      problems.push(
        error(say.where(file, sheet.name, address(sheet, 1, i + 1)), say.unknownColumn(name), {
          hint: say.notAFormHint(LEDGER_COLUMNS),
        }),
      );
  });
  if (problems.length > 0) return { rows: [], problems };
  const rows: ImportedRow[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    if (rowTexts(sheet, n).every((text) => text === '')) continue;
    const cellOf = (name: string) => sheet.getCell(n, columnOf(name));
    const id = plainText(cellOf('indicator').value);
    const period = cellText(cellOf('period'), false);
    if ('problem' in period) {
      problems.push(
        error(say.where(file, sheet.name, cellOf('period').address), period.problem.message, {
          hint: period.problem.hint,
        }),
      );
      continue;
    }
    const row: ImportedRow = {
      indicator: id,
      period: period.text,
      cells: {},
      origins: { indicator: { file: say.where(file, sheet.name, cellOf('indicator').address) } },
    };
    const numeric = project.indicatorById.get(id)?.type !== 'text';
    const inputs = IMPORTED.filter((key) => columnOf(key) > 0).map((key) => ({
      key,
      cell: cellOf(key),
      figure: key === 'value' && numeric,
    }));
    problems.push(...readCells(file, sheet, row, inputs));
    rows.push(row);
  }
  return { rows, problems };
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
      indicator: row.cells.indicator!,
      period: row.cells.period!,
      cells: Object.fromEntries(present.map((key) => [key, row.cells[key]!])),
      origins: Object.fromEntries(
        ['indicator' as const, ...present].map((key) => [key, { file, ...row.at(key) }]),
      ) as ImportedRow['origins'],
    };
  });
  return { rows, problems: table.problems };
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
    if (figure && (cell.numFmt ?? '').includes('%')) {
      const number = numberText(value * 100);
      return { problem: { message: say.percentFormat(`${number}%`, value), hint: say.percentFormatHint(number) } };
    }
    return { text: numberText(value) };
  }
  const text = plainText(value);
  const parsed = figure && !['', '/', '—'].includes(text) ? numberWithUnit(text) : null;
  if (parsed)
    return { problem: { message: say.numberAsText(text), hint: say.numberAsTextHint(numberText(parsed.value)) } };
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

const rowTexts = (sheet: ExcelJS.Worksheet, n: number): string[] =>
  Array.from({ length: Math.max(sheet.columnCount, FORM_COLUMNS.length) }, (_, i) =>
    plainText(sheet.getCell(n, i + 1).value),
  );

const columnCells = (sheet: ExcelJS.Worksheet, column: number): ExcelJS.Cell[] =>
  Array.from({ length: sheet.rowCount }, (_, i) => sheet.getCell(i + 1, column));

/** `G5` for row 5, column 7. */
const address = (sheet: ExcelJS.Worksheet, row: number, column: number): string => sheet.getCell(row, column).address;
