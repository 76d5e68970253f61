import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../content/load-project.ts';
import { entryOf } from '../ledger/evaluation.ts';
import { formatValue } from '../model/format.ts';
import { countStatuses } from '../model/summary.ts';
import { messagesFor } from '../site/messages/index.ts';
import { editionDigest } from './edition-digest.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const demo = loadProject(ROOT);
const m = messagesFor('zh-CN');

describe('editionDigest', () => {
  it("states each figure as the site does: the ledger's value with its unit", () => {
    for (const edition of demo.editions) {
      const digest = editionDigest(demo, edition, m);
      for (const f of [...digest.headline, ...digest.domains.flatMap((d) => d.figures)]) {
        const entry = entryOf(edition, f.id)!;
        expect(f.value).toBe(formatValue(entry.value, entry.indicator));
        expect(f.statusText).toBe(m.status[entry.status]);
      }
    }
  });

  it('counts every indicator of the year once, by status and by domain', () => {
    const edition = demo.editions.at(-1)!;
    const digest = editionDigest(demo, edition, m);
    expect(digest.counts).toEqual(countStatuses(edition.yearEntries));
    expect(digest.domains.reduce((n, d) => n + d.counts.total, 0)).toBe(edition.yearEntries.length);
    expect(digest.statusCounts.map((s) => s.status).slice(0, 2)).toEqual(['met', 'not_met']);
  });

  it("shows the editor's chosen figures (edition.yaml digest) under their domains, in the order given", () => {
    const edition = demo.editions.at(-1)!;
    expect(edition.digest?.length).toBeGreaterThan(0);
    const shown = editionDigest(demo, edition, m).domains.flatMap((d) => d.figures.map((f) => f.id));
    expect([...shown].sort()).toEqual([...edition.digest!].sort());
    const product = editionDigest(demo, edition, m).domains.find((d) => d.name === '产品质量')!;
    expect(product.figures.map((f) => f.id)).toEqual(['mfg_pass_rate', 'spot_check_pass_rate']);
    expect(product.chart).toEqual({ kind: 'trend', id: 'mfg_pass_rate' });
  });

  it('by default takes the first three numeric figures of each domain', () => {
    const edition = demo.editions[0]!;
    expect(edition.digest).toBeUndefined();
    for (const domain of editionDigest(demo, edition, m).domains) {
      const numeric = edition.yearEntries.filter(
        (e) => e.indicator.domain === domain.name && typeof e.value === 'number',
      );
      expect(domain.figures.map((f) => f.id)).toEqual(numeric.slice(0, 3).map((e) => e.indicator.id));
    }
  });

  it('says where the plan stands while one is in force', () => {
    const digest = editionDigest(demo, demo.editions.at(-1)!, m);
    expect(digest.plan?.text).toMatch(/^本版对照《/);
    expect(digest.path).toBe('/editions/2024/');
  });
});

describe('editionDigest of a first edition', () => {
  it('draws no chart of a single year: 洞头区 2020 has its figures, and a trend only where there are two years', () => {
    const dongtou = loadProject(join(ROOT, 'examples/dongtou'));
    const digest = editionDigest(dongtou, dongtou.editions[0]!, m);
    expect(digest.domains.flatMap((d) => d.figures).length).toBeGreaterThan(10);
    expect(digest.domains.map((d) => d.chart)).toEqual(digest.domains.map(() => null));
  });
});
