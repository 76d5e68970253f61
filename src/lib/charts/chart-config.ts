/** The look every chart shares (fonts, axes, legends), the site's and editors' custom charts alike. */
export const CHART_FONT =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
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
