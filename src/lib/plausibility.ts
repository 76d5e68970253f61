import type { Project } from './project.ts';
import { warning, type Problem } from './problems.ts';

/** Relative year-on-year change above which a value is flagged for a second look. */
export const JUMP_THRESHOLD = 0.3;

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
        problems.push(warning(row.file, `“${indicator.name}”的值 ${row.value} 超出了百分比的范围 0–100。`, { ...at, hint: '请确认单位：这里填百分数的数字部分，例如 98.6。' }));
      }
      const entry = edition.entries.find((e) => e.indicator.id === row.indicator);
      if (typeof row.value === 'number' && entry?.previous !== null && entry?.previous !== undefined && entry.previous !== 0) {
        const jump = Math.abs(row.value - entry.previous) / Math.abs(entry.previous);
        if (jump > JUMP_THRESHOLD) {
          problems.push(warning(row.file, `“${indicator.name}”从上年的 ${entry.previous} 变为 ${row.value}，变化 ${(jump * 100).toFixed(0)}%。`, { ...at, hint: '变化较大，请核对是否录入有误（如小数点位置、单位）。确认无误可忽略此警告。' }));
        }
      }
      const lastYear = previous?.rows.find((r) => r.indicator === row.indicator && r.period === String(previous.year));
      if (row.value === null && lastYear?.value !== null && lastYear?.value !== undefined && !row.editorStatus) {
        problems.push(warning(row.file, `“${indicator.name}”上年有数值（${lastYear.value}），今年为空。`, { ...at, hint: '如该指标已不再统计，请在 status 列填写“不再统计”。' }));
      }
    }
    const reported = new Set(edition.rows.filter((r) => r.period === String(edition.year)).map((r) => r.indicator));
    for (const row of previous?.rows.filter((r) => r.period === String(previous.year) && r.value !== null) ?? []) {
      if (!reported.has(row.indicator)) {
        problems.push(warning(edition.ledgerFile, `上年报告的指标“${project.indicatorById.get(row.indicator)?.name ?? row.indicator}”在今年的台账中没有记录。`, { hint: `如该指标已不再统计，请保留一行并在 status 列填写“不再统计”。` }));
      }
    }
  }
  return problems;
}
