import ExcelJS from 'exceljs';

import {
  type BreakdownDefinition,
  type BreakdownMeasure,
  type BreakdownRow,
  type BreakdownTable,
  TOTAL_CATEGORY,
} from '../ledger/breakdown.ts';
import { type Baseline, type Entry, entryAt, entryOf } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { STATUSES } from '../ledger/status.ts';
import type { Target } from '../ledger/target.ts';
import { formatTarget, formatValue } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { reproducible } from '../publish/downloads.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';

/**
 * One department's collection form: the indicators of the draft edition whose catalogue source it is, and
 * the breakdowns it reports.
 */
export interface DepartmentForm {
  source: string;
  /** File name for the department: its name, without characters file systems refuse. */
  fileName: string;
  /** Each indicator with its context: the previous period's value and the target in force, as shown. */
  rows: Array<{ indicator: Indicator; previous: string; target: string }>;
  /** A sheet per breakdown the department reports, in the order of the definitions. */
  breakdowns: BreakdownForm[];
}

/** A category of a breakdown form: its structure, and its figures in the latest earlier table (if it was there). */
export interface BreakdownFormRow {
  category: string;
  name: string;
  parent: string | null;
  /** The parent's name, as the sheet shows it ('' for a top-level category and the total). */
  parentName: string;
  previous: BreakdownRow | null;
}

/** A breakdown as a department fills it for the year: its sheet and its categories. */
export interface BreakdownForm {
  definition: BreakdownDefinition;
  /** The worksheet's name: the table's title, as a sheet may be named. */
  sheet: string;
  /**
   * The categories to fill, the total first: the year's own file's when it has one (new-edition writes it,
   * the editor may have added or renamed a category since), else the latest earlier table's.
   */
  rows: BreakdownFormRow[];
  /** The year of the latest earlier table, whose figures stand locked beside the cells to fill; null when none. */
  previousYear: number | null;
}

/**
 * The forms for a draft edition's year, one per `source` of the catalogue (统计局, 住建局 …), listing the
 * indicators its ledger has a row for in that year, with the context a department checks its figure
 * against: the previous period's value as the edition quotes it (the vintage rule, `entryAt`: its own
 * baseline row, else the period's edition, else an earlier one) and the target in force (`targetInForce`).
 * With the edition; null when there is none.
 */
