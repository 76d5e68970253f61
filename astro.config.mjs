// @ts-check
// Astro run directly (`npm run dev`, `astro check`, `astro build`) builds this project's own content with the
// defaults; `npm run build` does not read this file: it passes the same configuration with its options.
// Two switches an editor may set here, read once and passed on as options: WHITE_PAPER_ROOT (preview another
// site: `WHITE_PAPER_ROOT=examples/dongtou npm run dev`) and WHITE_PAPER_PDF=off.
import { defineConfig } from 'astro/config';

import { pdfSwitch } from './src/lib/publish/chrome.ts';
import { contentRoot } from './src/lib/site/content-root.ts';
import { siteConfig } from './src/site-config.ts';

export default defineConfig(
  siteConfig({ root: contentRoot(process.env.WHITE_PAPER_ROOT), pdf: pdfSwitch(process.env) }),
);
