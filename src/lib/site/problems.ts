import { visible } from './control-characters.ts';
import { diagnostics } from './messages/index.ts';

/** A problem found in an editor's files: always located, worded by the diagnostics catalogue. */
export type Severity = 'error' | 'warning';

export interface Problem {
  severity: Severity;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  message: string;
  hint?: string;
  /**
   * A warning the editor settled, with their reason (a ledger row's `checked`): kept with the others, but
   * the report counts it instead of repeating it on every check, build and import.
   */
  settled?: string;
}

export function error(
  file: string,
  message: string,
  at: { line?: number; column?: number; hint?: string } = {},
): Problem {
  return { severity: 'error', file, message, ...at };
}

export function warning(
  file: string,
  message: string,
  at: { line?: number; column?: number; hint?: string } = {},
): Problem {
  return { severity: 'warning', file, message, ...at };
}

/**
 * `file:line:column`, as far as known, for a terminal: the name's unseen characters shown (`⟨U+000A⟩`),
 * so a file named with a line break, an escape code or a bidi override prints as one honest line.
 */
export function location(p: Pick<Problem, 'file' | 'line' | 'column'>): string {
  const file = visible(p.file);
  if (p.line === undefined) return file;
  return p.column === undefined ? `${file}:${p.line}` : `${file}:${p.line}:${p.column}`;
}

/**
 * One problem per line block, e.g. `错误 data/ledgers/2024.csv:5:3 第 5 行第 3 列：…`. Messages and hints
 * quote editors' text and file names: their unseen characters are shown, and the only line breaks are the
 * block's own — no name can forge a line of the report (“检查通过”), clear the terminal or reverse text.
 */
export function formatProblem(p: Problem): string {
  const d = diagnostics().report;
  const where =
    p.line === undefined ? '' : p.column === undefined ? d.atLine(p.line) : d.atLineColumn(p.line, p.column);
  const hint = p.hint ? `\n    ${visible(d.hint(p.hint))}` : '';
  return `${d[p.severity]} ${location(p)}\n    ${where}${visible(p.message)}${hint}`;
}

export function formatReport(all: Problem[]): string {
  const problems = all.filter((p) => p.settled === undefined);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const settled = all.length - problems.length;
  const sorted = [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file, undefined, { numeric: true }) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
  const body = sorted.map(formatProblem).join('\n');
  const tail = diagnostics().report.total(errors, warnings) + (settled ? diagnostics().report.settled(settled) : '');
  return body ? `${body}\n\n${tail}` : tail;
}

export const hasErrors = (problems: Problem[]): boolean => problems.some((p) => p.severity === 'error');

/** How many of the problems are errors: a row is kept when checking it added warnings only. */
export const errorCount = (problems: Problem[]): number => problems.filter((p) => p.severity === 'error').length;
