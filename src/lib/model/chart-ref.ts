/**
 * Charts editors and pages ask for: <Chart kind="trend" id="…"/>, <Chart kind="domains"/>, <Chart kind="compare"
 * ids="a,b"/>, <Chart kind="custom" spec="…" title="…"/>; a breakdown's chart, <Breakdown id="…" measure="…"/>;
 * and, on an indicator page, a breakdown's categories over the years.
 */
export type ChartRef =
  | { kind: 'trend'; id: string }
  | { kind: 'domains' }
  | { kind: 'compare'; ids: string[] }
  | { kind: 'custom'; spec: string; title: string }
  | { kind: 'breakdown'; id: string; measure?: string }
  | { kind: 'breakdown-years'; id: string };

/** Stable, URL-safe key of a chart within an edition: names its CSV download. */
export const chartKey = (ref: ChartRef): string => {
  switch (ref.kind) {
    case 'trend':
      return `trend-${ref.id}`;
    case 'compare':
      return `compare-${ref.ids.join('-')}`;
    case 'custom':
      return `custom-${ref.spec.replace(/\.(vl\.)?json$/, '').replace(/[^a-z0-9-]+/gi, '-')}`;
    case 'breakdown':
      return `breakdown-${ref.id}${ref.measure ? `-${ref.measure}` : ''}`;
    // Ids are lowercase letters, digits and underscores: no breakdown key (breakdown-…) can be this one.
    case 'breakdown-years':
      return `years-${ref.id}`;
    case 'domains':
      return 'domains';
  }
};
