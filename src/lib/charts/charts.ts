import type { BreakdownDefinition } from '../ledger/breakdown.ts';
import { chartKey, type ChartRef } from '../model/chart-ref.ts';
import type { Edition, Project } from '../model/project.ts';
import { breakdownChart } from './breakdown-chart.ts';
import { breakdownTablesUpTo, breakdownYearsChart } from './breakdown-years.ts';
import type { ChartModel } from './chart-model.ts';
import { comparisonChart } from './compare-chart.ts';
import { customChart } from './custom-chart.ts';
import { domainCompletionChart } from './domains-chart.ts';
import { trendChart } from './trend-chart.ts';

/**
 * Which chart an editor's or a page's `ChartRef` draws, and which charts an edition has. The builders live
 * one per kind (trend-chart, domains-chart, compare-chart, custom-chart, breakdown-chart, breakdown-years),
 * their look in chart-tokens.ts.
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
    case 'breakdown':
      return breakdownChart(project, edition, ref.id, ref.measure);
    case 'breakdown-years':
      return breakdownYearsChart(project, edition, ref.id);
  }
}

/** The charts an edition overview shows besides those in its chapters. */
export const EDITION_CHARTS: ChartRef[] = [{ kind: 'domains' }];

/**
 * The breakdowns of an indicator, as its page lists them: each with the editions that published a table of it,
 * newest first, and whether there are years enough (two) for its categories' small multiples.
 */
export function indicatorBreakdowns(
  project: Project,
  indicatorId: string,
): Array<{ definition: BreakdownDefinition; editions: Edition[]; overYears: boolean }> {
  const latest = project.editions.at(-1);
  return project.breakdowns.flatMap((definition) => {
    const years = latest ? breakdownTablesUpTo(project, latest, definition.id).map((t) => t.year) : [];
    const editions = project.editions.filter((e) => years.includes(e.year)).toReversed();
    return definition.indicator === indicatorId && editions.length > 0
      ? [{ definition, editions, overYears: editions.length >= 2 }]
      : [];
  });
}

/**
 * Every chart drawn for an edition: overview, chapters, each of its breakdowns (the indicator pages list them
 * all), and (latest edition) the indicator pages' trends and breakdowns over the years.
 */
export function editionChartRefs(project: Project, edition: Edition): ChartRef[] {
  const isLatest = project.editions.at(-1) === edition;
  const indicators = isLatest ? project.publishedIndicators : [];
  const trends: ChartRef[] = indicators.filter((i) => i.type === 'number').map((i) => ({ kind: 'trend', id: i.id }));
  const breakdowns: ChartRef[] = edition.breakdowns.map((t) => ({ kind: 'breakdown', id: t.definition.id }));
  const overYears: ChartRef[] = indicators.flatMap((i) =>
    indicatorBreakdowns(project, i.id).flatMap((b) =>
      b.overYears ? [{ kind: 'breakdown-years' as const, id: b.definition.id }] : [],
    ),
  );
  const refs = [
    ...EDITION_CHARTS,
    ...edition.chapters.flatMap((c) => c.charts),
    ...breakdowns,
    ...trends,
    ...overYears,
  ];
  return [...new Map(refs.map((ref) => [chartKey(ref), ref])).values()];
}
