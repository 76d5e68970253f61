import { parseCsvTable } from '../content/csv-table.ts';
import { unknownIdMessage, type Indicator } from './indicator.ts';
import { error, type Problem } from '../content/problems.ts';
import { parseEditorStatus, STATUSES, type Status } from './status.ts';
import { statusLabel } from '../site/messages/index.ts';
import { parseTarget, writtenUnits, type Target, type TargetProblem } from './target.ts';
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
    const at = (col: string, hint?: string) => ({ line: row.line, column: row.columnOf(col), hint });
    const errorsBefore = problems.filter((p) => p.severity === 'error').length;
    const indicator = catalogue.get(c.indicator!);
    if (!indicator) {
      const { message, hint } = unknownIdMessage(c.indicator!, catalogue.keys());
      problems.push(error(file, message, at('indicator', hint)));
    }
    if (!PERIOD.test(c.period!))
      problems.push(error(file, `统计期（period）“${c.period}”无效。`, at('period', '填写四位年份，例如 2024。')));
    const key = `${c.indicator}|${c.period}`;
    if (seen.has(key)) {
      problems.push(
        error(
          file,
          `重复的记录：指标“${c.indicator}”在 ${c.period} 年已有一行（第 ${seen.get(key)} 行）。`,
          at('indicator', '每个指标每年只能有一行，请删除或合并重复行。'),
        ),
      );
    } else seen.set(key, row.line);

    const value = parseValue(c.value!, indicator);
    if (value !== null && typeof value === 'object' && 'message' in value)
      problems.push(error(file, value.message, at('value', value.hint)));
    const targetParse = parseTarget(c.target!);
    if (!targetParse.ok)
      problems.push(
        error(file, TARGET_PROBLEMS[targetParse.problem](targetParse.text), at('target', TARGET_GRAMMAR_HINT)),
      );
    const target = targetParse.ok ? targetParse.target : null;
    for (const unit of target && indicator ? writtenUnits(target) : []) {
      const problem = unitProblem(unit, indicator!, `目标“${target!.text}”`);
      if (problem) problems.push({ ...problem, file, ...at('target', problem.hint) });
    }
    const editorStatus = parseEditorStatus(c.status ?? '');
    if (editorStatus === undefined) {
      problems.push(
        error(
          file,
          `完成情况（status）“${c.status}”无效。`,
          at('status', `填写 ${STATUSES.map((s) => statusLabel(s)).join('、')} 之一，或留空由系统根据目标计算。`),
        ),
      );
    }
    const valueUnit = value !== null && typeof value === 'object' && 'unit' in value ? value.unit : null;
    const unitOfValue = valueUnit && indicator ? unitProblem(valueUnit, indicator, `值“${c.value!.trim()}”`) : null;
    if (unitOfValue) problems.push({ ...unitOfValue, file, ...at('value', unitOfValue.hint) });
    if (problems.filter((p) => p.severity === 'error').length > errorsBefore || !indicator) continue;
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
  if (parsed && parsed.unit === null) return parsed.value;
  if (parsed) return { value: parsed.value, unit: parsed.unit! };
  const unit = indicator?.unit ? `单位“${indicator.unit}”已在指标目录中定义，` : '';
  let hint = `${unit}这里只填数字，例如 98.6；没有数据请留空。`;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) hint = `请去掉千位分隔符，写成 ${text.replaceAll(',', '')}。`;
  return { message: `值“${text}”不是数字${indicator ? `（指标“${indicator.name}”是数值型指标）` : ''}。`, hint };
}

/** A unit written in a cell that is not the indicator's: an error (`10.9%` on an indicator counted in 件). */
function unitProblem(written: string, indicator: Indicator, what: string): Omit<Problem, 'file'> | null {
  if (indicator.unit === '')
    return {
      severity: 'warning',
      message: `${what}写了单位“${written}”，但指标“${indicator.name}”在指标目录中没有单位。`,
      hint: `请在 data/indicators.csv 的 unit 列为该指标填写“${written}”，页面才会显示单位。`,
    };
  if (unitAgrees(written, indicator.unit)) return null;
  return {
    severity: 'error',
    message: `${what}的单位“${written}”与指标“${indicator.name}”的单位“${indicator.unit}”不一致。`,
    hint: `指标目录 data/indicators.csv 中该指标的单位是“${indicator.unit}”。单位可以不写；写了须一致。如单位确实变了，请改指标目录或新设指标。`,
  };
}

const TARGET_PROBLEMS: Record<TargetProblem, (text: string) => string> = {
  no_number: (text) => `目标“${text}”有比较符号，但缺少数字。`,
  conflict: (text) => `目标“${text}”的写法自相矛盾（例如同时写了“不低于”和“以下”）。`,
  reversed_range: (text) => `目标区间“${text}”的下限大于上限。`,
  unreadable: (text) => `无法识别的目标“${text}”。`,
};

const TARGET_GRAMMAR_HINT =
  '按规划原文填写即可，例如 ≥96、95%以上、5个以上、不低于98%、不超过25、30%以内、达到100%、90-95（区间）、新增5个以上、在2020年基础上下降15%、稳步下降、≥57.5（“十四五”均值）；以上、以下、以内包含本数，超过、低于、不足不包含本数。没有数字的目标（如 基本建成、完成上级下达任务）是定性目标，请在 status 列填写完成情况。';
