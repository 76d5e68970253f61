/**
 * The Astro configuration of a white-paper site, made from explicit options: `astro.config.mjs` calls it with
 * the defaults (this project's content, for `astro dev`, `astro check` and `astro build`), and the build
 * function (`build-site.ts`) with the site it builds and the project it has validated, as Astro's inline
 * configuration (no config file read). The options reach the pages and the chapter collection through the
 * virtual module `virtual:white-paper/site`, and the integrations as their own arguments.
 */
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap, { type SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration, AstroUserConfig } from 'astro';

import { devPreview } from './integrations/dev-preview.ts';
import { pdfEdition } from './integrations/pdf-edition.ts';
import { searchIndex } from './integrations/search-index.ts';
import { sharePictures } from './integrations/share-pictures.ts';
import { chartRendererIdentity, type ChartSvgCache } from './lib/charts/chart-cache.ts';
import { readSiteConfig } from './lib/content/load-project.ts';
import type { Project } from './lib/model/project.ts';
import { noTimings, type RecordPhase } from './lib/publish/build-timings.ts';
import { picturesByPage } from './lib/share/pictures.ts';
import { messagesFor } from './lib/site/messages/index.ts';
import { formatReport } from './lib/site/problems.ts';
import { siteAddress } from './lib/site/urls.ts';

export interface SiteOptions {
  /** The site's folder (content/, data/); the code is always this project's. */
  root: string;
  /**
   * The project this build has loaded and validated (`validateProject`): the pages and integrations use it
   * instead of reading the files again. Without it (Astro run directly) they load the project themselves.
   */
  project?: Project;
  /** Print the PDF edition (and show its download); `WHITE_PAPER_PDF=off` turns it off. */
  pdf: boolean;
  /** Where the integrations report their phases' seconds. */
  timings?: RecordPhase;
  /**
   * Where builds keep what the next one can reuse (chart SVGs, PDFs, picture PNGs, the search index), each in a folder of its
   * own; default this project's `node_modules/.cache`, out of dist/ and of every site's folder.
   */
  cacheDir?: string;
}

/** What the pages and the chapter collection read from `virtual:white-paper/site`. */
export interface SiteModule {
  contentRoot: string;
  /** Draft editions are shown: only by `astro dev`. */
  showDrafts: boolean;
  pdf: boolean;
  /**
   * This build's own id. Node caches a module by its file name, a hash of its content: without it a second
   * build in the same process (tests, bench) would run the first one's server bundle, with its loaded project
   * and Astro's render state. Server code only: dist/ does not change.
   */
  build: string;
  /** Where chart SVGs are kept across builds (`astro build` only), and the renderer's identity; else null. */
  chartCache: ChartSvgCache | null;
  /** The chart-drawing threads' module, a file URL (`astro build` only: the dev server draws in its thread); else null. */
  chartWorker: string | null;
}

export const SITE_MODULE = 'virtual:white-paper/site';

/** Pages Astro renders at once (measured with `npm run bench`). */
const PAGES_AT_ONCE = 4;

/** This project's folder: the code, and Astro's caches for its own content. */
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The default of `SiteOptions.cacheDir`. */
const DEFAULT_CACHE_DIR = join(CODE_ROOT, 'node_modules', '.cache');

