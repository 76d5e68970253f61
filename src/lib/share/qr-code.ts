import QRCode from 'qrcode';

/**
 * A QR code of `text` as SVG, `size` px square at (x, y) with its white quiet zone of four modules inside
 * it: dark modules as one path of horizontal runs (small, and the same bytes every build).
 * Level M, as printed matter uses: it still reads with a corner smudged or a logo over it.
 */
export function qrCodeSvg(text: string, x: number, y: number, size: number): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const quiet = 4;
  const path: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n;) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      path.push(`M${start + quiet} ${row + quiet}h${col - start}v1h-${col - start}z`);
    }
  }
  const units = n + 2 * quiet;
  return (
    `<svg x="${x}" y="${y}" width="${size}" height="${size}" viewBox="0 0 ${units} ${units}" shape-rendering="crispEdges">` +
    `<rect width="${units}" height="${units}" fill="#fff"/><path fill="#000" d="${path.join('')}"/></svg>`
  );
}
