import { z } from 'zod';

/**
 * A chapter's front matter. In a module of its own, importing zod only: Astro's content configuration
 * (src/content.config.ts) needs it, and Astro loads that file through Vite once more before each build, transforming
 * everything it imports again (schemas.ts imports the message catalogues).
 */
export const chapterSchema = z.strictObject({
  title: z.string().min(1),
  order: z.number().int().min(0),
  summary: z.string().optional(),
});
