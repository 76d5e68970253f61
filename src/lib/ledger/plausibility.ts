import type { Project } from '../content/project.ts';
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
    for (const row of edition.rows.filter((r) => r.period === String(edition.year))) {
      const indicator = project.indicatorById.get(row.indicator)!;
      const at = { line: row.line, column: 3 };
      if (typeof row.value === 'number' && indicator.unit === '%' && (row.value > 100 || row.value < 0)) {
        problems.push(
          warning(row.file, `“${indicator.name}”的值 ${row.value} 超出了百分比的范围 0–100。`, {
            ...at,
            hint: '请确认单位：这里填百分数的数字部分，例如 98.6。',
          }),
        );
      }
      const entry = edition.entries.find((e) => e.indicator.id === row.indicator);
      const jump =
        typeof row.value === 'number' && typeof entry?.previous === 'number'
          ? jumpMessage(indicator.name, entry.previous, row.value, indicator.unit)
          : null;
      if (jump)
        problems.push(
          warning(row.file, jump, {
            ...at,
            hint: '变化较大，请核对是否录入有误（如小数点位置、单位）。确认无误可忽略此警告。',
          }),
        );
      const lastYear = previous?.rows.find((r) => r.indicator === row.indicator && r.period === String(previous.year));
      if (row.value === null && lastYear?.value !== null && lastYear?.value !== undefined && !row.editorStatus) {
        problems.push(
          warning(row.file, `“${indicator.name}”上年有数值（${lastYear.value}），今年为空。`, {
            ...at,
            hint: '如该指标已不再统计，请在 status 列填写“不再统计”。',
          }),
        );
      }
    }
    const reported = new Set(edition.rows.filter((r) => r.period === String(edition.year)).map((r) => r.indicator));
    for (const row of previous?.rows.filter((r) => r.period === String(previous.year) && r.value !== null) ?? []) {
      if (!reported.has(row.indicator)) {
        problems.push(
          warning(
            edition.ledgerFile,
            `上年报告的指标“${project.indicatorById.get(row.indicator)?.name ?? row.indicator}”在今年的台账中没有记录。`,
            { hint: `如该指标已不再统计，请保留一行并在 status 列填写“不再统计”。` },
          ),
        );
      }
    }
  }
  return problems;
}
