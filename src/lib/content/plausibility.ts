import { whyEnded } from '../ledger/continuity.ts';
import type { Entry } from '../ledger/evaluation.ts';
import { entryOf } from '../ledger/evaluation.ts';
import { qualitativeReason } from '../ledger/target.ts';
import { previousEdition } from '../ledger/vintage.ts';
import { formatTarget } from '../model/format.ts';
import type { Project } from '../model/project.ts';
import { diagnostics } from '../site/messages/index.ts';
import { type Problem, warning } from '../site/problems.ts';

const say = diagnostics().plausibility;

/** Year-on-year moves flagged for a second look: percentages by points, other values relatively. */
export const JUMP_POINTS = 10;
export const JUMP_RATIO = 0.5;
/** Longer target or text-value cells crowd tables on a phone and in the PDF; the note column is for explanations. */
export const LONG_CELL = 20;
/** Small counts (3 → 5 项) move by large ratios in normal years; only larger magnitudes are checked. */
const MIN_MAGNITUDE = 5;

function jumpMessage(name: string, previous: number, value: number, unit: string): string | null {
  if (unit === '%') {
    const points = Math.abs(value - previous);
    return points > JUMP_POINTS ? say.jumpPoints(name, previous, value, points.toFixed(1)) : null;
  }
  if (Math.max(Math.abs(previous), Math.abs(value)) < MIN_MAGNITUDE || previous === 0) return null;
  const ratio = Math.abs(value - previous) / Math.abs(previous);
  return ratio > JUMP_RATIO ? say.jumpRatio(name, previous, value, (ratio * 100).toFixed(0)) : null;
}

/**
 * Warnings on figures that are valid but suspicious — the mistakes typing a new year's figures into a
 * spreadsheet produces: a percentage above 100, a value far from last year's, a value left empty
 * for an indicator that was reported last year — and on what a published edition leaves unjudged. A
 * warning about a row whose `checked` column gives the editor's reason is returned settled (`Problem.settled`).
 */
export function plausibilityWarnings(project: Project): Problem[] {
  const problems: Problem[] = [];
  for (const edition of project.editions) {
    const found: Problem[] = [];
    const previous = previousEdition(project.editions, edition.year);
    for (const entry of edition.yearEntries) {
      const { indicator, value } = entry;
      const at = { line: entry.line, column: 3 };
      if (typeof value === 'number' && indicator.unit === '%' && (value > 100 || value < 0))
        found.push(warning(entry.file, say.percentRange(indicator.name, value), { ...at, hint: say.percentRangeHint }));
      const jump =
        typeof value === 'number' && entry.previous !== null
          ? jumpMessage(indicator.name, entry.previous, value, indicator.unit)
          : null;
      if (jump) found.push(warning(entry.file, jump, { ...at, hint: say.jumpHint }));
      const lastYear = previous && entryOf(previous, indicator.id);
      if (value === null && lastYear && lastYear.value !== null && entry.statusBy !== 'editor') {
        found.push(
          warning(entry.file, say.missingValue(indicator.name, String(lastYear.value), previous!.year, edition.year), {
            ...at,
            hint: say.missingValueHint,
          }),
        );
      }
    }
    if (edition.status === 'published') found.push(...unjudgedWarnings(edition.yearEntries));
    // A plan's target is its own words, published as written (tables wrap it): only the ledger's own are the editor's to shorten.
    const ownTarget = new Set(edition.ledgerRows.filter((r) => r.target).map((r) => r.line));
    found.push(...edition.yearEntries.flatMap((entry) => longCellWarnings(entry, ownTarget.has(entry.line))));
    const reported = new Set(edition.yearEntries.map((e) => e.indicator.id));
    for (const last of previous?.yearEntries.filter((e) => e.value !== null) ?? []) {
      // Retired last year, or only the finished plan's: left out on purpose (new-edition said so, once).
      const ended = whyEnded(project.plans, last.indicator.id, last.status, previous!.year, edition.year);
      if (!reported.has(last.indicator.id) && !ended)
        found.push(
          warning(edition.ledgerFile, say.missingRow(last.indicator.name, previous!.year, edition.year), {
            hint: say.missingRowHint,
          }),
        );
    }
    // A row the editor marked as checked (the `checked` column says why) settles the warnings about it.
    const checked = new Map(edition.ledgerRows.filter((r) => r.checked).map((r) => [r.line, r.checked]));
    const reason = (p: Problem) =>
      p.file === edition.ledgerFile && p.line !== undefined ? checked.get(p.line) : undefined;
    problems.push(...found.map((p) => (reason(p) ? { ...p, settled: reason(p) } : p)));
  }
  return problems;
}

/** Published entries whose target has no verdict because nothing could judge it and the editor gave none. */
function unjudgedWarnings(entries: readonly Entry[]): Problem[] {
  return entries
    .filter((e) => e.target && e.status === 'not_assessed' && e.statusBy === 'computed' && e.value !== null)
    .map((e) => {
      const target = formatTarget(e.target, e.indicator);
      const reason = qualitativeReason(e.target);
      const why = reason
        ? say.qualitative[reason](target)
        : e.baseline
          ? say.noBaseValue(target, e.baseline.period)
          : say.noPrevious(target);
      return warning(e.file, say.unjudged(e.indicator.name, why), { line: e.line, column: 5, hint: say.unjudgedHint });
    });
}

function longCellWarnings(entry: Entry, ownTarget: boolean): Problem[] {
  const cells: Array<[number, string]> = [
    [3, typeof entry.value === 'string' ? entry.value : ''],
    [4, ownTarget && entry.target ? formatTarget(entry.target, entry.indicator) : ''],
  ];
  return cells
    .filter(([, text]) => [...text].length > LONG_CELL)
    .map(([column, text]) =>
      warning(entry.file, say.longCell(entry.indicator.name, column === 3, [...text].length, LONG_CELL), {
        line: entry.line,
        column,
        hint: say.longCellHint,
      }),
    );
}
