/**
 * Where the editor's files are and how a chapter's file names it: constants and two name functions, nothing
 * imported. Kept apart from load-project.ts because Astro's content configuration (src/content.config.ts) needs
 * them, and Astro loads that file through Vite once more before each build: everything it imports is transformed
 * again (load-project.ts's import graph cost ~0.35 s of every build).
 */

/** The fixed places of the editor's files, relative to the project root. */
export const PATHS = {
  site: 'content/site.yaml',
  editions: 'content/editions',
  catalogue: 'data/indicators.csv',
  ledgers: 'data/ledgers',
  plans: 'data/plans',
  breakdowns: 'data/breakdowns',
} as const;

/** A breakdown's table of a year, relative to the root: `data/breakdowns/<id>/<year>.csv`. */
export const breakdownFile = (id: string, year: number): string => `${PATHS.breakdowns}/${id}/${year}.csv`;

/**
 * The one file type of chapters, for the loader and for Astro's collection alike, so check and build
 * never read a chapter differently: MDX parsed as a document. Plain `.md` is refused, not rendered.
 */
export const CHAPTER_EXTENSION = '.mdx';
/** The chapters of every edition, relative to content/editions: the pattern of Astro's collection. */
export const CHAPTER_GLOB = `*/*${CHAPTER_EXTENSION}`;

/** The folder, inside an edition's, of the pictures its chapters link as `./images/…` (import-chapter puts them there). */
export const CHAPTER_IMAGES = 'images';

/** `02-product-quality.mdx` → `product-quality`: the number orders chapters, the rest is the URL. */
export const chapterSlug = (fileName: string): string => fileName.replace(/\.mdx$/, '').replace(/^\d+[-_]/, '');

/** `2024/02-product-quality.mdx` → `2024/product-quality`, the id Astro's chapters collection uses. */
export const chapterCollectionId = (pathInEditions: string): string => {
  const [year, name] = pathInEditions.split('/');
  return `${year}/${chapterSlug(name ?? '')}`;
};
