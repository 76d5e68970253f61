import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import type { RecordPhase } from '../lib/publish/build-timings.ts';
import { PictureFontsMissing } from '../lib/publish/picture-fonts.ts';
import { rasterisePictures } from '../lib/publish/picture-png.ts';
import { formatFileSize } from '../lib/site/file-size.ts';
import { diagnostics } from '../lib/site/messages/index.ts';

/**
 * After the build, draws every picture SVG of every edition (`editions/<year>/pictures/*.svg`) as a PNG beside it;
 * `cacheDir` keeps them across builds (out of dist/): an unchanged picture is not drawn again.
 */
export function sharePictures({ timings, cacheDir }: { timings: RecordPhase; cacheDir: string }): AstroIntegration {
  return {
    name: 'white-paper-share-pictures',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const editions = join(fileURLToPath(dir), 'editions');
        const svgs = readdirSync(editions).flatMap((year) => {
          const folder = join(editions, year, 'pictures');
          try {
            return readdirSync(folder)
              .filter((f) => f.endsWith('.svg'))
              .map((f) => join(folder, f));
          } catch {
            return [];
          }
        });
        const d = diagnostics().publish;
        const result = await rasterisePictures(svgs, cacheDir).catch((e: unknown) => {
          throw e instanceof PictureFontsMissing ? new Error(d.pictureFontsMissing(e.message)) : e;
        });
        for (const { file, characters } of result.missing) logger.warn(d.pictureMissingGlyphs(file, characters));
        logger.info(d.picturesDrawn(result.pictures, result.drawn, formatFileSize(result.bytes)));
        timings('pictures', (performance.now() - started) / 1000);
      },
    },
  };
}
