import type { ChartRef } from '../charts/chart-ref.ts';
import { diagnostics } from '../site/messages/index.ts';

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

/** An id list as editors write it: commas (half- or full-width) or spaces. */
export const splitIds = (ids: string | undefined): string[] => ids?.split(/[,，\s]+/).filter(Boolean) ?? [];

/** The chart an editor asked for, or what is wrong with the attributes (the catalogue is checked elsewhere). */
export function chartRefOf(attrs: ChartAttributes): { ref: ChartRef } | { message: string; hint: string } {
  const d = diagnostics().mdx;
  const kind = attrs.kind as (typeof CHART_KINDS)[number];
  if (!CHART_KINDS.includes(kind)) return { message: d.badChartKind(attrs.kind), hint: d.chartKinds };
  if (kind === 'trend') {
    if (!attrs.id) return { message: d.trendNeedsId, hint: d.chartUsage };
    return { ref: { kind, id: attrs.id } };
  }
  if (kind === 'compare') {
    const ids = splitIds(attrs.ids);
    if (ids.length === 0)
      return { message: d.compareNeedsIds, hint: d.chartUsage };
    return { ref: { kind, ids } };
  }
  if (kind === 'custom') {
    if (!attrs.spec || !attrs.title)
      return { message: d.customNeedsSpec, hint: d.chartUsage };
    return { ref: { kind, spec: attrs.spec, title: attrs.title } };
  }
  return { ref: { kind: 'domains' } };
}
