import { chartKey, type ChartRef } from '../model/chart-ref.ts';
import type { Edition, Project } from '../model/project.ts';
import type { ChartModel } from './chart-model.ts';
import { comparisonChart } from './compare-chart.ts';
import { customChart } from './custom-chart.ts';
import { domainCompletionChart } from './domains-chart.ts';
import { trendChart } from './trend-chart.ts';

/**
 * Which chart an editor's or a page's `ChartRef` draws, and which charts an edition has. The builders live
 * one per kind (trend-chart, domains-chart, compare-chart, custom-chart), their look in chart-tokens.ts.
 */

/** The model of any chart usage; `customSpecs` are the chapter's spec files (for kind="custom"). */
export function buildChart(
  project: Project,
  edition: Edition,
  ref: ChartRef,
  customSpecs: Record<string, unknown> = {},
): ChartModel {
  switch (ref.kind) {
    case 'trend':
      return trendChart(project, edition, ref.id);
    case 'domains':
      return domainCompletionChart(project, edition);
    case 'compare':
      return comparisonChart(project, edition, ref.ids);
    case 'custom':
      return customChart(project, edition, ref, customSpecs[ref.spec]);
  }
}

/** The charts an edition overview shows besides those in its chapters. */
export const EDITION_CHARTS: ChartRef[] = [{ kind: 'domains' }];

/** Every chart drawn for an edition: overview, chapters, and (latest edition) the indicator pages' trends. */
export function editionChartRefs(project: Project, edition: Edition): ChartRef[] {
  const isLatest = project.editions.at(-1) === edition;
  const trends: ChartRef[] = isLatest
    ? project.publishedIndicators.filter((i) => i.type === 'number').map((i) => ({ kind: 'trend', id: i.id }))
    : [];
  const refs = [...EDITION_CHARTS, ...edition.chapters.flatMap((c) => c.charts), ...trends];
  return [...new Map(refs.map((ref) => [chartKey(ref), ref])).values()];
}
