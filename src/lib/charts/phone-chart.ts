import type { TopLevelSpec } from 'vega-lite';

/** The phone variant's whole width in CSS px, axes and legend included: about a 390 px screen's column. */
export const PHONE_CHART_WIDTH = 320;
/** Text size of the phone variant: drawn at about 1:1 on a phone, so at least 12 px on screen. */
export const PHONE_FONT_SIZE = 13;

/**
 * The same chart designed for a phone's column instead of the desktop one scaled down (which left its
 * text at 8-9 px): the whole chart fits PHONE_CHART_WIDTH, every text is PHONE_FONT_SIZE, fewer value
 * ticks, axis labels that would collide are dropped, the legend in one column under the plot.
 * Pure and small: the interactive chart (chart-embed.ts) applies it in the browser too.
 */
export function phoneChart(spec: TopLevelSpec): TopLevelSpec {
  const config = (spec as { config?: Record<string, object> }).config ?? {};
  const text = { labelFontSize: PHONE_FONT_SIZE, titleFontSize: PHONE_FONT_SIZE };
  return {
    ...spec,
    width: PHONE_CHART_WIDTH,
    autosize: { type: 'fit-x', contains: 'padding' },
    config: {
      ...config,
      axis: { ...config.axis, ...text, labelOverlap: true, titlePadding: 8 },
      axisY: { ...(config.axisY as object), tickCount: 4 },
      legend: {
        ...config.legend,
        ...text,
        orient: 'bottom',
        direction: 'vertical',
        columns: 1,
        labelLimit: 280,
        rowPadding: 6,
        titlePadding: 8,
      },
      title: { ...config.title, fontSize: PHONE_FONT_SIZE + 1 },
      text: { ...config.text, fontSize: PHONE_FONT_SIZE },
    },
  } as TopLevelSpec;
}

/** Plot height of a chart in the PDF: the column is narrow and a page holds about 250 mm of text. */
const PRINT_PLOT_HEIGHT = 130;

/**
 * The phone design with a lower plot, for the PDF's 110 mm chart column: its text prints at 12.7 pt, and
 * at the phone's plot height a chart took half a page, leaving pages mostly empty before the next one.
 * A chart with a row per domain or indicator (a discrete y) keeps its rows' height: lowered, its labels
 * and marks would crowd.
 */
export function printChart(spec: TopLevelSpec): TopLevelSpec {
  const phone = phoneChart(spec) as { height?: unknown; encoding?: { y?: { type?: unknown } } };
  const rows = phone.encoding?.y?.type === 'nominal' || phone.encoding?.y?.type === 'ordinal';
  return (
    typeof phone.height === 'number' && phone.height > PRINT_PLOT_HEIGHT && !rows
      ? { ...phone, height: PRINT_PLOT_HEIGHT }
      : phone
  ) as TopLevelSpec;
}
