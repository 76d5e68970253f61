import rss from '@astrojs/rss';

import { paths } from '../lib/site/urls.ts';
import { absoluteUrl, getProject, ui } from '../site.ts';

/** RSS feed of published editions (newest first), so readers and aggregators hear of a new one. */
export function GET() {
  const { site, editions } = getProject();
  return rss({
    title: ui.feedTitle(site.siteTitle),
    description: ui.feedDescription(site.agency, site.siteTitle),
    // The site's home page, base path included: rss would otherwise link the bare siteUrl.
    site: absoluteUrl(paths.home()),
    customData: `<language>${ui.lang}</language>`,
    items: [...editions].reverse().map((e) => ({
      title: e.title,
      link: absoluteUrl(paths.edition(e.year)),
      pubDate: new Date(`${e.published}T00:00:00+08:00`),
      description: e.summary,
      author: site.contact.email ? `${site.contact.email} (${site.agency})` : undefined,
    })),
  });
}
