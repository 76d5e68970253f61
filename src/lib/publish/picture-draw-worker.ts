import { setImmediate } from 'node:timers/promises';

import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

import { opaquePng } from './opaque-png.ts';

/** One picture for a drawing thread (picture-png.ts): its SVG and how to draw it (plain data, the fonts as files). */
export interface PictureDrawTask {
  svg: string;
  options: ResvgRenderOptions;
}

/**
 * Draws one picture SVG as PNG bytes, run in a worker thread so drawing and encoding (both synchronous) happen
 * off the build's main thread, on every core. The pictures have a background, so their pixels are opaque and
 * opaque-png.ts encodes them; one that is not (an SVG without a background) is encoded by resvg.
 */
export default async function drawPicture({ svg, options }: PictureDrawTask): Promise<Uint8Array> {
  const image = new Resvg(svg, options).render();
  const png = opaquePng(image.pixels, image.width, image.height) ?? image.asPng();
  // resvg's pixmaps (8–40 MB a picture) are freed by finalizers that run on the thread's event loop, which the
  // pool's waiting for its next task never turns: without this turn a thread kept every picture it drew (the
  // 20 × 200 × 10 corpus's 480 pictures grew the build to 5.4 GB; now 2.1 GB at most).
  await setImmediate();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
