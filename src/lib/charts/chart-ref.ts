import type { Edition, Project } from '../content/project.ts';

/** Chart usages editors can write: <Chart kind="trend" id="…"/>, <Chart kind="domains"/>, <Chart kind="compare" ids="a,b"/>, <Chart kind="custom" spec="…" title="…"/>. */
export type ChartRef =
  | { kind: 'trend'; id: string }
  | { kind: 'domains' }
  | { kind: 'compare'; ids: string[] }
  | { kind: 'custom'; spec: string; title: string };

/** Stable, URL-safe key of a chart within an edition: names its CSV download. */
export const chartKey = (ref: ChartRef): string =>
  ref.kind === 'trend'
    ? `trend-${ref.id}`
    : ref.kind === 'compare'
      ? `compare-${ref.ids.join('-')}`
      : ref.kind === 'custom'
        ? `custom-${ref.spec.replace(/\.(vl\.)?json$/, '').replace(/[^a-z0-9-]+/gi, '-')}`
        : 'domains';

/** The charts an edition overview shows besides those in its chapters. */
export const EDITION_CHARTS: ChartRef[] = [{ kind: 'domains' }];

/** Every chart drawn for an edition: overview, chapters, and (latest edition) the indicator pages' trends. */
export function editionChartRefs(project: Project, edition: Edition): ChartRef[] {
  const isLatest = project.editions.at(-1) === edition;
  const trends: ChartRef[] = isLatest
    ? project.indicators.filter((i) => i.type === 'number').map((i) => ({ kind: 'trend', id: i.id }))
    : [];
  const refs = [...EDITION_CHARTS, ...edition.chapters.flatMap((c) => c.charts), ...trends];
  return [...new Map(refs.map((ref) => [chartKey(ref), ref])).values()];
}
