import { type ChartWarning, renderChartSvg } from '../charts/chart-svg.ts';
import { buildChart, EDITION_CHARTS, editionChartRefs } from '../charts/charts.ts';
import { phoneChart, printChart } from '../charts/phone-chart.ts';
import { chartKey, type ChartRef } from '../model/chart-ref.ts';
import { formatDate } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import type { Messages } from '../site/messages/index.ts';
import { paths, siteAddress } from '../site/urls.ts';
import { chartPicture, type PictureDesign } from './chart-picture.ts';
import { type DigestChart, digestPicture } from './digest-picture.ts';
import { editionDigest } from './edition-digest.ts';
import type { PictureSource } from './picture-frame.ts';
import { shareCard } from './share-card.ts';

/**
 * The pictures of an edition, by name (`paths.picture`): each chart's `<key>` (tall) and `<key>.wide`, the
 * 一图读懂 `digest` and the link-preview `card`. No chart key contains a dot or is `digest` or `card`.
 */
export type Picture =
  | { name: string; kind: 'chart'; ref: ChartRef; design: PictureDesign }
  | { name: 'digest'; kind: 'digest' }
  | { name: 'card'; kind: 'card' };

export const chartPictureName = (key: string, design: PictureDesign): string =>
  design === 'tall' ? key : `${key}.wide`;

/**
 * Indicator pages' charts get pictures while a site publishes at most this many indicators: a plan has 30–60,
 * and each picture costs ~0.1 s of a core to draw, so a 10,000-indicator site would spend over half an hour on
 * pictures of pages nobody forwards. Above it, the charts of the report (edition page, chapters, breakdowns)
 * and the 一图读懂 still get theirs.
 */
export const INDICATOR_PICTURES_LIMIT = 100;

/**
 * The tallest chart (its phone design's height in px, drawn 3.375 times as large in the tall picture) that gets
 * pictures: 60 rows of a row chart, a picture of about 6,500 px. A breakdown of 200 product categories made a
 * tall picture of 26,623 px and a "slide" of 1920 × 19,395 px, which no one can share or show (and which took
 * 150 MB of memory each to draw); its page still shows the whole chart, and its data is downloadable.
 */
export const PICTURE_CHART_HEIGHT_LIMIT = 1800;

/**
 * The charts of an edition that get pictures: all of them, or above the limit those of the report; none taller
 * than PICTURE_CHART_HEIGHT_LIMIT.
 */
export function pictureChartRefs(project: Project, edition: Edition): ChartRef[] {
  const inChapters = new Set(edition.chapters.flatMap((c) => c.charts.map(chartKey)));
  const manyIndicators = project.publishedIndicators.length > INDICATOR_PICTURES_LIMIT;
  return editionChartRefs(project, edition).filter(
    (ref) =>
      !(manyIndicators && (ref.kind === 'trend' || ref.kind === 'breakdown-years') && !inChapters.has(chartKey(ref))) &&
      !tooTall(buildChart(project, edition, ref, edition.customSpecs).spec),
  );
}

const tooTall = (spec: object): boolean => {
  const { height } = phoneChart(spec as Parameters<typeof phoneChart>[0]) as { height?: unknown };
  return typeof height === 'number' && height > PICTURE_CHART_HEIGHT_LIMIT;
};

const withPictures = new WeakMap<Edition, Set<string>>();
/** Whether a chart of an edition has pictures (its figure links them). */
export function hasPictures(project: Project, edition: Edition, key: string): boolean {
  let keys = withPictures.get(edition);
  if (!keys) withPictures.set(edition, (keys = new Set(pictureChartRefs(project, edition).map(chartKey))));
  return keys.has(key);
}

export function editionPictures(project: Project, edition: Edition): Picture[] {
  const charts = pictureChartRefs(project, edition).flatMap((ref) =>
    (['tall', 'wide'] as const).map((design) => ({
      name: chartPictureName(chartKey(ref), design),
      kind: 'chart' as const,
      ref,
      design,
    })),
  );
  return [...charts, { name: 'digest', kind: 'digest' }, { name: 'card', kind: 'card' }];
}

