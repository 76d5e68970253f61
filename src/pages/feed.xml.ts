import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getProject, url } from '../site.ts';
import { paths } from '../lib/site/urls.ts';
import { ui } from '../lib/site/ui-strings.ts';

/** RSS feed of published editions (newest first), so readers and aggregators hear of a new one. */
export function GET(context: APIContext) {
  const { site, editions } = getProject();
  return rss({
    title: ui.feedTitle(site.siteTitle),
    description: `${site.agency}发布的历年${site.siteTitle}`,
    site: context.site!,
    customData: '<language>zh-CN</language>',
    items: [...editions].reverse().map((e) => ({
      title: e.title,
      link: url(paths.edition(e.year)),
      pubDate: new Date(`${e.published}T00:00:00+08:00`),
      description: e.summary,
      author: site.contact.email ? `${site.contact.email} (${site.agency})` : undefined,
    })),
  });
}
