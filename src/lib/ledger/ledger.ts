import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, errorCount, type Problem } from '../site/problems.ts';
import { type Indicator, unknownIdProblem } from './indicator.ts';
import { LIST_SEPARATOR, PERIOD_SEPARATORS } from './input-words.ts';
import { parseEditorStatus, type Status, STATUSES, statusLabel } from './status.ts';
import { isNoTarget, parseTarget, type Target, type TargetParse, tidyTarget, writtenUnits } from './target.ts';
import { splitTargetCell } from './target-cell.ts';
import { halfWidth, numberWithUnit, unitAgrees } from './unit.ts';

const say = diagnostics().ledger;

/** One record of the indicator ledger as the editor wrote it (validated, not yet evaluated). */
export interface LedgerRow {
  indicator: string;
  /** A year (`2024`), or a period's years (`2006-2010`) for the value a target against that period needs. */
  period: string;
  value: number | string | null;
  target: Target | null;
  editorStatus: Status | null;
  note: string;
  source: string;
  /**
   * The editor's word that the row's figures were checked and are right as they stand (`checked` column:
   * why, e.g. “2015年起按累计数统计”): the plausibility warnings about the row are settled, not repeated.
   */
  checked: string;
  file: string;
  line: number;
}

/** The columns a new ledger is written with; `checked` is added by an editor who needs it (docs/editing.md). */
export const LEDGER_COLUMNS = ['indicator', 'period', 'value', 'target', 'status', 'note', 'source'] as const;
const REQUIRED = ['indicator', 'period', 'value', 'target'] as const;
const OPTIONAL = ['status', 'note', 'source', 'checked'] as const;

/** Years a figure can be for: the People's Republic's statistics, up to the plans' horizon (as for dates). */
const PERIOD_YEARS = { first: 1949, last: 2100 };
/** A period of several years as editors type it: 2006-2010, 2006—2010, 2006~2010, 2006至2010. */
const PERIOD_SPAN = new RegExp(String.raw`^(\d{4})\s*(?:${PERIOD_SEPARATORS.join('|')})\s*(\d{4})$`);
/** The largest magnitude a figure may have: beyond it doubles lose digits (and 1e400 is Infinity). */
export const MAX_FIGURE = 1e15;

/** Whether a ledger period is one year (else it is a period of years, `2006-2010`). */
export const isYear = (period: string): boolean => /^\d{4}$/.test(period);
/** The last year of a ledger period: `2006-2010` → 2010, `2024` → 2024. */
export const periodEnd = (period: string): number => Number(period.slice(-4));

type At = (column: string, hint?: string) => { line: number; column: number; hint?: string };

/** A period cell read as the ledger keys it (`2006—2010` → `2006-2010`), or the problem with it. */
function readPeriod(text: string): { period: string } | { message: string } {
  const span = PERIOD_SPAN.exec(text);
  const years = span ? [span[1]!, span[2]!] : isYear(text) ? [text] : null;
  if (!years || (span && Number(years[0]) >= Number(years[1]))) return { message: say.badPeriod(text) };
  const outside = years.find((y) => Number(y) < PERIOD_YEARS.first || Number(y) > PERIOD_YEARS.last);
  if (outside) return { message: say.periodOutOfRange(text, PERIOD_YEARS.first, PERIOD_YEARS.last) };
  return { period: years.join('-') };
}

/**
 * A cell of a row that names several indicators, one text per id: empty for none, else as many as the
 * ids, joined by 、; null when the count differs. One id keeps its cell whole (a text value or an
 * indicator's name may hold 、).
 */
export function perIndicator(text: string, count: number): string[] | null {
  if (count === 1) return [text];
  if (text.trim() === '') return Array<string>(count).fill('');
  const cells = text.split(LIST_SEPARATOR).map((cell) => cell.trim());
  return cells.length === count ? cells : null;
}

/** A row's indicators and each one's target, as `rowTargets` reads them. */
export interface RowTargets {
  ids: string[];
  /** The catalogue's indicator of each id; undefined for an unknown one (reported). */
  indicators: Array<Indicator | undefined>;
  /** Each id's target: its part of the target cell, with the whole cell kept on it when there are several. */
  targets: TargetParse[];
  /** Located at the indicator cell: unknown, repeated or badly separated ids. */
  idProblems: Problem[];
  /** Located at the target cell: a split that does not fit the ids, unreadable targets, disagreeing units. */
  targetProblems: Problem[];
}

/**
 * The indicators a ledger or plan row names and their targets. The `indicator` cell holds one id or
 * several joined by 、 (input-words.ts#LIST_SEPARATOR); the target cell is then split into as many
 * targets, in order (target-cell.ts), each read alone with its indicator's unit. A cell that does not
 * split into as many targets as ids is an error naming which part went to which id.
 */
