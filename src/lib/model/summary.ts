import { type Entry, entryOf } from '../ledger/evaluation.ts';
import { type Status, STATUSES } from '../ledger/status.ts';
import type { Edition, Project } from './project.ts';

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
  /** `completionRate(counts)`. */
  rate: number | null;
}

export function completionByDomain(entries: readonly Entry[], domains: readonly string[]): DomainCompletion[] {
  return domains
    .map((domain) => {
      const counts = countStatuses(entries.filter((e) => e.indicator.domain === domain));
      return { domain, counts, rate: completionRate(counts) };
    })
    .filter((d) => d.counts.total > 0);
}

/**
 * The completion rate, the one formula every output uses: of the indicators judged against their target
 * (met or not met), the share met, 0–1; null when none was judged. Indicators in progress, discontinued,
 * changed by policy or not assessed are left out, as the plans' completion tables leave them unscored:
 * counting them as missed would lower a rate for a target a plan dropped or has not yet reached its year.
 */
export function completionRate(counts: StatusCounts): number | null {
  const judged = counts.met + counts.not_met;
  return judged === 0 ? null : counts.met / judged;
}

/** The domain with the highest completion rate (the first in reading order on a tie); none when none was judged. */
export function bestDomain(domains: readonly DomainCompletion[]): DomainCompletion | undefined {
  let best: DomainCompletion | undefined;
  for (const d of domains) if (d.rate !== null && (best === undefined || d.rate > best.rate!)) best = d;
  return best;
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
