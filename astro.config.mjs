// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { parse } from 'yaml';

// The publisher's site URL and sub-path come from the editors' config, not from code.
// (content/site.yaml is validated with a Chinese message by `npm run check` before every build.)
const siteConfig = parse(readFileSync(new URL('./content/site.yaml', import.meta.url), 'utf8'));

export default defineConfig({
  site: siteConfig.siteUrl,
  base: siteConfig.basePath ?? '/',
  trailingSlash: 'always',
  integrations: [mdx(), sitemap()],
  build: { format: 'directory' },
  vite: {
    server: { watch: { ignored: ['**/dist/**', '**/.build-tmp/**'] } },
  },
});
