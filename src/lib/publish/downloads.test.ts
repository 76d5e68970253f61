import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../content/load-project.ts';
import { siteSchema } from '../model/schemas.ts';
import { dataPackage } from './downloads.ts';

const demo = loadProject(join(import.meta.dirname, '..', '..', '..'));
const withSite = (patch: Record<string, unknown>) => ({
  ...demo,
  site: siteSchema.parse({ ...demo.site, basePath: undefined, ...patch }),
});

describe('the data package describes the site truly', () => {
  it('its homepage is the site’s home page, folder included', () => {
    expect(dataPackage(withSite({ siteUrl: 'https://example.org/tongling' }), []).homepage).toBe(
      'https://example.org/tongling/',
    );
    expect(dataPackage(withSite({ siteUrl: 'https://example.org', basePath: '/tongling/' }), []).homepage).toBe(
      'https://example.org/tongling/',
    );
  });

  it('its description says which kind of demo it is, or nothing for a real publication', () => {
    const description = (demoKind: unknown, region = '铜陵市') =>
      dataPackage(withSite({ demo: demoKind, region }), []).description;
    expect(description(true)).toMatch(/（演示数据，全部为虚构）$/);
    expect(description('illustrative')).toMatch(/（演示数据：铜陵市是真实地区，数值均为示例）$/);
    expect(description(false)).toMatch(/后续修订见 edition 列。$/);
  });
});
