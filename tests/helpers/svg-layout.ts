/**
 * What a chart rendered by `renderChartSvg` draws, read back from Vega's SVG in the SVG's own coordinates: its
 * width, its rects (bars, ticks), its symbols and its texts with the box each takes — as wide as the text measure
 * Vega lays out with (`charts/text-width.ts`) says, as high as a browser's box of a CJK font's line (about 1.4 em:
 * the Noto Sans CJK ascent and descent, more than the glyphs' ink). For unit tests of a chart's layout;
 * tests/helpers/chart-layout.ts checks the same in a browser, with the glyphs' real boxes.
 */
import { textWidth } from '../../src/lib/charts/text-width.ts';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const meets = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Vega writes a chart's marks on one line each (no line breaks inside a mark group). */
export function drawnSvg(svg: string) {
  const [, width] = /viewBox="0 0 ([\d.]+) [\d.]+"/.exec(svg)!;
  // Every mark sits in the root group, offset by Vega's padding and the room of what stands outside the plot.
  const [, dx, dy] = /<g fill="none" stroke-miterlimit="4" transform="translate\(([-\d.]+),([-\d.]+)\)">/.exec(svg)!;
  const [ox, oy] = [Number(dx), Number(dy)];
  const rects = [...svg.matchAll(/<path d="M([-\d.]+),([-\d.]+)h([-\d.]+)v([\d.]+)h[-\d.]+Z" fill="([^"]+)"/g)].map(
    ([, x, y, w, h, fill]) => ({
      left: ox + Number(x),
      right: ox + Number(x) + Number(w),
      top: oy + Number(y),
      bottom: oy + Number(y) + Number(h),
      fill: fill!,
    }),
  );
  const symbols = [...svg.matchAll(/<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].flatMap(([, inner]) =>
    [...inner!.matchAll(/<path transform="translate\(([-\d.]+),([-\d.]+)\)"/g)].map(([, x, y]) => ({
      x: ox + Number(x),
      y: oy + Number(y),
    })),
  );
  // The marks' texts (axis labels sit in groups of their own, offset again, and are Vega's to place).
  const texts = [...svg.matchAll(/<g class="mark-text role-mark[^"]*"[^>]*>(.*?)<\/g>/g)].flatMap(([, inner]) =>
    [
      ...inner!.matchAll(
        /<text text-anchor="(\w+)" transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*font-size="([\d.]+)px"[^>]*fill="([^"]+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ].map(([, anchor, x, y, size, fill, text]) => {
      const [at, fontSize, w] = [ox + Number(x), Number(size), textWidth(text!, Number(size))];
      const left = anchor === 'start' ? at : anchor === 'end' ? at - w : at - w / 2;
      const baseline = oy + Number(y);
      return {
        text: text!,
        fontSize,
        fill: fill!,
        left,
        right: left + w,
        top: baseline - 1.1 * fontSize,
        bottom: baseline + 0.3 * fontSize,
        baseline,
      };
    }),
  );
  return { width: Number(width), rects, symbols, texts };
}

/** Texts that leave the chart's width or meet another text. */
export function textProblems(svg: string): string[] {
  const { width, texts } = drawnSvg(svg);
  return texts.flatMap((t, i) => [
    ...(t.left < -0.5 || t.right > width + 0.5 ? [`“${t.text}” leaves the chart`] : []),
    ...texts.slice(i + 1).flatMap((other) => (meets(t, other) ? [`“${t.text}” meets “${other.text}”`] : [])),
  ]);
}
