/** Every public URL of the site, without the base path; `withBase` adds it. Permanent: do not change. */
export const paths = {
  home: () => '/',
  edition: (year: number) => `/editions/${year}/`,
  chapter: (year: number, slug: string) => `/editions/${year}/${slug}/`,
  chartData: (year: number, key: string) => `/editions/${year}/charts/${key}.csv`,
  /** A picture to share: a chart's (`tall` for phones, `wide` for slides), the 一图读懂 (`digest`) or the link-preview `card`. */
  picture: (year: number, name: string, ext: 'png' | 'svg') => `/editions/${year}/pictures/${name}.${ext}`,
  digest: (year: number) => `/editions/${year}/digest/`,
  print: (year: number) => `/editions/${year}/print/`,
  pdf: (year: number) => `/editions/${year}/white-paper-${year}.pdf`,
  indicators: () => '/indicators/',
  indicator: (id: string) => `/indicators/${id}/`,
  indicatorCsv: (id: string) => `/indicators/${id}.csv`,
  data: () => '/data/',
  dataFile: (name: string) => `/data/${name}`,
  feed: () => '/feed.xml',
  search: (q?: string) => (q ? `/search/?q=${encodeURIComponent(q)}` : '/search/'),
} as const;

/** Joins the configured base path (`/` or `/sub/`) and a site path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\//, '');
}

/**
 * The full address of a site path on the published site: siteUrl's scheme and host, then the base path, which
 * the site's schema has made agree with any path siteUrl has. The feed, permalinks, citations and the data
 * package are written with it; Astro joins the same two for canonical links and the sitemap.
 */
export function siteAddress(site: { siteUrl: string; basePath: string }, path: string): string {
  return new URL(withBase(site.basePath, path), site.siteUrl).href;
}
