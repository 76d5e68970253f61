import { stringify as csv } from 'csv-stringify/sync';
import { stringify as yaml } from 'yaml';

import { CATALOGUE_COLUMNS } from '../ledger/indicator.ts';
import { LEDGER_COLUMNS } from '../ledger/ledger.ts';
import type { EditionMeta } from '../model/schemas.ts';
import { diagnostics } from '../site/messages/index.ts';
import { CHAPTER_EXTENSION, PATHS, PLACEHOLDER_SITE_URL } from './load-project.ts';

export interface SiteIdentity {
  /** The place, as the white paper names it: 铜陵市, 洞头区. */
  region: string;
  /** The publishing bureau; by default the region's 市场监督管理局. */
  agency?: string;
  /** The site's address once published; without it a placeholder that check warns of until it is set. */
  siteUrl?: string;
}

/**
 * The files of a new site: site.yaml, an empty catalogue and plan-less data with their headers, and a first
 * draft edition with the usual chapters of a 质量状况白皮书, each holding only the 待更新 notice that says
 * what goes there. Everything is what an editor would otherwise copy from an example and strip by hand;
 * the result passes `npm run check` (with the 待更新 warnings) and previews with `npm run dev`.
 */
export function scaffoldSite(identity: SiteIdentity, year: number): Map<string, string> {
  const d = diagnostics().newSite;
  const agency = identity.agency ?? d.agency(identity.region);
  const files = new Map<string, string>();
  const site = {
    region: identity.region,
    agency,
    siteTitle: d.siteTitle(identity.region),
    siteUrl: identity.siteUrl ?? PLACEHOLDER_SITE_URL,
    contact: { address: '', phone: '', email: '' },
    dataLicence: { name: d.licenceName, url: d.licenceUrl },
  };
  files.set(PATHS.site, `${d.siteComment}\n${yaml(site)}`);

  const e = diagnostics().newEdition;
  const meta: EditionMeta = {
    year,
    title: e.title(identity.region, year),
    period: e.period(year),
    published: `${year + 1}-03-31`,
    status: 'draft',
    summary: e.summary(d.editionSummary(identity.region, year)),
    corrections: [],
  };
  const editionDir = `${PATHS.editions}/${year}`;
  files.set(`${editionDir}/edition.yaml`, `${d.editionComment(year)}\n${yaml(meta)}`);
  d.chapters.forEach((chapter, n) => {
    const order = n + 1;
    const front = yaml({ title: chapter.title, order, summary: chapter.summary });
    const name = `${String(order).padStart(2, '0')}-${chapter.slug}${CHAPTER_EXTENSION}`;
    files.set(`${editionDir}/${name}`, `---\n${front}---\n\n${d.chapterNotice(chapter.guide)}\n`);
  });

  files.set(PATHS.catalogue, csv([[...CATALOGUE_COLUMNS]]));
  files.set(`${PATHS.ledgers}/${year}.csv`, csv([[...LEDGER_COLUMNS]]));
  return files;
}
