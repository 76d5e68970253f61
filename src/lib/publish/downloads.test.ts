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
});
