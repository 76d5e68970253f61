import { STATUS_COLOURS } from '../charts/chart-tokens.ts';
import type { DigestFigure, EditionDigest } from './edition-digest.ts';
import { embedChart } from './embedded-chart.ts';
import { ACCENT, INK, MUTED, pictureFoot, pictureRoot, type PictureSource, RULE, SIZES } from './picture-frame.ts';
import { blockHeight, textLines, wrapText } from './svg-text.ts';

/** A domain's chart as the 一图读懂 shows it: its title and its phone design as rendered for the pages. */
export interface DigestChart {
  title: string;
  svg: string;
}

/** Words of the long image besides the digest's own: its section headings. */
export interface DigestHeadings {
  label: string;
  headline: string;
  completion: string;
  completionRateNote: string;
  plan: string;
}

const WIDTH = 1080;
const MARGIN = 72;
const INNER = WIDTH - 2 * MARGIN;
const CARD = '#f3f6fa';

/**
 * The 一图读懂 long image of an edition, 1080 px wide: title band, headline figures, the status counts, each
 * domain's figures and chart, the plan's progress, and the foot with the QR code to the edition. Its text is
 * the digest's, the same words and numbers as the HTML page and the site.
 */
export function digestPicture(
  digest: EditionDigest,
  headings: DigestHeadings,
  charts: ReadonlyMap<string, DigestChart>,
  at: PictureSource,
): string {
  const parts: string[] = [];
  let y = 0;
  const text = (
    content: string,
    x: number,
    width: number,
    size: number,
    fill: string,
    weight: 'normal' | 'bold' = 'normal',
  ) => {
    const lines = wrapText(content, size, width);
    parts.push(textLines(lines, x, y + size, { size, fill, weight }));
    return blockHeight(lines.length, size);
  };

  // Title band: its text first, then the band's rectangle put under it.
  y = MARGIN;
  y += text(headings.label, MARGIN, INNER, SIZES.heading, '#ffffff', 'bold') + 20;
  y += text(digest.editionTitle, MARGIN, INNER, 56, '#ffffff', 'bold') + 20;
  y += text(digest.period, MARGIN, INNER, SIZES.body, '#dbe6f3') + 4;
  y += text(`${digest.agency} · ${digest.published}`, MARGIN, INNER, SIZES.body, '#dbe6f3') + MARGIN;
  parts.unshift(`<rect x="0" y="0" width="${WIDTH}" height="${y}" fill="${ACCENT}"/>`);
  y += 24;

  const heading = (title: string) => {
    y += 32;
    parts.push(`<rect x="${MARGIN}" y="${y + 4}" width="8" height="${SIZES.heading}" fill="${ACCENT}"/>`);
    y += text(title, MARGIN + 24, INNER - 24, SIZES.heading, INK, 'bold') + 24;
  };

  // Headline figures, two cards a row.
  if (digest.headline.length > 0) {
    heading(headings.headline);
    const gap = 24;
    const cardWidth = (INNER - gap) / 2;
    for (let i = 0; i < digest.headline.length; i += 2) {
      const row = digest.headline.slice(i, i + 2);
      const heights = row.map((f, j) => figureCard(f, MARGIN + j * (cardWidth + gap), y, cardWidth));
      const height = Math.max(...heights.map((c) => c.height));
      row.forEach((_, j) =>
        parts.push(
          `<rect x="${MARGIN + j * (cardWidth + gap)}" y="${y}" width="${cardWidth}" height="${height}" rx="12" fill="${CARD}"/>`,
          heights[j]!.svg,
        ),
      );
      y += height + gap;
    }
  }

  // The status counts as big numbers, up to four a row, then the sentence every page gives.
  heading(headings.completion);
  const perRow = digest.statusCounts.length <= 4 ? 4 : 3;
  const cell = INNER / perRow;
  digest.statusCounts.forEach((s, i) => {
    const x = MARGIN + (i % perRow) * cell;
    const top = y + Math.floor(i / perRow) * 150;
    parts.push(
      textLines([String(s.count)], x, top + 80, { size: 80, weight: 'bold', fill: STATUS_COLOURS[s.status] }),
      textLines([s.label], x, top + 130, { size: SIZES.body, fill: INK }),
    );
  });
  y += Math.ceil(digest.statusCounts.length / perRow) * 150 + 16;
  y += text(digest.completionText, MARGIN, INNER, SIZES.body, INK) + 12;
  if (digest.rateText) {
    y += text(digest.rateText, MARGIN, INNER, SIZES.lead, ACCENT, 'bold') + 8;
    y += text(headings.completionRateNote, MARGIN, INNER, SIZES.small, MUTED) + 8;
  }

  // Each domain: its counts, its figures, one chart.
  for (const domain of digest.domains) {
    heading(domain.name);
    y += text(domain.countsText, MARGIN, INNER, SIZES.body, MUTED) + 16;
    for (const f of domain.figures) {
      const row = figureRow(f, MARGIN, y, INNER);
      parts.push(row.svg);
      y += row.height;
      parts.push(`<line x1="${MARGIN}" y1="${y}" x2="${MARGIN + INNER}" y2="${y}" stroke="${RULE}" stroke-width="2"/>`);
      y += 16;
    }
    const chart = charts.get(domain.name);
    if (chart) {
      y += 16;
      y += text(chart.title, MARGIN, INNER, SIZES.body, INK, 'bold') + 12;
      const embedded = embedChart(chart.svg, MARGIN, y, INNER, `chart-${digest.domains.indexOf(domain)}`);
      parts.push(embedded.svg);
      y += embedded.height + 16;
    }
  }

  if (digest.plan) {
    heading(headings.plan);
    y += text(digest.plan.text, MARGIN, INNER, SIZES.body, INK) + 16;
    if (digest.plan.progress) y += text(digest.plan.progress, MARGIN, INNER, SIZES.body, ACCENT, 'bold') + 16;
  }

  y += 40;
  const foot = pictureFoot(at, MARGIN, y, INNER);
  parts.push(foot.svg);
  return pictureRoot(WIDTH, y + foot.height + MARGIN / 2, digest.title, digest.completionText, parts.join(''));
}

