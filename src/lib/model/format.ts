import type { Baseline } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { namesItsYears, type Plan, stageEnding } from '../ledger/plan.ts';
import type { Target } from '../ledger/target.ts';
import { countsThings } from '../ledger/unit.ts';
import type { Messages } from '../site/messages/index.ts';

export function formatNumber(value: number, decimals: number | null): string {
  const digits = decimals ?? Math.min(6, (String(value).split('.')[1] ?? '').length);
  return numberFormat(digits, Math.abs(value) >= 10000).format(value);
}

// toLocaleString builds a new Intl.NumberFormat on every call, which dominated large builds.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(digits: number, grouping: boolean): Intl.NumberFormat {
  const key = `${digits}|${grouping}`;
  let format = numberFormats.get(key);
  if (!format)
    numberFormats.set(
      key,
      (format = new Intl.NumberFormat('zh-CN', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: grouping,
      })),
    );
  return format;
}

/** “98.6%”, “35项”, “已建成”, or “—” when there is no value. */
export function formatValue(value: number | string | null | undefined, indicator: Indicator): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return `${formatNumber(value, indicator.decimals)}${indicator.unit}`;
}

/** A completion rate (0–1, `ledger/summary.ts#completionRate`) as a whole percentage, “86%”; “—” when none. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(0)}%`;
}

/** “提高0.4个百分点”, “增加3家”, “下降2.0微克/立方米”, “持平”: rounded as published, worded by the catalogue. */
export function formatChange(change: number | null, indicator: Indicator, m: Messages): string {
  if (change === null) return '—';
  const rounded = Number(change.toFixed(indicator.decimals ?? 2));
  if (rounded === 0) return m.change.none;
  const amount = formatNumber(Math.abs(rounded), indicator.decimals);
  return m.change.by(rounded > 0, amount, indicator.unit, countsThings(indicator.unit));
}

/** Signed short form for tables: “+0.4”, “−2”. */
export function formatSignedChange(change: number | null, indicator: Indicator): string {
  if (change === null) return '—';
  const rounded = Number(change.toFixed(indicator.decimals ?? 2));
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), indicator.decimals)}`;
}

/**
 * The one target writer, for pages, charts, the PDF, downloads, forms and new ledgers alike: the target
 * the way the plan wrote it, with the indicator's unit added after the number when none was written
 * (`≥96` → `≥96%`, `95以上` → `95%以上`) and the remark in brackets: `≥57.5%（“十四五”均值）`. It reads
 * back as the same target. “—” when there is none (a file writes its own empty cell instead).
 */
export function formatTarget(target: Target | null, indicator: Indicator): string {
  if (!target) return '—';
  const numeric = ['compare', 'reach', 'range', 'tiered'].includes(target.kind);
  const text =
    numeric && target.unit === null && indicator.unit
      ? target.text.replace(/(\d+(?:\.\d+)?)(?!.*\d)/, `$1${indicator.unit}`)
      : target.text;
  return target.remark ? `${text}（${target.remark}）` : text;
}

/**
 * The table cell class of a figure: `num` (right-aligned, kept on one line) for numbers and numeric
 * targets, `words` (wraps within a bounded width) for text values, qualitative targets and remarks, so
 * a long phrase never widens a table past the page or overprints its neighbours.
 */
export function figureClass(figure: Target | number | string | null): 'num' | 'words' {
  if (figure === null || typeof figure === 'number') return 'num';
  if (typeof figure === 'string') return 'words';
  return ['compare', 'reach', 'range'].includes(figure.kind) && !figure.remark ? 'num' : 'words';
}

/** ISO date → “2024年5月20日”. */
export function formatDate(iso: string, m: Messages): string {
  const [year, month, day] = iso.split('-').map(Number);
  return m.date(year!, month!, day!);
}

/**
 * What a reader needs to check a verdict on a target against a base (在2010年基础上下降15.2%): the base's
 * value and the limit it implies, “基数：2010年3.95万吨，即不高于3.3496万吨”, or that the ledger lacks the
 * base. The limit keeps every decimal it has (the evaluation's, up to 6): rounded to the indicator's decimals it could read
 * as met where the verdict is not (3.35 against ≤ 3.3496).
 */
export function formatBaseline(baseline: Baseline, indicator: Indicator, m: Messages): string {
  const period = baseline.period.replace('-', '—');
  if (baseline.value === null || baseline.limit === null) return m.baseline.missing(period);
  const limit = `${formatNumber(baseline.limit, null)}${indicator.unit}`;
  return m.baseline.text(period, formatValue(baseline.value, indicator), baseline.op, limit);
}

/**
 * Which plan an edition reports against and what its table therefore is: “本版对照《…》（2021—2025年）报告2025年规划
 * 目标的进度。” — the edition page's plan note and the 一图读懂 say it in these words.
 */
export function planNoteText(plan: Plan, year: number, m: Messages): string {
  const stage = stageEnding(plan, year);
  return (
    m.plan.reportsAgainst(plan.name, namesItsYears(plan) ? null : m.chart.planYears(plan.start, plan.end)) +
    (year === plan.end
      ? m.plan.finalYear
      : stage
        ? m.plan.stageEnds(stage.name, plan.end)
        : m.plan.middleYear(plan.end)) +
    m.chart.sentenceEnd
  );
}
