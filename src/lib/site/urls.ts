/** Every public URL of the site, without the base path; `withBase` adds it. Permanent: do not change. */
export const paths = {
  home: () => '/',
  edition: (year: number) => `/editions/${year}/`,
  chapter: (year: number, slug: string) => `/editions/${year}/${slug}/`,
  chartData: (year: number, key: string) => `/editions/${year}/charts/${key}.csv`,
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
