import type { APIContext } from 'astro';
import { buildChart, chartKey, EDITION_CHARTS } from '../../../../lib/charts.ts';
import { toExcelCsv } from '../../../../lib/csv-export.ts';
import { getProject } from '../../../../site.ts';

/** “下载数据 (CSV)” of every chart: exactly the rows the chart draws. */
export function getStaticPaths() {
  const project = getProject();
  return project.editions.flatMap((edition) => {
    const refs = [...EDITION_CHARTS, ...edition.chapters.flatMap((c) => c.charts)];
    const unique = new Map(refs.map((ref) => [chartKey(ref), ref]));
    return [...unique].map(([key, ref]) => ({
      params: { year: String(edition.year), key },
      props: { chart: buildChart(project, edition, ref, edition.customSpecs) },
    }));
  });
}

export function GET({ props }: APIContext) {
  const { chart } = props as { chart: ReturnType<typeof buildChart> };
  return new Response(toExcelCsv(chart.table.columns, chart.table.rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
