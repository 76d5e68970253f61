// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { devPreview } from './src/integrations/dev-preview.ts';
import { pdfEdition } from './src/integrations/pdf-edition.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { readSiteConfig } from './src/lib/content/project.ts';
import { formatReport } from './src/lib/content/problems.ts';
import { contentRoot } from './src/lib/site/content-root.ts';
import { messagesFor } from './src/lib/site/messages/index.ts';

// The publisher's site URL and sub-path come from the editors' content/site.yaml (of the content root:
// this project, or the site `--root` names), validated as `npm run check` does.
const { site: siteConfig, problems } = readSiteConfig(contentRoot());
if (!siteConfig) throw new Error(formatReport(problems));

export default defineConfig({
  site: siteConfig.siteUrl,
  base: siteConfig.basePath,
  trailingSlash: 'always',
  // Order matters: the PDF step fills the edition pages' PDF size before the search index reads them.
  integrations: [
    mdx(),
    sitemap({ filter: (page) => !page.includes('/print/') }),
    pdfEdition(),
    searchIndex(),
    devPreview(),
  ],
  build: { format: 'directory' },
  // Footnotes (GFM, e.g. from Word drafts) are labelled in the site's language, not remark's English.
  markdown: {
    processor: satteri({
      features: {
        gfm: {
          footnotes: {
            label: messagesFor(siteConfig.language).footnotes.label,
            backLabel: messagesFor(siteConfig.language).footnotes.backLabel,
          },
        },
      },
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
});
