import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

/** One picture for a drawing thread (picture-png.ts): its SVG and how to draw it (plain data, the fonts as files). */
export interface PictureDrawTask {
  svg: string;
  options: ResvgRenderOptions;
}

/**
 * Draws one picture SVG as PNG bytes, run in a worker thread: resvg's PNG encoding is synchronous and costs as
 * much as the drawing, so both happen off the build's main thread, on every core.
 */
export default function drawPicture({ svg, options }: PictureDrawTask): Uint8Array {
  const png = new Resvg(svg, options).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
