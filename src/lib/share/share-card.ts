import type { EditionDigest } from './edition-digest.ts';
import { pictureRoot } from './picture-frame.ts';
import { blockHeight, textLines, wrapText } from './svg-text.ts';

/** The size link previews (Open Graph) expect. */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

const BAND = '#0b4f9c';
const PALE = '#dbe6f3';

/**
 * An edition's share card, the cover of its 一图读懂: what a chat or an article shows when the link is shared —
 * the label, the edition's title, its status counts and completion rate, agency and date.
 */
export function shareCard(digest: EditionDigest, label: string): string {
  const { width, height } = CARD_SIZE;
  const x = 72;
  const inner = width - 2 * x;
  const parts = [`<rect width="${width}" height="${height}" fill="${BAND}"/>`];
  let y = 64;
  parts.push(textLines([label], x, y + 34, { size: 34, weight: 'bold', fill: PALE }));
  y += 34 + 28;
  // Two lines of title at most: a longer one is cut with an ellipsis (the page says it whole).
  const title = wrapText(digest.editionTitle, 60, inner);
  const shown = title.length > 2 ? [title[0]!, `${title[1]!.slice(0, -1)}…`] : title;
  parts.push(textLines(shown, x, y + 60, { size: 60, weight: 'bold', fill: '#ffffff' }));
  y += blockHeight(shown.length, 60) + 40;
  const counts = digest.statusCounts.slice(0, 4);
  const cell = inner / Math.max(3, counts.length + (digest.rateText ? 1 : 0));
  counts.forEach((s, i) => {
    parts.push(
      textLines([String(s.count)], x + i * cell, y + 72, { size: 72, weight: 'bold', fill: '#ffffff' }),
      textLines([s.label], x + i * cell, y + 72 + 44, { size: 28, fill: PALE }),
    );
  });
  if (digest.rateText)
    parts.push(
      textLines([digest.rateText], x + counts.length * cell, y + 72, { size: 36, weight: 'bold', fill: '#ffffff' }),
    );
  parts.push(textLines([`${digest.agency} · ${digest.published}`], x, height - 56, { size: 28, fill: PALE }));
  return pictureRoot(width, height, digest.title, digest.completionText, parts.join(''));
}
