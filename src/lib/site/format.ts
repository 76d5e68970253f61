import type { Indicator } from '../ledger/indicator.ts';
import type { Target } from '../ledger/target.ts';
import type { Messages } from './messages/index.ts';

export function formatNumber(value: number, decimals: number | null): string {
  const digits = decimals ?? Math.min(6, (String(value).split('.')[1] ?? '').length);
  return value.toLocaleString('zh-CN', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: Math.abs(value) >= 10000,
  });
}

/** “98.6%”, “35项”, “已建成”, or “—” when there is no value. */
export function formatValue(value: number | string | null | undefined, indicator: Indicator): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return `${formatNumber(value, indicator.decimals)}${indicator.unit}`;
}

/** “提高0.4个百分点”, “增加3家”, “下降2.0微克/立方米”, “持平”: rounded as published, worded by the catalogue. */
export function formatChange(change: number | null, indicator: Indicator, m: Messages): string {
  if (change === null) return '—';
  const rounded = Number(change.toFixed(indicator.decimals ?? 2));
  if (rounded === 0) return m.change.none;
  return m.change.by(rounded > 0, formatNumber(Math.abs(rounded), indicator.decimals), indicator.unit);
}

/** Signed short form for tables: “+0.4”, “−2”. */
export function formatSignedChange(change: number | null, indicator: Indicator): string {
  if (change === null) return '—';
  const rounded = Number(change.toFixed(indicator.decimals ?? 2));
  if (rounded === 0) return '0';
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), indicator.decimals)}`;
}

/** Target with its unit where it is numeric: “≥96%”, “90-95%”, “稳步下降”. */
export function formatTarget(target: Target | null, indicator: Indicator): string {
  if (!target) return '—';
  const text = target.text.replace(/\s*%$/, '').replace('>=', '≥').replace('<=', '≤');
  return target.kind === 'compare' || target.kind === 'reach' || target.kind === 'range'
    ? `${text}${indicator.unit}`
    : text;
}

/** ISO date → “2024年5月20日”. */
export function formatDate(iso: string, m: Messages): string {
  const [year, month, day] = iso.split('-').map(Number);
  return m.date(year!, month!, day!);
}

/** 1340000 → “1.3 MB”, 8200 → “8.0 KB”. */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
