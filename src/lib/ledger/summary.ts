import { entryOf, type Entry } from './evaluation.ts';
import type { Edition, Project } from '../content/project.ts';
import { STATUSES, type Status } from './status.ts';

export type StatusCounts = Record<Status, number> & { total: number };

export function countStatuses(entries: readonly Entry[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const e of entries) counts[e.status]++;
  return { ...counts, total: entries.length };
}

/** Indicators neither met nor missed: discontinued, changed by policy, or not assessed. */
export const otherCount = (counts: StatusCounts): number => counts.total - counts.met - counts.not_met;

export interface DomainCompletion {
  domain: string;
  counts: StatusCounts;
}

export function completionByDomain(entries: readonly Entry[], domains: readonly string[]): DomainCompletion[] {
  return domains
    .map((domain) => ({ domain, counts: countStatuses(entries.filter((e) => e.indicator.domain === domain)) }))
    .filter((d) => d.counts.total > 0);
}

/** Share of assessed indicators (met + not met) that were met, 0–1; null when none assessed. */
export function completionRate(counts: StatusCounts): number | null {
  const assessed = counts.met + counts.not_met;
  return assessed === 0 ? null : counts.met / assessed;
}

/** Headline indicators: the editor's list, else the first numeric indicator of each domain. */
export function headlineEntries(project: Project, edition: Edition): Entry[] {
  if (edition.headline?.length) {
    return edition.headline.map((id) => entryOf(edition, id)).filter((e): e is Entry => !!e);
  }
  return project.domains
    .map((d) => edition.yearEntries.find((e) => e.indicator.domain === d && typeof e.value === 'number'))
    .filter((e): e is Entry => !!e);
}
