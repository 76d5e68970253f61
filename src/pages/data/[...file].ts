import type { APIContext } from 'astro';

import type { DataFile } from '../../lib/publish/downloads.ts';
import { getDataFiles } from '../../site.ts';

/** Every download of /data/ (CSV with and without BOM, XLSX, JSON, datapackage.json). */
export async function getStaticPaths() {
  return (await getDataFiles()).map((file) => ({ params: { file: file.name }, props: { file } }));
}

export function GET({ props }: APIContext) {
  const { file } = props as { file: DataFile };
  const type =
    file.format === 'json'
      ? 'application/json; charset=utf-8'
      : file.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : file.mediatype;
  return new Response(Buffer.from(file.bytes), { headers: { 'content-type': type } });
}
