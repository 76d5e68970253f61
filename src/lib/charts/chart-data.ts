import { type Entry, entryAt } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import type { Edition, Project } from '../model/project.ts';

/**
 * The data charts draw, shaped from the one evaluation's entries (never evaluated again here): an
 * indicator's numeric entries across the periods an edition covers, as that edition quotes them.
 */
export function seriesEntries(project: Project, edition: Edition, indicator: Indicator): Entry[] {
  return allPeriods(project)
    .filter((p) => Number(p) <= edition.year)
    .map((period) => entryAt(project.editions, edition, indicator.id, period))
    .filter((e): e is Entry => typeof e?.value === 'number');
}

/**
 * Every period any edition reports, sorted: found once per project, not once per series — with
 * thousands of indicators a scan of every ledger for each made the build quadratic in the ledger.
 */
const periodsOf = new WeakMap<readonly Edition[], string[]>();
function allPeriods(project: Project): string[] {
  let periods = periodsOf.get(project.editions);
  if (!periods) {
    periods = [...new Set(project.editions.flatMap((e) => e.allEntries.map((x) => x.period)))].sort();
    periodsOf.set(project.editions, periods);
  }
  return periods;
}

/** The numeric value of an indicator in a period as the edition quotes it, or null. */
export function valueAt(project: Project, edition: Edition, id: string, period: string): number | null {
  const value = entryAt(project.editions, edition, id, period)?.value;
  return typeof value === 'number' ? value : null;
}

/** Every numeric indicator's series, one after another: the data a custom chart receives. */
export const ledgerSeries = (project: Project, edition: Edition): Entry[] =>
  project.publishedIndicators.filter((i) => i.type === 'number').flatMap((i) => seriesEntries(project, edition, i));
