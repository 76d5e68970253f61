import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { Tinypool } from 'tinypool';

import { writeWhole } from '../site/write-whole.ts';
import type { PictureDrawTask } from './picture-draw-worker.ts';
import { PICTURE_FAMILY, pictureFonts, pictureFontsIdentity } from './picture-fonts.ts';

/** Bump when the rasterising changes, so cached pictures are drawn again. */
const PIPELINE_VERSION = 'pictures-v4'; // v4: encoded by opaque-png.ts

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
 * are unchanged is copied from `cacheDir` instead of drawn again, with the characters the fonts lacked when it was
 * drawn (`<key>.missing`, only when some were): a build with nothing to draw reads no font. Pictures are drawn and
 * encoded in worker threads, one per core (picture-draw-worker.ts).
 */
export async function rasterisePictures(svgFiles: readonly string[], cacheDir: string): Promise<RasterisedPictures> {
  const result: RasterisedPictures = { pictures: 0, drawn: 0, bytes: 0, missing: [] };
  // zlib's version too: another compresses the same pixels to other bytes.
  const salt = `${PIPELINE_VERSION}|${pictureFontsIdentity()}|${resvgVersion()}|${process.versions.zlib}`;
  const pictures = svgFiles.map((file) => {
    const svg = readFileSync(file, 'utf8');
    const key = createHash('sha256').update(salt).update(svg).digest('hex').slice(0, 24);
    return { file, svg, png: `${key}.png`, absent: `${key}.missing` };
  });
  const toDraw = new Set(pictures.filter(({ png }) => !existsSync(join(cacheDir, png))));
  // One font per weight for the whole build, cut to the characters of all its pictures, made only when one is drawn.
  const fontFiles: string[] = [];
  if (toDraw.size > 0) {
    // Each picture's text, read once: for the fonts, then for what they lack.
    const texts = new Map(pictures.map((picture) => [picture, svgText(picture.svg)]));
    const { fonts, missing } = await pictureFonts([...texts.values()].join(''));
    mkdirSync(cacheDir, { recursive: true });
    for (const [i, bytes] of fonts.entries()) {
      const name = `build-${process.pid}-${i}.otf`;
      writeWhole(cacheDir, name, bytes);
      fontFiles.push(join(cacheDir, name));
    }
    // Kept before the picture it belongs to: a kept PNG always has its missing characters beside it.
    for (const picture of toDraw) {
      const characters = missing.filter((c) => texts.get(picture)!.includes(c)).join('');
      if (characters) writeWhole(cacheDir, picture.absent, characters);
      else rmSync(join(cacheDir, picture.absent), { force: true });
    }
  }
  for (const { file, absent } of pictures) {
    const characters = existsSync(join(cacheDir, absent)) ? readFileSync(join(cacheDir, absent), 'utf8') : '';
    if (characters) result.missing.push({ file, characters });
  }
  const options: ResvgRenderOptions = {
    font: { fontFiles, loadSystemFonts: false, defaultFontFamily: PICTURE_FAMILY, sansSerifFamily: PICTURE_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  };
  // Threads only when there is something to draw: a build whose pictures are all kept starts none.
  const pool =
    toDraw.size > 0
      ? new Tinypool({
          filename: new URL('./picture-draw-worker.ts', import.meta.url).href,
          maxThreads: Math.min(toDraw.size, Math.max(1, availableParallelism())),
        })
      : undefined;
  try {
    await Promise.all(
      pictures.map(async (picture) => {
        const { file, svg, png } = picture;
        if (pool && toDraw.has(picture)) {
          const bytes = (await pool.run({ svg, options } satisfies PictureDrawTask)) as Uint8Array;
          // A build stopped mid-write must not leave a broken picture to reuse.
          writeWhole(cacheDir, png, bytes);
          result.drawn++;
        }
        const out = file.replace(/\.svg$/, '.png');
        // A copy-on-write clone where the file system has them (the same bytes, no copying), else a copy.
        copyFileSync(join(cacheDir, png), out, constants.COPYFILE_FICLONE);
        result.pictures++;
        result.bytes += statSync(out).size;
      }),
    );
  } finally {
    await pool?.destroy();
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
