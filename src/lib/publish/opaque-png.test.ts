import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

import { opaquePng } from './opaque-png.ts';

/** A width × height RGBA image of a gradient with a sharp edge, alpha 255 unless `alpha` says otherwise. */
function image(width: number, height: number, alpha = () => 255): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let p = 0; p < width * height; p++) {
    const [x, y] = [p % width, Math.floor(p / width)];
    rgba.set([(x * 7) & 255, (y * 13) & 255, x > y ? 200 : 20, alpha()], p * 4);
  }
  return rgba;
}

describe('opaquePng', () => {
  it('writes a PNG that a PNG reader reads back pixel for pixel', () => {
    const rgba = image(37, 23);
    const png = PNG.sync.read(Buffer.from(opaquePng(rgba, 37, 23)!));
    expect([png.width, png.height]).toEqual([37, 23]);
    expect(Buffer.from(png.data).equals(Buffer.from(rgba))).toBe(true);
  });

  it('declines an image with a pixel that is not opaque (its premultiplied colour would be written wrong)', () => {
    let n = 0;
    expect(
      opaquePng(
        image(10, 10, () => (n++ === 57 ? 128 : 255)),
        10,
        10,
      ),
    ).toBeUndefined();
  });
});
