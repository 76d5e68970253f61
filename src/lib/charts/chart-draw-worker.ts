import type { TopLevelSpec } from 'vega-lite';

import type { RenderedChart } from './chart-cache.ts';
import { drawChart } from './chart-svg.ts';

/** A chart drawn in a worker thread of the build (chart-svg.ts `drawChartsInThreads`). */
export default function drawChartInThread(spec: TopLevelSpec): Promise<RenderedChart> {
  return drawChart(spec);
}
