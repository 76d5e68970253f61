import type { APIContext } from 'astro';

import { printChartWarning } from '../../../../lib/charts/chart-svg.ts';
import type { Edition } from '../../../../lib/model/project.ts';
import { editionPictures, type Picture, pictureSvg } from '../../../../lib/share/pictures.ts';
import { getProject, ui } from '../../../../site.ts';

/**
 * The pictures to share, as SVG: every chart (tall and wide), the 一图读懂 and the link-preview card. The build's
 * share-pictures step draws each as a PNG beside it (src/integrations/share-pictures.ts).
 */
export function getStaticPaths() {
  const project = getProject();
  return project.editions.flatMap((edition) =>
    editionPictures(project, edition).map((picture) => ({
      params: { year: String(edition.year), name: picture.name },
      props: { edition, picture },
    })),
  );
}

export async function GET({ props }: APIContext) {
  const { edition, picture } = props as { edition: Edition; picture: Picture };
  const svg = await pictureSvg(getProject(), edition, picture, ui, (title) => printChartWarning(title, edition.year));
  return new Response(svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
}
