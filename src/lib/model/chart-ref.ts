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
