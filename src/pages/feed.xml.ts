import rss from '@astrojs/rss';
import type { APIContext } from 'astro';

import { paths } from '../lib/site/urls.ts';
import { getProject, ui, url } from '../site.ts';

/** RSS feed of published editions (newest first), so readers and aggregators hear of a new one. */
export function GET(context: APIContext) {
  const { site, editions } = getProject();
  return rss({
    title: ui.feedTitle(site.siteTitle),
    description: ui.feedDescription(site.agency, site.siteTitle),
    site: context.site!,
    customData: `<language>${ui.lang}</language>`,
    items: [...editions].reverse().map((e) => ({
      title: e.title,
      link: url(paths.edition(e.year)),
      pubDate: new Date(`${e.published}T00:00:00+08:00`),
      description: e.summary,
      author: site.contact.email ? `${site.contact.email} (${site.agency})` : undefined,
    })),
  });
}
