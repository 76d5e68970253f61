import ExcelJS from 'exceljs';

import { type Baseline, type Entry, entryAt, entryOf } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { STATUSES } from '../ledger/status.ts';
import type { Target } from '../ledger/target.ts';
import { formatTarget, formatValue } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { reproducible } from '../publish/downloads.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';

/** One department's collection form: the indicators of the draft edition whose catalogue source it is. */
export interface DepartmentForm {
  source: string;
  /** File name for the department: its name, without characters file systems refuse. */
  fileName: string;
  /** Each indicator with its context: the previous period's value and the target in force, as shown. */
  rows: Array<{ indicator: Indicator; previous: string; target: string }>;
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
  for (const row of edition.ledgerRows.filter((r) => r.period === String(year))) {
    const indicator =
      project.catalogueById.get(row.indicator) ?? project.catalogue.find((i) => i.id === row.indicator)!;
    // Indicators whose catalogue row names no source share one form, for the editor to hand out or fill.
    const source = indicator.source || f.noSource;
    let form = bySource.get(source);
    if (!form) bySource.set(source, (form = { source, fileName: source.replace(/[\\/:*?"<>|\s]+/g, '_'), rows: [] }));
    const before = entryAt(project.editions, edition, indicator.id, String(year - 1))?.value ?? null;
    const entry = entryOf(edition, indicator.id);
    form.rows.push({
      indicator,
      previous: before === null ? '' : formatValue(before, indicator),
      target: entry ? targetInForce(entry, m) : '',
    });
  }
  return { edition, forms: [...bySource.values()] };
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

const INPUT_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } } as const;
const LIMITS = { text: 50, note: 200, source: 50 };

/**
 * A department's form as an .xlsx: instructions, then one row per indicator with id, name, unit, definition
 * and the context (previous value, target) locked, and yellow input cells for value, status, note and source
 * with Excel data validation.
 * Printed on A4 landscape, one page wide. Dated by the edition, so the same input gives the same bytes.
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
  f.instructions.forEach((line, i) => fitHeight(about.addRow([`${i + 1}.`, line]), aboutWidths));
  about.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

  const sheet = book.addWorksheet(f.formSheet, { views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }] });
  const header = formHeader(f, edition.year);
  const widths = FORM_COLUMNS.map((key) => WIDTHS[key]);
  sheet.columns = FORM_COLUMNS.map((key, i) => ({ header: header[i], width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  fitHeight(sheet.getRow(1), widths);
  const statusWords = `"${STATUSES.map((s) => m.status[s]).join(',')}"`;
  for (const formRow of form.rows) {
    const { indicator } = formRow;
    const row = sheet.addRow([...structureCells(formRow), formRow.previous, formRow.target]);
    row.alignment = { wrapText: true, vertical: 'top' };
    fitHeight(row, widths);
    const [value, status, note, source] = (['value', 'status', 'note', 'source'] as const).map((key) =>
      row.getCell(formColumn(key)),
    );
    for (const cell of [value, status, note, source]) {
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
    }
    value!.dataValidation =
      indicator.type === 'number'
        ? {
            type: 'decimal',
            operator: 'between',
            formulae: [-1e15, 1e15],
            showErrorMessage: true,
            errorTitle: f.numberOnly.title,
            error: f.numberOnly.error,
          }
        : textLimit(LIMITS.text, f);
    status!.dataValidation = {
      type: 'list',
      formulae: [statusWords],
      allowBlank: true,
      showErrorMessage: true,
      errorTitle: f.statusList.title,
      error: f.statusList.error,
    };
    note!.dataValidation = textLimit(LIMITS.note, f);
    source!.dataValidation = textLimit(LIMITS.source, f);
  }
  // Locked cells are the form's structure; the sheet is protected without a password (a guard, not a lock).
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
  sheet.headerFooter = { oddFooter: `${form.source} &P / &N` };
  return reproducible(new Uint8Array(await book.xlsx.writeBuffer()), date);
}

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
