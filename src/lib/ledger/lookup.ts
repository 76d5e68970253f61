import type { Edition, Entry, Project } from '../content/project.ts';
import type { LedgerRow } from './ledger.ts';

/** The edition's evaluated entry for an indicator (its own year). */
export function entryOf(edition: Edition, id: string): Entry | undefined {
  return edition.entries.find((e) => e.indicator.id === id);
}

/**
 * A value of another period as this edition published it, else as that period's own edition did,
 * else as the latest earlier edition did (e.g. a baseline year reported in the first edition):
 * an edition is a vintage, so it quotes its own figures first.
 */
export function rowAt(project: Project, edition: Edition, id: string, period: string): LedgerRow | undefined {
  const find = (e: Edition | undefined) => e?.rows.find((r) => r.indicator === id && r.period === period);
  return (
    find(edition) ??
    find(project.editions.find((e) => String(e.year) === period)) ??
    project.editions
      .filter((e) => e.year <= edition.year)
      .reverse()
      .map(find)
      .find((r) => r !== undefined)
  );
}

export function editionOf(project: Project, year: number | string | undefined): Edition | undefined {
  return project.editions.find((e) => String(e.year) === String(year));
}

/** Headline indicators: the editor's list, else the first indicator of each domain. */
export function headlineEntries(project: Project, edition: Edition): Entry[] {
  if (edition.headline?.length)
    return edition.headline.map((id) => entryOf(edition, id)).filter((e): e is Entry => !!e);
  return project.domains
    .map((d) => edition.entries.find((e) => e.indicator.domain === d && typeof e.value === 'number'))
    .filter((e): e is Entry => !!e);
}