/**
 * The page a chart's picture links to (and its QR code encodes): the chapter that shows it, at the chart; an
 * indicator's page for its trend and breakdowns; else the edition's page, at the chart.
 */
export function chartHome(project: Project, edition: Edition, ref: ChartRef): string {
  const key = chartKey(ref);
  const chapter = edition.chapters.find((c) => c.charts.some((r) => chartKey(r) === key));
  if (chapter) return `${paths.chapter(edition.year, chapter.slug)}#chart-${key}`;
  if (ref.kind === 'trend') return paths.indicator(ref.id);
  if (ref.kind === 'breakdown' || ref.kind === 'breakdown-years') {
    const indicator = project.breakdowns.find((b) => b.id === ref.id)?.indicator;
    if (indicator) return paths.indicator(indicator);
  }
  return EDITION_CHARTS.some((r) => chartKey(r) === key)
    ? `${paths.edition(edition.year)}#chart-${key}`
    : paths.edition(edition.year);
}

/**
 * The pictures each page shows or offers, by the page's site path (for the sitemap's images): a chart's two
 * pictures on the page that shows it, the 一图读懂 on its page and the edition's.
 */
export function picturesByPage(project: Project): Map<string, string[]> {
  const pages = new Map<string, string[]>();
  const add = (page: string, ...pictures: string[]) => pages.set(page, [...(pages.get(page) ?? []), ...pictures]);
  for (const edition of project.editions) {
    for (const ref of pictureChartRefs(project, edition)) {
      const key = chartKey(ref);
      add(
        chartHome(project, edition, ref).replace(/#.*$/, ''),
        ...(['tall', 'wide'] as const).map((design) =>
          paths.picture(edition.year, chartPictureName(key, design), 'png'),
        ),
      );
    }
    const digest = paths.picture(edition.year, 'digest', 'png');
    add(paths.edition(edition.year), digest);
    add(paths.digest(edition.year), digest);
  }
  return pages;
}

/** The foot of every picture of an edition: source, date, the page's address and the note. */
function pictureSource(project: Project, edition: Edition, path: string, m: Messages): PictureSource {
  const { site } = project;
  return {
    source: m.share.source(site.agency, edition.title),
    published: `${site.siteTitle} · ${m.share.published(formatDate(edition.published, m))}`,
    link: siteAddress(site, path),
    scan: m.share.scan,
    note: m.share.sameFigures,
  };
}

/** A picture's SVG, as the site serves it and as it is drawn to PNG. */
export async function pictureSvg(
  project: Project,
  edition: Edition,
  picture: Picture,
  m: Messages,
  warn: (title: string) => ChartWarning,
): Promise<string> {
  const digest = () => editionDigest(project, edition, m);
  switch (picture.kind) {
    case 'chart': {
      const model = buildChart(project, edition, picture.ref, edition.customSpecs);
      const spec = picture.design === 'tall' ? phoneChart(model.spec) : model.spec;
      const svg = await renderChartSvg(spec, warn(model.title));
      const at = pictureSource(project, edition, chartHome(project, edition, picture.ref), m);
      const kicker = `${project.site.siteTitle} · ${m.editionLabel(edition.year)}`;
      return chartPicture({ title: model.title, summary: model.summary, kicker, at }, svg, picture.design);
    }
    case 'digest': {
      const d = digest();
      const charts = new Map<string, DigestChart>();
      for (const domain of d.domains) {
        if (!domain.chart) continue;
        const model = buildChart(project, edition, domain.chart, edition.customSpecs);
        // The PDF's design: the phone's, with a lower plot, so six domains' charts keep the long image readable.
        charts.set(domain.name, {
          title: model.title,
          svg: await renderChartSvg(printChart(model.spec), warn(model.title)),
        });
      }
      const headings = {
        label: m.share.digest,
        headline: m.share.headline,
        completion: m.share.completion,
        completionRateNote: m.share.completionRateNote,
        plan: m.share.plan,
      };
      return digestPicture(d, headings, charts, pictureSource(project, edition, d.path, m));
    }
    case 'card':
      return shareCard(digest(), m.share.digest);
  }
}
