import { describe, expect, it } from 'vitest';

import { paths, siteAddress, withBase } from './urls.ts';

describe('site addresses', () => {
  it('join the base path and a site path', () => {
    expect(withBase('/', paths.indicator('pm25'))).toBe('/indicators/pm25/');
    expect(withBase('/tongling/', paths.home())).toBe('/tongling/');
    expect(withBase('/tongling', paths.feed())).toBe('/tongling/feed.xml');
  });

  it('carry the site’s folder, whether siteUrl names it or basePath alone does', () => {
    const inFolder = 'https://example.org/tongling/indicators/pm25/';
    expect(siteAddress({ siteUrl: 'https://example.org/tongling', basePath: '/tongling/' }, '/indicators/pm25/')).toBe(
      inFolder,
    );
    expect(siteAddress({ siteUrl: 'https://example.org/tongling/', basePath: '/tongling/' }, '/indicators/pm25/')).toBe(
      inFolder,
    );
    expect(siteAddress({ siteUrl: 'https://example.org', basePath: '/tongling/' }, '/indicators/pm25/')).toBe(inFolder);
    expect(siteAddress({ siteUrl: 'https://example.org', basePath: '/' }, paths.home())).toBe('https://example.org/');
  });
});
