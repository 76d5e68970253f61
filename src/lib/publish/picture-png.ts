import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';

import { renderAsync } from '@resvg/resvg-js';

import { writeWhole } from '../site/write-whole.ts';
import { PICTURE_FAMILY, pictureFonts, pictureFontsIdentity } from './picture-fonts.ts';

/** Bump when the rasterising changes, so cached pictures are drawn again. */
const PIPELINE_VERSION = 'pictures-v2';

export interface RasterisedPictures {
  /** PNGs written. */
  pictures: number;
  /** Of them, drawn afresh (the rest came from the cache). */
  drawn: number;
  /** Their bytes in all. */
  bytes: number;
  /** Pictures with characters the fonts do not have (drawn without them): the file and the characters. */
  missing: Array<{ file: string; characters: string }>;
}

/** Every text of an SVG, entities decoded: what the fonts must hold. */
const svgText = (svg: string): string =>
  [...svg.matchAll(/>([^<]+)</g)]
    .map((m) => m[1]!)
    .join('')
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, n: string) => String.fromCodePoint(parseInt(n, hex ? 16 : 10)))
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);

/**
 * Draws each picture SVG as a PNG beside it (`x.svg` → `x.png`) with resvg: no browser, the same bytes for the
 * same SVG, the fonts cut to the pictures' characters (picture-fonts.ts). A picture whose SVG, fonts and renderer
 * are unchanged is copied from `cacheDir` instead of drawn again. Pictures are drawn on every core (resvg renders
 * off the main thread).
 */
export async function rasterisePictures(svgFiles: readonly string[], cacheDir: string): Promise<RasterisedPictures> {
  const result: RasterisedPictures = { pictures: 0, drawn: 0, bytes: 0, missing: [] };
  const svgs = svgFiles.map((file) => ({ file, svg: readFileSync(file, 'utf8') }));
  const salt = `${PIPELINE_VERSION}|${pictureFontsIdentity()}|${resvgVersion()}`;
  const cacheName = (svg: string) => `${createHash('sha256').update(salt).update(svg).digest('hex').slice(0, 24)}.png`;
  const toDraw = svgs.filter(({ svg }) => !existsSync(join(cacheDir, cacheName(svg))));
  // One font per weight for the whole build, cut to the characters of the pictures still to draw.
  const { fonts, missing } = await pictureFonts(svgs.map(({ svg }) => svgText(svg)).join(''));
  const fontFiles = fonts.map((bytes, i) => {
    const name = `build-${process.pid}-${i}.otf`;
    mkdirSync(cacheDir, { recursive: true });
    writeWhole(cacheDir, name, bytes);
    return join(cacheDir, name);
  });
  for (const { file, svg } of svgs) {
    const absent = missing.filter((c) => svgText(svg).includes(c));
    if (absent.length > 0) result.missing.push({ file, characters: absent.join('') });
  }
  const queue = [...svgs];
  const worker = async () => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { file, svg } = next;
      const png = file.replace(/\.svg$/, '.png');
      const cached = join(cacheDir, cacheName(svg));
      if (toDraw.includes(next)) {
        const bytes = (
          await renderAsync(svg, {
            font: {
              fontFiles,
              loadSystemFonts: false,
              defaultFontFamily: PICTURE_FAMILY,
              sansSerifFamily: PICTURE_FAMILY,
            },
            shapeRendering: 2,
            textRendering: 1,
          })
        ).asPng();
        // A build stopped mid-write must not leave a broken picture to reuse.
        writeWhole(cacheDir, basename(cached), bytes);
        result.drawn++;
      }
      copyFileSync(cached, png);
      result.pictures++;
      result.bytes += statSync(png).size;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
  } finally {
    for (const f of fontFiles) rmSync(f, { force: true });
  }
  return result;
}

const resvgVersion = (): string =>
  (
    JSON.parse(readFileSync(new URL(import.meta.resolve('@resvg/resvg-js/package.json')), 'utf8')) as {
      version: string;
    }
  ).version;