export function rowTargets(
  indicatorCell: string,
  targetCell: string,
  catalogue: ReadonlyMap<string, Indicator>,
  file: string,
  at: At,
): RowTargets {
  const idProblems: Problem[] = [];
  const ids = indicatorCell.split(LIST_SEPARATOR).map((id) => id.trim());
  const indicators = ids.map((id) => catalogue.get(id));
  const listed = /[,，;；\s]/.test(indicatorCell.trim()) && indicatorCell.trim().split(/[,，;；\s]+/);
  // A list that is not one (ids joined by another mark, an empty id) says nothing of how many targets there are.
  const miscounted =
    listed && listed.every((id) => catalogue.has(id))
      ? say.idSeparator
      : ids.length > 1 && ids.includes('')
        ? say.emptyIdInList
        : null;
  if (miscounted) idProblems.push(error(file, miscounted(indicatorCell.trim()), at('indicator', say.idListHint)));
  else
    ids.forEach((id, n) => {
      if (ids.indexOf(id) < n) idProblems.push(error(file, say.repeatedId(id), at('indicator', say.idListHint)));
      else if (!indicators[n]) idProblems.push(unknownIdProblem(file, id, catalogue.keys(), at));
    });
  const read = { ids, indicators, idProblems };

  if (miscounted) return { ...read, targets: [], targetProblems: [] };
  if (isNoTarget(targetCell))
    return { ...read, targets: ids.map(() => ({ ok: true, target: null })), targetProblems: [] };
  const split = splitTargetCell(targetCell, ids.length);
  if (!split.ok) {
    const message =
      split.problem === 'mismatch' ? say.partsMismatch(ids, split.parts) : say.partsAmbiguous(ids, split.ways);
    return { ...read, targets: [], targetProblems: [error(file, message, at('target', say.partsHint))] };
  }
  const cell = ids.length > 1 ? tidyTarget(targetCell) : null;
  const targets = split.parts.map((part, n): TargetParse => {
    const parsed = parseTarget(part, indicators[n]?.unit ?? '');
    return parsed.ok && parsed.target ? { ok: true, target: { ...parsed.target, cell } } : parsed;
  });
  const targetProblems = targets.flatMap((parsed, n) =>
    problemsOfTarget(parsed, indicators[n]).map((p) => ({ ...p, file, ...at('target', p.hint) })),
  );
  return { ...read, targets, targetProblems };
}

export function parseLedger(
  text: string,
  file: string,
  catalogue: ReadonlyMap<string, Indicator>,
): { rows: LedgerRow[]; problems: Problem[] } {
  const table = parseCsvTable(text, file, REQUIRED, OPTIONAL);
  const problems = [...table.problems];
  const rows: LedgerRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const c = row.cells;
    const { at } = row;
    const errorsBefore = errorCount(problems);
    const { ids, indicators, targets, idProblems, targetProblems } = rowTargets(
      c.indicator!,
      c.target!,
      catalogue,
      file,
      at,
    );
    problems.push(...idProblems);
    const read = readPeriod(c.period!);
    if ('message' in read) problems.push(error(file, read.message, at('period', say.periodHint)));
    const period = 'period' in read ? read.period : c.period!;
    for (const id of new Set(ids)) {
      const key = `${id}|${period}`;
      if (seen.has(key))
        problems.push(error(file, say.duplicateRow(id, period, seen.get(key)!), at('indicator', say.duplicateRowHint)));
      else seen.set(key, row.line);
    }

    const valueCells = perIndicator(c.value!, ids.length);
    if (!valueCells) problems.push(error(file, say.listCount('value', ids.length), at('value', say.listHint)));
    const values = ids.map((_, n) => (valueCells ? parseValue(valueCells[n]!, indicators[n]) : null));
    for (const value of values)
      if (value !== null && typeof value === 'object' && 'message' in value)
        problems.push(error(file, value.message, at('value', value.hint)));
    problems.push(...targetProblems);
    // A period of years holds the base of a target against it (较“十一五”时期…); it is not judged itself.
    const judged = !isNoTarget(c.target!) || (c.status ?? '').trim() !== '';
    if (!isYear(period) && 'period' in read && judged)
      problems.push(error(file, say.periodWithTarget(period), at(isNoTarget(c.target!) ? 'status' : 'target')));
    const statusText = c.status ?? '';
    const statusCells = statusText.includes(LIST_SEPARATOR)
      ? perIndicator(statusText, ids.length)
      : ids.map(() => statusText);
    if (!statusCells) problems.push(error(file, say.listCount('status', ids.length), at('status', say.listHint)));
    const statuses = ids.map((_, n) => (statusCells ? parseEditorStatus(statusCells[n]!) : null));
    statuses.forEach((status, n) => {
      if (status === undefined)
        problems.push(
          error(
            file,
            say.badStatus(statusCells![n]!),
            at('status', say.statusHint(STATUSES.map((s) => statusLabel(s)))),
          ),
        );
    });
    values.forEach((value, n) => {
      const unit = value !== null && typeof value === 'object' && 'unit' in value ? value.unit : null;
      const problem =
        unit && indicators[n] ? unitProblem(unit, indicators[n], say.valueCell(valueCells![n]!.trim())) : null;
      if (problem) problems.push({ ...problem, file, ...at('value', problem.hint) });
    });
    if (errorCount(problems) > errorsBefore) continue;
    indicators.forEach((indicator, n) => {
      const value = values[n]!;
      const status = statuses[n];
      rows.push({
        indicator: indicator!.id,
        period,
        value: value !== null && typeof value === 'object' ? (value as { value: number }).value : value,
        target: targets[n]?.ok ? targets[n].target : null,
        editorStatus: status?.status ?? null,
        // What the editor wrote after the status word (未完成，有待推进) is kept with the note.
        note: [c.note ?? '', status?.remark ?? ''].filter(Boolean).join('；'),
        source: c.source ?? '',
        checked: c.checked?.trim() ?? '',
        file,
        line: row.line,
      });
    });
  }
  return { rows, problems };
}

