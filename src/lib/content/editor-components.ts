import type { ChartRef } from '../charts/chart-ref.ts';

/**
 * The components editors may use in chapters: one definition of each component's attributes, read by
 * `npm run check` (mdx-chapter.ts, with located errors) and by the components when they render.
 */
export const EDITOR_COMPONENTS: Record<string, { required: string[]; optional: string[] }> = {
  Value: { required: ['id'], optional: ['period'] },
  Change: { required: ['id'], optional: [] },
  Target: { required: ['id'], optional: [] },
  IndicatorTable: { required: [], optional: ['domain', 'ids'] },
  StatusSummary: { required: [], optional: [] },
  Chart: { required: ['kind'], optional: ['id', 'ids', 'spec', 'title'] },
};

export const CHART_KINDS = ['trend', 'domains', 'compare', 'custom'] as const;

/** The attributes of <Chart> as written (all strings). */
export interface ChartAttributes {
  kind?: string;
  id?: string;
  ids?: string;
  spec?: string;
  title?: string;
}

const CHART_USAGE =
  '例如 <Chart kind="trend" id="…" />、<Chart kind="domains" />、<Chart kind="compare" ids="a,b" />、<Chart kind="custom" spec="图表.vl.json" title="…" />。';

/** An id list as editors write it: commas (half- or full-width) or spaces. */
export const splitIds = (ids: string | undefined): string[] => ids?.split(/[,，\s]+/).filter(Boolean) ?? [];

/** The chart an editor asked for, or what is wrong with the attributes (the catalogue is checked elsewhere). */
export function chartRefOf(attrs: ChartAttributes): { ref: ChartRef } | { message: string; hint: string } {
  const kind = attrs.kind as (typeof CHART_KINDS)[number];
  if (!CHART_KINDS.includes(kind)) {
    return {
      message: `<Chart> 的 kind “${attrs.kind}”无效。`,
      hint: `可选：trend（趋势）、domains（各领域完成情况）、compare（与上年对比）、custom（自定义 Vega-Lite）。${CHART_USAGE}`,
    };
  }
  if (kind === 'trend') {
    if (!attrs.id) return { message: '<Chart kind="trend"> 需要 id 属性（指标编号）。', hint: CHART_USAGE };
    return { ref: { kind, id: attrs.id } };
  }
  if (kind === 'compare') {
    const ids = splitIds(attrs.ids);
    if (ids.length === 0)
      return { message: '<Chart kind="compare"> 需要 ids 属性（逗号分隔的指标编号）。', hint: CHART_USAGE };
    return { ref: { kind, ids } };
  }
  if (kind === 'custom') {
    if (!attrs.spec || !attrs.title)
      return {
        message: '<Chart kind="custom"> 需要 spec（同目录下的 .vl.json 文件名）和 title 属性。',
        hint: CHART_USAGE,
      };
    return { ref: { kind, spec: attrs.spec, title: attrs.title } };
  }
  return { ref: { kind: 'domains' } };
}
