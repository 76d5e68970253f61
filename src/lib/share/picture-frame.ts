import { CHART_FONT } from '../charts/chart-tokens.ts';
import { qrCodeSvg } from './qr-code.ts';
import { blockHeight, escapeXml, textLines, wrapText } from './svg-text.ts';

/** Where a picture's figures come from and where its page is: said at its foot, with a QR code to the page. */
export interface PictureSource {
  /** “来源：洞头区市场监督管理局《2020年洞头区质量状况白皮书》”. */
  source: string;
  /** “洞头区质量状况白皮书 · 发布日期：2021年3月15日”. */
  published: string;
  /** The page's permanent address, absolute. */
  link: string;
  /** “扫码阅读全文”. */
  scan: string;
  /** “图中数字与白皮书正文、数据下载一致。” */
  note: string;
}

export const INK = '#1f2328';
export const MUTED = '#57606a';
export const RULE = '#d0d7de';
export const ACCENT = '#0b4f9c';

/** Text sizes at 1080 px wide: nothing under 24 px, so a phone shows it at 9 px or more when fitted to its width. */
export const SIZES = { small: 24, body: 28, lead: 32, heading: 40, title: 46, figure: 60 } as const;

/**
 * The picture's foot: the source, date, address and the note on its left, the QR code to the address on its
 * right, below a rule at `y`. Returns the markup and its height.
 */
export function pictureFoot(at: PictureSource, x: number, y: number, width: number): { svg: string; height: number } {
  const qr = 200;
  const textWidth = width - qr - 40;
  const blocks = [
    { lines: wrapText(at.source, SIZES.small, textWidth), fill: INK },
    { lines: wrapText(at.published, SIZES.small, textWidth), fill: MUTED },
    { lines: wrapText(at.link, SIZES.small, textWidth), fill: ACCENT },
    { lines: wrapText(at.note, SIZES.small, textWidth), fill: MUTED },
  ];
  let top = y + 36;
  const text = blocks
    .map(({ lines, fill }) => {
      const svg = textLines(lines, x, top + SIZES.small, { size: SIZES.small, fill });
      top += blockHeight(lines.length, SIZES.small) + 10;
      return svg;
    })
    .join('');
  const qrTop = y + 36;
  const height = Math.max(top - y, qrTop - y + qr + 48) + 24;
  return {
    svg:
      `<line x1="${x}" y1="${y}" x2="${x + width}" y2="${y}" stroke="${RULE}" stroke-width="2"/>` +
      text +
      qrCodeSvg(at.link, x + width - qr, qrTop, qr) +
      textLines([at.scan], x + width - qr / 2, qrTop + qr + 34, { size: SIZES.small, fill: MUTED, anchor: 'middle' }),
    height,
  };
}

/** The picture's root: its size, white ground, default font and, for screen readers and search, title and description. */
export function pictureRoot(width: number, height: number, title: string, description: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.ceil(height)}" viewBox="0 0 ${width} ${Math.ceil(height)}" font-family="${escapeXml(CHART_FONT)}" role="img" aria-labelledby="picture-title picture-desc">` +
    `<title id="picture-title">${escapeXml(title)}</title><desc id="picture-desc">${escapeXml(description)}</desc>` +
    `<rect width="100%" height="100%" fill="#fff"/>${body}</svg>\n`
  );
}