export function siteConfig(options: SiteOptions): AstroUserConfig {
  const { root, project, pdf, cacheDir = DEFAULT_CACHE_DIR } = options;
  const timings = options.timings ?? noTimings;
  // The publisher's site URL, sub-path and language come from the editors' content/site.yaml (of the
  // content root), validated as `npm run check` does: from the validated project when there is one.
  const site = project?.site ?? readSiteConfig(root).site;
  if (!site) throw new Error(formatReport(readSiteConfig(root).problems));
  const { footnotes } = messagesFor(site.language);
  const phaseTimers = buildPhaseTimers(timings);
  const search = searchIndex({ language: site.language, timings, cacheDir: join(cacheDir, 'white-paper-search') });
  return {
    // Astro's content store keeps a chapter's entry (and its file's path) while the chapter's text is unchanged,
    // whatever folder it is now read from: another site (a copy of this one, since deleted) must not share it.
    // Any site but this project's own keeps it in its .build-tmp/, which every build starts afresh.
    ...(resolve(root) === resolve(CODE_ROOT) ? {} : { cacheDir: join(root, '.build-tmp', 'astro-cache') }),
    site: site.siteUrl,
    base: site.basePath,
    trailingSlash: 'always',
    // Order matters: the search index reads the pages before the PDF step writes the PDF's size into the edition
    // pages (not searched), and is waited for after the pictures. (Drawing the share pictures while the PDF prints
    // was measured slower: both use every core.)
    integrations: [
      // First and last: their build-done hooks run before and after the others' (Astro runs them in this order).
      phaseTimers.pages,
      siteModule({ root, pdf, chartCache: join(cacheDir, 'white-paper-charts') }),
      mdx(),
      sitemap({ filter: (page) => !page.includes('/print/'), serialize: withPictures(project) }),
      // The search index is made while the PDF prints and the pictures are drawn (search-index.ts).
      search.start,
      pdfEdition({ root, project, pdf, timings, cacheDir: join(cacheDir, 'white-paper-pdf') }),
      sharePictures({ timings, cacheDir: join(cacheDir, 'white-paper-pictures') }),
      search.done,
      devPreview({ root }),
      phaseTimers.finishing,
    ],
    // Several pages at once: while one waits for its charts (drawn in worker threads, chart-svg.ts), others render.
    build: { format: 'directory', concurrency: PAGES_AT_ONCE },
    // Footnotes (GFM, e.g. from Word drafts) are labelled in the site's language, not remark's English.
    markdown: {
      processor: satteri({
        features: { gfm: { footnotes: { label: footnotes.label, backLabel: footnotes.backLabel } } },
      }),
    },
    vite: {
      server: { watch: { ignored: ['**/dist/**', '**/.build-tmp/**'] } },
      // vega-embed is one large chunk, fetched only when a reader reaches a chart.
      build: {
        // No script inlined into a page, however small: the Content-Security-Policy allows only files.
        assetsInlineLimit: 0,
        chunkSizeWarningLimit: 1200,
        rollupOptions: {
          // MDX modules carry Astro's "use astro:head-inject" directive; the bundler's note about it is noise.
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    },
  };
}

/** The sitemap's entry of a page with the pictures it shows or offers (share/pictures.ts), as image entries. */
function withPictures(project: Project | undefined): (item: SitemapItem) => SitemapItem {
  if (!project) return (item) => item;
  const pictures = new Map(
    [...picturesByPage(project)].map(([page, files]) => [
      siteAddress(project.site, page),
      files.map((file) => ({ url: siteAddress(project.site, file) })),
    ]),
  );
  // `img` is the sitemap package's own field; Astro's narrower item type leaves it out but passes it on.
  return (item) => (pictures.has(item.url) ? ({ ...item, img: pictures.get(item.url) } as SitemapItem) : item);
}

/**
 * Record the `pages` phase (build-timings.ts), from the configuration (this call, as the build starts) to the
 * first build-done hook, i.e. Astro's own work; and the `finishing` phase, from there to the last build-done hook:
 * the integrations' pictures, PDF and search index in all.
 */
function buildPhaseTimers(timings: RecordPhase): { pages: AstroIntegration; finishing: AstroIntegration } {
  const started = performance.now();
  let pagesEnded = started;
  return {
    pages: {
      name: 'white-paper-pages-timer',
      hooks: {
        'astro:build:done': () => {
          pagesEnded = performance.now();
          timings('pages', (pagesEnded - started) / 1000);
        },
      },
    },
    finishing: {
      name: 'white-paper-finishing-timer',
      hooks: { 'astro:build:done': () => timings('finishing', (performance.now() - pagesEnded) / 1000) },
    },
  };
}

/**
 * Serves `virtual:white-paper/site`: the content root, whether drafts show (`astro dev` only), the PDF switch,
 * the build's id, the chart cache and the chart-drawing threads (builds only: the dev server redraws in its own
 * thread, so an edit of the renderer shows at once; its identity is read here, from the source files, once per build).
 */
function siteModule({ root, pdf, chartCache }: { root: string; pdf: boolean; chartCache: string }): AstroIntegration {
  const resolved = `\0${SITE_MODULE}`;
  return {
    name: 'white-paper-site-module',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        const values: SiteModule = {
          contentRoot: root,
          showDrafts: command === 'dev',
          pdf,
          build: randomUUID(),
          chartCache: command === 'build' ? { dir: chartCache, renderer: chartRendererIdentity(CODE_ROOT) } : null,
          // From the source tree: the pages run from Astro's bundle, where the worker's own file is not.
          chartWorker: command === 'build' ? new URL('lib/charts/chart-draw-worker.ts', import.meta.url).href : null,
        };
        const code = Object.entries(values)
          .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
          .join('\n');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'white-paper-site-module',
                resolveId: (id) => (id === SITE_MODULE ? resolved : undefined),
                load: (id) => (id === resolved ? code : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
