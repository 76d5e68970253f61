import type { APIContext } from 'astro';

import { toExcelCsv } from '../../lib/publish/csv-export.ts';
import { indicatorSeries, RECORD_COLUMNS, recordRow, toRecord } from '../../lib/publish/open-data.ts';
import { getProject, ui } from '../../site.ts';

/** An indicator's series, each period as first published, in the columns of the data dictionary. */
export function getStaticPaths() {
  return getProject().publishedIndicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export function GET({ params }: APIContext) {
  const series = indicatorSeries(getProject(), params.id!);
  return new Response(
    toExcelCsv(
      RECORD_COLUMNS,
      series.map((p) => recordRow(toRecord(p.entry, ui))),
    ),
    { headers: { 'content-type': 'text/csv; charset=utf-8' } },
  );
}