export function departmentForms(project: Project, year: number): { edition: Edition; forms: DepartmentForm[] } | null {
  const edition = project.editions.find((e) => e.year === year);
  if (!edition) return null;
  const m = messagesFor(project.site.language);
  const f = m.forms;
  const bySource = new Map<string, DepartmentForm>();
  const formOf = (source: string) => {
    let form = bySource.get(source);
    if (!form)
      bySource.set(
        source,
        (form = { source, fileName: source.replace(/[\\/:*?"<>|\s]+/g, '_'), rows: [], breakdowns: [] }),
      );
    return form;
  };
  for (const row of edition.ledgerRows.filter((r) => r.period === String(year))) {
    const indicator =
      project.catalogueById.get(row.indicator) ?? project.catalogue.find((i) => i.id === row.indicator)!;
    // Indicators whose catalogue row names no source share one form, for the editor to hand out or fill.
    const form = formOf(indicator.source || f.noSource);
    const before = entryAt(project.editions, edition, indicator.id, String(year - 1))?.value ?? null;
    const entry = entryOf(edition, indicator.id);
    form.rows.push({
      indicator,
      previous: before === null ? '' : formatValue(before, indicator),
      target: entry ? targetInForce(entry, m) : '',
    });
  }
  for (const definition of project.breakdowns) {
    const tableOf = (e: Edition) => e.breakdowns.find((t) => t.definition.id === definition.id);
    const earlier = project.editions
      .filter((e) => e.year < year)
      .map(tableOf)
      .filter((t) => t !== undefined)
      .at(-1);
    const categories = tableOf(edition) ?? earlier;
    // A breakdown with no table yet has no categories to list: the editor writes its first file.
    if (!categories) continue;
    const indicator = definition.indicator === null ? undefined : project.catalogueById.get(definition.indicator);
    formOf(definition.source || indicator?.source || f.noSource).breakdowns.push({
      definition,
      sheet: '',
      rows: breakdownFormRows(categories, earlier),
      previousYear: earlier?.year ?? null,
    });
  }
  for (const form of bySource.values()) {
    const names = sheetNames(
      form.breakdowns.map((b) => b.definition.title),
      [f.instructionsSheet, f.formSheet],
    );
    form.breakdowns.forEach((b, i) => (b.sheet = names[i]!));
  }
  return { edition, forms: [...bySource.values()] };
}

/** A table's categories, the total first, each with its figures in the earlier table (by category id). */
function breakdownFormRows(table: BreakdownTable, earlier: BreakdownTable | undefined): BreakdownFormRow[] {
  const rows = [...(table.total ? [table.total] : []), ...table.rows];
  const before = new Map(earlier ? [earlier.total, ...earlier.rows].flatMap((r) => (r ? [[r.category, r]] : [])) : []);
  return rows.map(({ category, name, parent }) => ({
    category,
    name,
    parent,
    parentName: parent === null ? '' : (rows.find((r) => r.category === parent)?.name ?? parent),
    previous: before.get(category) ?? null,
  }));
}

/**
 * Worksheet names for titles: at most 31 characters, none of the characters Excel refuses in one (\\ / ? * : [ ]),
 * and no two alike (nor like a `taken` name) in any case: the second of two gets a number.
 */
export function sheetNames(titles: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  return titles.map((title) => {
    const base =
      title
        .replace(/[\\/?*:[\]]/g, '_')
        .replace(/^'+|'+$/g, '')
        .slice(0, 31) || '_';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 2)}(${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * The target a form shows, as the evaluation holds it (so as `npm run ledger` shows it): the ledger's own,
 * else the plan's for the year; else, in a plan's middle years, the plan's end target, said to be that with
 * its year. A target against a base (在2010年基础上下降15.2%) is shown with the base's value where a ledger
 * holds it (`Entry.baseline`, the evaluation's), since the department cannot judge it without.
 */
function targetInForce(entry: Entry, m: Messages): string {
  const { indicator } = entry;
  const shown = (target: Target, baseline: Baseline | null) => {
    const text = formatTarget(target, indicator);
    return baseline?.value == null
      ? text
      : m.forms.withBase(text, baseline.period, formatValue(baseline.value, indicator));
  };
  if (entry.target) return shown(entry.target, entry.baseline);
  const { plan } = entry;
  if (plan)
    return m.forms.planEndTarget(
      m.plan.column(plan.plan.short, plan.target.year),
      shown(plan.target.target, plan.baseline),
    );
  return '';
}

/** The form sheet's columns, in order: the locked structure and context, then the cells a department fills in. */
export const FORM_COLUMNS = [
  'id',
  'name',
  'unit',
  'definition',
  'previous',
  'target',
  'value',
  'status',
  'note',
  'source',
] as const;
export type FormColumn = (typeof FORM_COLUMNS)[number];
/** A column's 1-based number in the form sheet. */
export const formColumn = (key: FormColumn): number => FORM_COLUMNS.indexOf(key) + 1;
const WIDTHS: Record<FormColumn, number> = {
  id: 22,
  name: 30,
  unit: 10,
  definition: 40,
  previous: 14,
  target: 24,
  value: 14,
  status: 12,
  note: 30,
  source: 18,
};

/** The form sheet's header row for a year: what import checks a filled form against. */
export function formHeader(f: FormWords, year: number): string[] {
  const c = f.columns;
  const named = { ...c, previous: c.previous(year - 1), target: c.target(year), value: c.value(year) };
  return FORM_COLUMNS.map((key) => named[key]);
}

/**
 * A row's structure, id to definition, as the form shows it: the locked cells import checks (it warns when
 * one was changed). The context cells after them (previous value, target) are locked too but not checked:
 * they say what the ledgers held when the form was made, and may differ by the time it comes back.
 */
export const structureCells = ({ indicator }: DepartmentForm['rows'][number]): string[] => [
  indicator.id,
  indicator.name,
  indicator.unit,
  indicator.definition,
];

/** Where the instructions sheet names the form's department and year (its second and third rows). */
export const FORM_IDENTITY = { department: 'B2', year: 'B3' } as const;

type FormWords = ReturnType<typeof messagesFor>['forms'];

/**
 * A breakdown sheet's column: the locked structure (category id, name, parent's name), then per measure the
 * earlier table's figure (locked, when there is an earlier table) beside the year's cell to fill, then the note.
 */
export type BreakdownColumn = { header: string; width: number } & (
  { key: 'category' | 'name' | 'parent' | 'note' } | { key: 'previous' | 'value'; measure: BreakdownMeasure }
);

/** A breakdown sheet's columns for a year, in order: what the form writes and import checks a filled one against. */
export function breakdownColumns(form: BreakdownForm, f: FormWords, year: number): BreakdownColumn[] {
  const c = f.breakdownColumns;
  const figure = (measure: BreakdownMeasure, y: number) => c.measure(measure.name, y, measure.unit);
  return [
    { key: 'category', header: c.category, width: 18 },
    { key: 'name', header: c.name, width: 24 },
    { key: 'parent', header: c.parent, width: 16 },
    ...form.definition.measures.flatMap((measure): BreakdownColumn[] => [
      ...(form.previousYear === null
        ? []
        : [{ key: 'previous' as const, measure, header: figure(measure, form.previousYear), width: 13 }]),
      { key: 'value', measure, header: figure(measure, year), width: 13 },
    ]),
    { key: 'note', header: c.note, width: 30 },
  ];
}

/** A breakdown row's structure as the sheet shows it (id, name, parent's name): the locked cells import checks. */
export const breakdownStructureCells = (row: BreakdownFormRow): string[] => [row.category, row.name, row.parentName];

const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } } as const;
const LIMITS = { text: 50, note: 200, source: 50 };

/**
 * A department's form as an .xlsx: instructions; the indicators' sheet, one row per indicator with id, name,
 * unit, definition and the context (previous value, target) locked, and yellow input cells for value,
 * status, note and source; then a sheet per breakdown, one row per category with its structure and the
 * earlier table's figures locked and yellow cells for the year's figures and a note. Input cells carry
 * Excel data validation; every sheet is protected and printed on A4 landscape, one page wide. Dated by
 * the edition, so the same input gives the same bytes.
 */
export async function formWorkbook(project: Project, edition: Edition, form: DepartmentForm): Promise<Uint8Array> {
  const m = messagesFor(project.site.language);
  const f = m.forms;
  const date = new Date(`${edition.published}T00:00:00+08:00`);
  const book = new ExcelJS.Workbook();
  book.creator = project.site.agency;
  book.created = date;
  book.modified = date;

  const about = book.addWorksheet(f.instructionsSheet);
  const aboutWidths = [12, 72];
  about.columns = aboutWidths.map((width) => ({ width, style: { alignment: { wrapText: true, vertical: 'top' } } }));
  about.addRow([f.title(project.site.region, edition.year)]).font = { bold: true, size: 14 };
  about.mergeCells('A1:B1'); // the title reads across both columns (the instructions sheet is not imported)
  about.getRow(1).height = 24;
  about.addRow([f.department, form.source]);
  about.addRow([f.year, edition.year]).alignment = { horizontal: 'left' };
  about.addRow([]);
  const instructions = [
    ...f.instructions,
    ...(form.breakdowns.length > 0
      ? [f.breakdownSheets(form.breakdowns.map((b) => b.sheet)), ...f.breakdownInstructions]
      : []),
  ];
  instructions.forEach((line, i) => fitHeight(about.addRow([`${i + 1}.`, line]), aboutWidths));
  about.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const widths = FORM_COLUMNS.map((key) => WIDTHS[key]);
  const sheet = tableSheet(book, f.formSheet, formHeader(f, edition.year), widths);
  const statusWords = `"${STATUSES.map((s) => m.status[s]).join(',')}"`;
  for (const formRow of form.rows) {
    const { indicator } = formRow;
    const row = sheet.addRow([...structureCells(formRow), formRow.previous, formRow.target]);
    row.alignment = { wrapText: true, vertical: 'top' };
    fitHeight(row, widths);
    const cell = (key: FormColumn) => row.getCell(formColumn(key));
    toFill(cell('value'), indicator.type === 'number' ? numberOnly(f) : textLimit(LIMITS.text, f));
    toFill(cell('status'), {
      type: 'list',
      formulae: [statusWords],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: f.statusList.title,
      error: f.statusList.error,
    });
    toFill(cell('note'), textLimit(LIMITS.note, f));
    toFill(cell('source'), textLimit(LIMITS.source, f));
  }
  await protectAndPrint(sheet, form.source);

  for (const breakdown of form.breakdowns) {
    const columns = breakdownColumns(breakdown, f, edition.year);
    const ws = tableSheet(
      book,
      breakdown.sheet,
      columns.map((c) => c.header),
      columns.map((c) => c.width),
    );
    for (const formRow of breakdown.rows) {
      const [category, name, parent] = breakdownStructureCells(formRow);
      const row = ws.addRow(
        columns.map((c) =>
          c.key === 'category'
            ? category
            : c.key === 'name'
              ? name
              : c.key === 'parent'
                ? parent
                : c.key === 'previous'
                  ? earlierFigure(formRow.previous, c.measure)
                  : null,
        ),
      );
      row.alignment = { wrapText: true, vertical: 'top' };
      fitHeight(
        row,
        columns.map((c) => c.width),
      );
      if (formRow.category === TOTAL_CATEGORY) row.font = { bold: true };
      // A part of a category reads under it, as the report prints it (大类 › 产品).
      if (formRow.parent !== null) row.getCell(2).alignment = { wrapText: true, vertical: 'top', indent: 1 };
      columns.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        if (c.key === 'previous') cell.numFmt = numberFormat(c.measure.decimals);
        if (c.key === 'value') toFill(cell, numberOnly(f));
        if (c.key === 'note') toFill(cell, textLimit(LIMITS.note, f));
      });
    }
    await protectAndPrint(ws, `${form.source} ${breakdown.sheet}`);
  }
  return reproducible(new Uint8Array(await book.xlsx.writeBuffer()), date);
}

/** A sheet of a form: a bold, wrapped header row (frozen, with the first two columns), its columns as wide as given. */
function tableSheet(
  book: ExcelJS.Workbook,
  name: string,
  header: readonly string[],
  widths: number[],
): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  sheet.columns = header.map((text, i) => ({ header: text, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  fitHeight(sheet.getRow(1), widths);
  return sheet;
}

/** A cell the department fills: unlocked, yellow, validated. */
function toFill(cell: ExcelJS.Cell, validation: ExcelJS.DataValidation): void {
  cell.protection = { locked: false };
  cell.fill = INPUT_FILL;
  cell.dataValidation = validation;
}

/**
 * Locked cells are the form's structure; the sheet is protected without a password (a guard, not a lock).
 * Printed on A4 landscape, one page wide, the header row on every page, the footer naming the sheet.
 */
async function protectAndPrint(sheet: ExcelJS.Worksheet, footer: string): Promise<void> {
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  sheet.headerFooter = { oddFooter: `${footer} &P / &N` };
}

/** The earlier table's figure as a number (shown with the measure's decimals), “—” when it gave none, empty when the category was not there. */
const earlierFigure = (previous: BreakdownRow | null, measure: BreakdownMeasure): number | string | null =>
  previous === null ? null : (previous.values[measure.id] ?? '—');

/** Excel's number format for a figure published with `decimals` (as written when null). */
const numberFormat = (decimals: number | null): string =>
  decimals === null ? 'General' : decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;

/** Numbers only, up to the ledger's bound (no unit, no thousands separator). */
const numberOnly = (f: FormWords): ExcelJS.DataValidation => ({
  type: 'decimal',
  operator: 'between',
  formulae: [-1e15, 1e15],
  showErrorMessage: true,
  errorTitle: f.numberOnly.title,
  error: f.numberOnly.error,
});

/**
 * A row tall enough for its wrapped text: spreadsheet programs keep a generated file's row heights, so
 * long definitions would otherwise show and print as one clipped line. Widths are in character units,
 * a Chinese character taking two.
 */
function fitHeight(row: ExcelJS.Row, widths: readonly number[]): void {
  const lines = widths.map((width, i) => {
    const units = [...String(row.getCell(i + 1).text ?? '')].reduce(
      (n, c) => n + (c.charCodeAt(0) > 0xff ? 2 : 1.1),
      0,
    );
    return Math.max(1, Math.ceil(units / (width - 1)));
  });
  row.height = 15 * Math.max(...lines) + 3;
}

function textLimit(limit: number, f: FormWords): ExcelJS.DataValidation {
  return {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [limit],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: f.tooLong(limit).title,
    error: f.tooLong(limit).error,
  };
}
