import { embedChart } from './embedded-chart.ts';
import { INK, MUTED, pictureFoot, pictureRoot, type PictureSource, SIZES } from './picture-frame.ts';
import { blockHeight, textLines, wrapText } from './svg-text.ts';

/** What a chart's picture says besides the chart: the figure's own title and summary, and where it is from. */
export interface ChartPictureText {
  title: string;
  summary: string;
  /** “洞头区质量状况白皮书 · 2020年版”: above the title, so a forwarded picture names its report first. */
  kicker: string;
  at: PictureSource;
}

/** The two designs: `tall` for phones and 公众号 articles (1080 px wide), `wide` for slides (1920 × 1080 or taller). */
export type PictureDesign = 'tall' | 'wide';

export const PICTURE_WIDTH: Record<PictureDesign, number> = { tall: 1080, wide: 1920 };

const MARGIN = 72;
/** The desktop design's smallest text is 11 px: scaled by this it is 24 px. */
const MIN_SCALE = 24 / 11;

const chartSize = (svg: string): [number, number] => {
  const viewBox = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  return viewBox ? [Number(viewBox[1]), Number(viewBox[2])] : [1, 0.6];
};

/**
 * A chart as a picture that stands alone: kicker, title, summary, the chart (the phone design for `tall`,
 * the desktop one for `wide`, as rendered for the pages), then source, date, link and QR code.
 */
export function chartPicture(text: ChartPictureText, chartSvg: string, design: PictureDesign): string {
  return design === 'tall' ? tallPicture(text, chartSvg) : widePicture(text, chartSvg);
}

function tallPicture(text: ChartPictureText, chartSvg: string): string {
  const width = PICTURE_WIDTH.tall;
  const inner = width - 2 * MARGIN;
  const heading = pictureHeading(text, MARGIN, inner, { between: 16, after: 32 });
  const parts = [heading.svg];
  let y = heading.bottom;
  const chart = embedChart(chartSvg, MARGIN, y, inner, 'chart');
  parts.push(chart.svg);
  y += chart.height + 40;
  const foot = pictureFoot(text.at, MARGIN, y, inner);
  parts.push(foot.svg);
  return pictureRoot(width, y + foot.height + MARGIN / 2, text.title, text.summary, parts.join(''));
}

/**
 * Kicker, title and summary, one under another in a column `width` wide at `x` from the top margin, `between` px
 * apart and `after` px above what follows: both designs open so. Returns the markup and where the next part starts.
 */
function pictureHeading(
  text: ChartPictureText,
  x: number,
  width: number,
  gaps: { between: number; after: number },
): { svg: string; bottom: number } {
  const blocks = [
    { content: text.kicker, style: { size: SIZES.small, fill: MUTED }, gap: gaps.between },
    { content: text.title, style: { size: SIZES.title, fill: INK, weight: 'bold' as const }, gap: gaps.between },
    { content: text.summary, style: { size: SIZES.body, fill: INK }, gap: gaps.after },
  ];
  let y = MARGIN;
  const svg = blocks.map(({ content, style, gap }) => {
    const lines = wrapText(content, style.size, width);
    const markup = textLines(lines, x, y + style.size, style);
    y += blockHeight(lines.length, style.size) + gap;
    return markup;
  });
  return { svg: svg.join(''), bottom: y };
}

/** 16:9 for a slide: the chart on the left two thirds, title, summary and the foot's QR code on the right. */
function widePicture(text: ChartPictureText, chartSvg: string): string {
  const width = PICTURE_WIDTH.wide;
  const side = 560;
  const chartWidth = width - 3 * MARGIN - side;
  const sideX = width - MARGIN - side;
  const heading = pictureHeading(text, sideX, side, { between: 20, after: 40 });
  const foot = pictureFoot(text.at, sideX, heading.bottom, side);
  const parts = [heading.svg, foot.svg];
  const sideHeight = heading.bottom + foot.height;
  // The chart as large as the left column allows and no taller than a 16:9 slide, unless its text would then
  // fall under 24 px (a breakdown of many rows): then the picture grows taller instead.
  const [w, h] = chartSize(chartSvg);
  const room = Math.max(1080, sideHeight + MARGIN) - 2 * MARGIN;
  const fitted = Math.min(chartWidth, Math.max((room * w) / h, w * MIN_SCALE));
  const chart = embedChart(chartSvg, MARGIN + (chartWidth - fitted) / 2, MARGIN, fitted, 'chart');
  parts.push(chart.svg);
  const height = Math.max(1080, sideHeight + MARGIN, chart.height + 2 * MARGIN);
  return pictureRoot(width, height, text.title, text.summary, parts.join(''));
}
