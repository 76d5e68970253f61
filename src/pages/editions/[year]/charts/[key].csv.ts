import type { APIContext } from 'astro';

import { buildChart, editionChartRefs } from '../../../../lib/charts/charts.ts';
import { chartKey } from '../../../../lib/model/chart-ref.ts';
import { toExcelCsv } from '../../../../lib/publish/csv-export.ts';
import { getProject } from '../../../../site.ts';

/** “下载数据 (CSV)” of every chart: exactly the rows the chart draws. */
export function getStaticPaths() {
  const project = getProject();
  return project.editions.flatMap((edition) => {
    return editionChartRefs(project, edition).map((ref) => ({
      params: { year: String(edition.year), key: chartKey(ref) },
      props: { chart: buildChart(project, edition, ref, edition.customSpecs) },
    }));
  });
}

export function GET({ props }: APIContext) {
  const { chart } = props as { chart: ReturnType<typeof buildChart> };
  return new Response(toExcelCsv(chart.table.columns, chart.table.rows), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}