/** A headline figure's card: name, value, change, target and status; returns its markup and height. */
function figureCard(f: DigestFigure, x: number, y: number, width: number): { svg: string; height: number } {
  const pad = 28;
  const inner = width - 2 * pad;
  const parts: string[] = [];
  let top = y + pad;
  const line = (content: string, size: number, fill: string, weight: 'normal' | 'bold' = 'normal', gap = 10) => {
    const lines = wrapText(content, size, inner);
    parts.push(textLines(lines, x + pad, top + size, { size, fill, weight }));
    top += blockHeight(lines.length, size) + gap;
  };
  line(f.name, SIZES.body, INK);
  line(f.value, SIZES.figure, ACCENT, 'bold', 14);
  if (f.change) line(f.change, SIZES.small, MUTED);
  if (f.target) line(f.target, SIZES.small, MUTED);
  line(f.statusText, SIZES.small, STATUS_COLOURS[f.status], 'bold');
  return { svg: parts.join(''), height: top - y + pad - 10 };
}

/** A domain's figure as a row: name on the left, value on the right, change, target and status under them. */
function figureRow(f: DigestFigure, x: number, y: number, width: number): { svg: string; height: number } {
  const valueWidth = 300;
  const nameLines = wrapText(f.name, SIZES.body, width - valueWidth - 24);
  const valueLines = wrapText(f.value, SIZES.lead, valueWidth);
  // Change, target and status on one line when they fit, else each on lines of its own (never a status cut in two).
  const parts = [f.change, f.target, f.statusText].filter((s): s is string => !!s);
  const oneLine = wrapText(parts.join(' · '), SIZES.small, width);
  const metaLines = oneLine.length === 1 ? oneLine : parts.flatMap((part) => wrapText(part, SIZES.small, width));
  const top = Math.max(blockHeight(nameLines.length, SIZES.body), blockHeight(valueLines.length, SIZES.lead)) + 8;
  const svg =
    textLines(nameLines, x, y + SIZES.body, { size: SIZES.body, fill: INK }) +
    textLines(valueLines, x + width, y + SIZES.lead, {
      size: SIZES.lead,
      fill: ACCENT,
      weight: 'bold',
      anchor: 'end',
    }) +
    textLines(metaLines, x, y + top + SIZES.small, { size: SIZES.small, fill: MUTED });
  return { svg, height: top + blockHeight(metaLines.length, SIZES.small) + 12 };
}
