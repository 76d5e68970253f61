import type { Status } from '../ledger/status.ts';
import { STATUSES } from '../ledger/status.ts';
import type { Messages } from '../site/messages/index.ts';

/** The design tokens of every chart: font, shared Vega-Lite config, sizes, colours and status marks. */

export const CHART_FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

/** The look every chart shares (fonts, axes, legends), the site's and editors' custom charts alike. */
export const BASE_CONFIG = {
  font: CHART_FONT,
  view: { stroke: null },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titlePadding: 8,
    labelColor: '#32383f',
    titleColor: '#32383f',
    gridColor: '#e6e8eb',
  },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', titlePadding: 6 },
  title: { fontSize: 14, anchor: 'start' },
  // Value and target labels; the phone variant (phone-chart.ts) sets its own size.
  text: { fontSize: 11 },
} as const;

/** The Vega-Lite schema every built spec names. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Design width in CSS px; the inline SVG scales with its container (see site.css). */
export const CHART_WIDTH = 420;
export const TREND_HEIGHT = 200;

/**
 * Height of a chart with a row per domain or indicator, 30 px a row: a number, not Vega-Lite's
 * `{step: 30}` (the same height), because the phone design fits the width (autosize fit-x) and Vega-Lite
 * warns “Dropping fit-y” for any fit over a step height, fit-x included (vega/vega-lite#8579).
 */
export const rowsHeight = (rows: number) => 30 * rows;

/** Colours of marks that are not a status. */
export const COLOURS = {
  /** A trend's line of values; this year's dots in a comparison. */
  value: '#0b4f9c',
  /** Target lines and plan goals. */
  target: '#57606a',
  /** Last year's dots and the lines joining the two years in a comparison. */
  previous: '#8c959f',
  /** A plan's years behind a trend. */
  planBand: '#f3f4f6',
  /** A category under another in a breakdown (a 产品 under its 大类): lighter, still holding white text at 5.4:1. */
  childValue: '#2f6cb0',
  /** The latest value's label. */
  label: '#1f2328',
  /** Between the rows of a breakdown's small multiples. */
  rowRule: '#d0d7de',
  /** Between the stacked status bars. */
  barStroke: '#ffffff',
  /** A figure written inside its bar (on `value` and `childValue` alike, at least 5.4:1). */
  onBar: '#ffffff',
} as const;

/** Colours pass 3:1 against white; status is also given by shape and text (never colour alone). */
export const STATUS_COLOURS: Record<Status, string> = {
  met: '#1a7f37',
  not_met: '#cf222e',
  in_progress: '#0969da',
  discontinued: '#6e7781',
  policy_changed: '#8250df',
  not_assessed: '#9a6700',
};
export const STATUS_SHAPES: Record<Status, string> = {
  met: 'circle',
  not_met: 'cross',
  in_progress: 'triangle-right',
  discontinued: 'square',
  policy_changed: 'diamond',
  not_assessed: 'triangle-up',
};

/** Legend scales over the statuses present, in display order, labelled in the site's language. */
export function statusScale(
  present: readonly Status[],
  range: Record<Status, string>,
  m: Messages,
): { domain: string[]; range: string[] } {
  const shown = STATUSES.filter((s) => present.includes(s));
  return { domain: shown.map((s) => m.status[s]), range: shown.map((s) => range[s]) };
}
