import type { APIContext } from 'astro';
import { toExcelCsv } from '../../lib/publish/csv-export.ts';
import { indicatorSeries, LEDGER_FIELDS, recordRow } from '../../lib/publish/open-data.ts';
import { getProject } from '../../site.ts';

/** An indicator's series, each period as first published, in the columns of the data dictionary. */
export function getStaticPaths() {
  return getProject().indicators.map((indicator) => ({ params: { id: indicator.id } }));
}

export function GET({ params }: APIContext) {
  const series = indicatorSeries(getProject(), params.id!);
  return new Response(
    toExcelCsv(
      LEDGER_FIELDS.map((f) => f.name),
      series.map((p) => recordRow(p.record)),
    ),
    { headers: { 'content-type': 'text/csv; charset=utf-8' } },
  );
}
