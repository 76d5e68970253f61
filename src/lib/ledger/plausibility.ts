import type { Project } from '../content/project.ts';
import { entryOf } from './evaluation.ts';
import { warning, type Problem } from '../content/problems.ts';
import { formatTarget } from '../site/format.ts';
import type { Entry } from './evaluation.ts';
import { isQualitative } from './target.ts';

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
    return points > JUMP_POINTS
      ? `“${name}”从上年的 ${previous}% 变为 ${value}%，变化 ${points.toFixed(1)} 个百分点。`
      : null;
  }
  if (Math.max(Math.abs(previous), Math.abs(value)) < MIN_MAGNITUDE || previous === 0) return null;
  const ratio = Math.abs(value - previous) / Math.abs(previous);
  return ratio > JUMP_RATIO ? `“${name}”从上年的 ${previous} 变为 ${value}，变化 ${(ratio * 100).toFixed(0)}%。` : null;
}

/**
 * Warnings on figures that are valid but suspicious — the mistakes typing a new year's figures into a
 * spreadsheet produces: a percentage above 100, a value far from last year's, a value left empty
 * for an indicator that was reported last year.
 */
export function plausibilityWarnings(project: Project): Problem[] {
  const problems: Problem[] = [];
  for (const edition of project.editions) {
    const previous = project.editions.find((e) => e.year === edition.year - 1);
    for (const entry of edition.entries) {
      const { indicator, value } = entry;
      const at = { line: entry.line, column: 3 };
      if (typeof value === 'number' && indicator.unit === '%' && (value > 100 || value < 0)) {
        problems.push(
          warning(entry.file, `“${indicator.name}”的值 ${value} 超出了百分比的范围 0–100。`, {
            ...at,
            hint: '请确认单位：这里填百分数的数字部分，例如 98.6。',
          }),
        );
      }
      const jump =
        typeof value === 'number' && entry.previous !== null
          ? jumpMessage(indicator.name, entry.previous, value, indicator.unit)
          : null;
      if (jump)
        problems.push(
          warning(entry.file, jump, {
            ...at,
            hint: '变化较大，请核对是否录入有误（如小数点位置、单位）。确认无误可忽略此警告。',
          }),
        );
      const lastYear = previous && entryOf(previous, indicator.id);
      if (value === null && lastYear && lastYear.value !== null && entry.statusBy !== 'editor') {
        problems.push(
          warning(entry.file, `“${indicator.name}”上年有数值（${lastYear.value}），今年为空。`, {
            ...at,
            hint: '如该指标已不再统计，请在 status 列填写“不再统计”。',
          }),
        );
      }
    }
    if (edition.status === 'published') problems.push(...unjudgedWarnings(edition.entries));
    problems.push(...edition.entries.flatMap(longCellWarnings));
    const reported = new Set(edition.entries.map((e) => e.indicator.id));
    for (const last of previous?.entries.filter((e) => e.value !== null) ?? []) {
      if (!reported.has(last.indicator.id)) {
        problems.push(
          warning(edition.ledgerFile, `上年报告的指标“${last.indicator.name}”在今年的台账中没有记录。`, {
            hint: `如该指标已不再统计，请保留一行并在 status 列填写“不再统计”。`,
          }),
        );
      }
    }
  }
  return problems;
}

/** Published entries whose target has no verdict because nothing could judge it and the editor gave none. */
function unjudgedWarnings(entries: readonly Entry[]): Problem[] {
  return entries
    .filter((e) => e.target && e.status === 'not_assessed' && e.statusBy === 'computed' && e.value !== null)
    .map((e) => {
      const target = formatTarget(e.target, e.indicator);
      const why = isQualitative(e.target)
        ? `目标“${target}”没有可比的数字，系统无法判断是否完成`
        : e.target!.kind === 'base'
          ? `目标“${target}”要与 ${e.target!.base} 年比较，但台账中没有该年的数值`
          : `目标“${target}”要与上年比较，但台账中没有上年的数值`;
      return warning(e.file, `“${e.indicator.name}”：${why}，本版已发布，将显示为“未评估”。`, {
        line: e.line,
        column: 5,
        hint: '请在 status 列填写完成情况：已完成、未完成、推进中、不再统计或政策调整。',
      });
    });
}

function longCellWarnings(entry: Entry): Problem[] {
  const cells: Array<[number, string]> = [
    [3, typeof entry.value === 'string' ? entry.value : ''],
    [4, entry.target ? formatTarget(entry.target, entry.indicator) : ''],
  ];
  return cells
    .filter(([, text]) => [...text].length > LONG_CELL)
    .map(([column, text]) =>
      warning(
        entry.file,
        `“${entry.indicator.name}”的${column === 3 ? '值' : '目标'}有 ${[...text].length} 个字，超过 ${LONG_CELL} 个字。`,
        {
          line: entry.line,
          column,
          hint: '表格中长文字会挤占其他列。请在这里写简短的说法（例如“已创成”“基本建成”），说明放到 note 列。',
        },
      ),
    );
}
