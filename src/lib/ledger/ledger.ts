import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, errorCount, type Problem } from '../site/problems.ts';
import { type Indicator, unknownIdProblem } from './indicator.ts';
import { parseEditorStatus, type Status, STATUSES, statusLabel } from './status.ts';

const say = diagnostics().ledger;
import { parseTarget, type Target, type TargetParse, writtenUnits } from './target.ts';
import { numberWithUnit, unitAgrees } from './unit.ts';

/** One record of the indicator ledger as the editor wrote it (validated, not yet evaluated). */
export interface LedgerRow {
  indicator: string;
  period: string;
  value: number | string | null;
  target: Target | null;
  editorStatus: Status | null;
  note: string;
  source: string;
  file: string;
  line: number;
}

export const LEDGER_COLUMNS = ['indicator', 'period', 'value', 'target', 'status', 'note', 'source'] as const;
const REQUIRED = ['indicator', 'period', 'value', 'target'] as const;
const OPTIONAL = ['status', 'note', 'source'] as const;

const PERIOD = /^\d{4}$/;
/** Years a figure can be for: the People's Republic's statistics, up to the plans' horizon (as for dates). */
const PERIOD_YEARS = { first: 1949, last: 2100 };
/** The largest magnitude a figure may have: beyond it doubles lose digits (and 1e400 is Infinity). */
export const MAX_FIGURE = 1e15;

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
    const indicator = catalogue.get(c.indicator!);
    if (!indicator) problems.push(unknownIdProblem(file, c.indicator!, catalogue.keys(), at));
    if (!PERIOD.test(c.period!)) problems.push(error(file, say.badPeriod(c.period!), at('period', say.periodHint)));
    else if (Number(c.period) < PERIOD_YEARS.first || Number(c.period) > PERIOD_YEARS.last)
      problems.push(
        error(
          file,
          say.periodOutOfRange(c.period!, PERIOD_YEARS.first, PERIOD_YEARS.last),
          at('period', say.periodHint),
        ),
      );
    const key = `${c.indicator}|${c.period}`;
    if (seen.has(key)) {
      problems.push(
        error(file, say.duplicateRow(c.indicator!, c.period!, seen.get(key)!), at('indicator', say.duplicateRowHint)),
      );
    } else seen.set(key, row.line);

    const value = parseValue(c.value!, indicator);
    if (value !== null && typeof value === 'object' && 'message' in value)
      problems.push(error(file, value.message, at('value', value.hint)));
    const targetParse = parseTarget(c.target!);
    const target = targetParse.ok ? targetParse.target : null;
    problems.push(...targetProblems(targetParse, indicator).map((p) => ({ ...p, file, ...at('target', p.hint) })));
    const editorStatus = parseEditorStatus(c.status ?? '');
    if (editorStatus === undefined) {
      problems.push(
        error(file, say.badStatus(c.status!), at('status', say.statusHint(STATUSES.map((s) => statusLabel(s))))),
      );
    }
    const valueUnit = value !== null && typeof value === 'object' && 'unit' in value ? value.unit : null;
    const unitOfValue =
      valueUnit && indicator ? unitProblem(valueUnit, indicator, say.valueCell(c.value!.trim())) : null;
    if (unitOfValue) problems.push({ ...unitOfValue, file, ...at('value', unitOfValue.hint) });
    if (errorCount(problems) > errorsBefore || !indicator) continue;
    rows.push({
      indicator: indicator.id,
      period: c.period!,
      value: value !== null && typeof value === 'object' ? (value as { value: number }).value : value,
      target,
      editorStatus: editorStatus?.status ?? null,
      // What the editor wrote after the status word (未完成，有待推进) is kept with the note.
      note: [c.note ?? '', editorStatus?.remark ?? ''].filter(Boolean).join('；'),
      source: c.source ?? '',
      file,
      line: row.line,
    });
  }
  return { rows, problems };
}

type ValueProblem = { message: string; hint: string };

/**
 * A value cell: a number, optionally in full-width digits and followed by the indicator's unit
 * (`97.5%`, `３个`), or text for a qualitative indicator. Empty, `/` and `—` mean “no figure”.
 */
function parseValue(
  raw: string,
  indicator: Indicator | undefined,
): number | string | null | { value: number; unit: string } | ValueProblem {
  const text = raw.trim();
  if (text === '' || text === '/' || text === '—') return null;
  if (indicator?.type === 'text') return text;
  const parsed = numberWithUnit(text);
  // 400 digits read as Infinity, and past 15 digits a number is no longer exact: neither is a figure.
  if (parsed && !(Math.abs(parsed.value) < MAX_FIGURE)) return { message: say.tooLarge(text), hint: say.tooLargeHint };
  if (parsed && parsed.unit === null) return parsed.value;
  if (parsed) return { value: parsed.value, unit: parsed.unit! };
  // Excel shows 1.5E+15 for long numbers, and 1e+308 is a number to JavaScript: say what it is and how to write it.
  const scientific = SCIENTIFIC.exec(text);
  if (scientific) {
    const number = Number(scientific[1]);
    const plain = Math.abs(number) < MAX_FIGURE ? plainNumber(number) : null;
    return { message: say.scientific(text), hint: plain ? say.scientificHint(plain) : say.tooLargeHint };
  }
  const hint = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)
    ? say.thousandsHint(text.replaceAll(',', ''))
    : say.numberHint(indicator?.unit ?? '');
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
export function targetProblems(parsed: TargetParse, indicator: Indicator | undefined): Array<Omit<Problem, 'file'>> {
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
