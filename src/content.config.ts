import { join } from 'node:path';

import { glob } from 'astro/loaders';
import { defineCollection } from 'astro:content';
import { contentRoot } from 'virtual:white-paper/site';

import { CHAPTER_GLOB, chapterCollectionId, PATHS } from './lib/content/editor-files.ts';
import { chapterSchema } from './lib/model/chapter-schema.ts';

// Only the chapters are an Astro collection (for MDX rendering). Edition metadata and the
// ledgers are loaded and validated by src/lib/content/load-project.ts into the one model of the site (src/lib/model/project.ts).
// The site's folder is the configuration's option (src/site-config.ts), read from the site module.
// Imports only the two small modules it needs: Astro transforms this file's imports with Vite again each build.
const chapters = defineCollection({
  loader: glob({
    pattern: CHAPTER_GLOB,
    base: join(contentRoot, PATHS.editions),
    generateId: ({ entry }) => chapterCollectionId(entry),
  }),
  schema: chapterSchema,
});

export const collections = { chapters };
