import { parseCsvTable } from '../content/csv-table.ts';
import { unknownIdMessage, type Indicator } from './indicator.ts';
import { error, warning, type Problem } from '../content/problems.ts';
import { parseEditorStatus, STATUSES, type Status } from './status.ts';
import { statusLabel } from '../site/messages/index.ts';
import { parseTarget, TARGET_GRAMMAR_HINT, type Target } from './target.ts';

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
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d+)?|\.\d+)$/;

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
    const before = problems.length;
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
    if (typeof value === 'object' && value !== null) problems.push(error(file, value.message, at('value', value.hint)));
    const targetParse = parseTarget(c.target!);
    if (!targetParse.ok) problems.push(error(file, targetParse.message, at('target', TARGET_GRAMMAR_HINT)));
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
    if (problems.length > before || !indicator) continue;
    const target = targetParse.ok ? targetParse.target : null;
    if (target?.kind === 'qualitative' && !editorStatus) {
      problems.push(
        warning(
          file,
          `指标“${indicator.name}”的目标“${target.text}”是定性目标，系统无法自动判断，将显示为“未评估”。`,
          at('status', '请在 status 列填写 已完成 或 未完成。'),
        ),
      );
    }
    rows.push({
      indicator: indicator.id,
      period: c.period!,
      value: value as number | string | null,
      target,
      editorStatus: editorStatus ?? null,
      note: c.note ?? '',
      source: c.source ?? '',
      file,
      line: row.line,
    });
  }
  return { rows, problems };
}

type ValueProblem = { message: string; hint: string };

function parseValue(raw: string, indicator: Indicator | undefined): number | string | null | ValueProblem {
  const text = raw.trim();
  if (text === '' || text === '/' || text === '—') return null;
  if (indicator?.type === 'text') return text;
  if (PLAIN_NUMBER.test(text)) return Number(text);
  const unit = indicator?.unit ? `单位“${indicator.unit}”已在指标目录中定义，` : '';
  let hint = `${unit}这里只填数字，例如 98.6；没有数据请留空。`;
  if (/[０-９．]/.test(text)) hint = '值中含有全角数字或小数点，请改用半角（英文输入法）数字。';
  else if (/^[-+]?[\d.]+\s*%$/.test(text)) hint = `请去掉“%”，只填数字 ${text.replace(/\s*%$/, '')}。`;
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) hint = `请去掉千位分隔符，写成 ${text.replaceAll(',', '')}。`;
  return { message: `值“${text}”不是数字${indicator ? `（指标“${indicator.name}”是数值型指标）` : ''}。`, hint };
}
