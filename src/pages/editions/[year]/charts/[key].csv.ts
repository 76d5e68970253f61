import type { APIContext } from 'astro';
import { buildChart, chartKey, EDITION_CHARTS } from '../../../../lib/charts.ts';
import { toExcelCsv } from '../../../../lib/csv-export.ts';
import { getProject } from '../../../../site.ts';

/** “下载数据 (CSV)” of every chart: exactly the rows the chart draws. */
export function getStaticPaths() {
  const project = getProject();
  return project.editions.flatMap((edition) => {
    const usages = [
      ...EDITION_CHARTS.map((ref) => ({ ref, customSpecs: {} })),
      ...edition.chapters.flatMap((c) => c.charts.map((ref) => ({ ref, customSpecs: c.customSpecs }))),
    ];
    const unique = new Map(usages.map((u) => [chartKey(u.ref), u]));
    return [...unique].map(([key, { ref, customSpecs }]) => ({
      params: { year: String(edition.year), key },
      props: { chart: buildChart(project, edition, ref, customSpecs) },
    }));
  });
}

export function GET({ props }: APIContext) {
  const { chart } = props as { chart: ReturnType<typeof buildChart> };
  return new Response(toExcelCsv(chart.table.columns, chart.table.rows), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