type ValueProblem = { message: string; hint: string };

/** A cell that gives no figure: empty, `/` or `—`. The report has none; it is never read as 0. */
export const isNoFigure = (text: string): boolean => ['', '/', '—'].includes(text.trim());

/**
 * A figure cell read, before anyone words a problem with it: its number, with the unit written after it
 * (`97.5%`) and the decimals written (`97.0` → 1, what “as written” shows and rounding checks use), or
 * why it is not one — with the plain spelling to suggest when there is one.
 */
export type FigureRead =
  | { ok: true; value: number; unit: string | null; decimals: number }
  | { ok: false; problem: 'too_large' | 'scientific' | 'not_a_number'; plain: string | null };

/** A number, optionally in full-width digits and followed by a unit (`97.5%`, `３个`); never text, never empty. */
export function readFigure(raw: string): FigureRead {
  const text = raw.trim();
  const parsed = numberWithUnit(text);
  // 400 digits read as Infinity, and past 15 digits a number is no longer exact: neither is a figure.
  if (parsed && !(Math.abs(parsed.value) < MAX_FIGURE)) return { ok: false, problem: 'too_large', plain: null };
  if (parsed) {
    const decimals = /\.(\d+)/.exec(halfWidth(text))?.[1]?.length ?? 0;
    return { ok: true, ...parsed, decimals };
  }
  // Excel shows 1.5E+15 for long numbers, and 1e+308 is a number to JavaScript: say what it is and how to write it.
  const scientific = SCIENTIFIC.exec(text);
  if (scientific) {
    const number = Number(scientific[1]);
    return { ok: false, problem: 'scientific', plain: Math.abs(number) < MAX_FIGURE ? plainNumber(number) : null };
  }
  const thousands = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replaceAll(',', '') : null;
  return { ok: false, problem: 'not_a_number', plain: thousands };
}

/**
 * A value cell: a figure (`readFigure`) for a numeric indicator, or text for a qualitative one.
 * Empty, `/` and `—` mean “no figure”.
 */
function parseValue(
  raw: string,
  indicator: Indicator | undefined,
): number | string | null | { value: number; unit: string } | ValueProblem {
  const text = raw.trim();
  if (isNoFigure(text)) return null;
  if (indicator?.type === 'text') return text;
  const read = readFigure(text);
  if (read.ok) return read.unit === null ? read.value : { value: read.value, unit: read.unit };
  if (read.problem === 'too_large') return { message: say.tooLarge(text), hint: say.tooLargeHint };
  if (read.problem === 'scientific')
    return { message: say.scientific(text), hint: read.plain ? say.scientificHint(read.plain) : say.tooLargeHint };
  const hint = read.plain ? say.thousandsHint(read.plain) : say.numberHint(indicator?.unit ?? '');
  return { message: say.notANumber(text, indicator?.name ?? null), hint };
}

/** A number in scientific notation (`1e+308`, `1.5E3`), with or without a unit after it. */
const SCIENTIFIC = /^([-+]?(?:\d+(?:\.\d*)?|\.\d+)[eE][-+]?\d+)\s*[^\d\s.+-]*$/;

/** `1500` for 1.5e3, `0.0000001` for 1e-7; null when a figure that small rounds to nothing. */
function plainNumber(n: number): string | null {
  const plain = n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
  return Number(plain) === n ? plain : null;
}

/** What is wrong with a target cell: wording the grammar cannot read, or a unit the catalogue disagrees with. */
function problemsOfTarget(parsed: TargetParse, indicator: Indicator | undefined): Array<Omit<Problem, 'file'>> {
  if (!parsed.ok)
    return [{ severity: 'error', message: say.target[parsed.problem](parsed.text), hint: say.targetHint }];
  const target = parsed.target;
  if (!target || !indicator) return [];
  return writtenUnits(target).flatMap((unit) => unitProblem(unit, indicator, say.targetCell(target.text)) ?? []);
}

/** A unit written in a cell that is not the indicator's: an error (`10.9%` on an indicator counted in 件). */
function unitProblem(written: string, indicator: Indicator, what: string): Omit<Problem, 'file'> | null {
  if (indicator.unit === '')
    return {
      severity: 'warning',
      message: say.unitWithoutCatalogueUnit(what, written, indicator.name),
      hint: say.addUnitHint(written),
    };
  if (unitAgrees(written, indicator.unit)) return null;
  return {
    severity: 'error',
    message: say.unitMismatch(what, written, indicator.name, indicator.unit),
    hint: say.unitMismatchHint(indicator.unit),
  };
}
