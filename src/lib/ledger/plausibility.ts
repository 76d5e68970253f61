import type { Project } from '../content/project.ts';
import { entryOf } from './evaluation.ts';
import { warning, type Problem } from '../content/problems.ts';

/** Year-on-year moves flagged for a second look: percentages by points, other values relatively. */
export const JUMP_POINTS = 10;
export const JUMP_RATIO = 0.5;
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
