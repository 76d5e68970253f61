import type { Entry } from '../content/project.ts';
import { STATUSES, type Status } from './status.ts';

export type StatusCounts = Record<Status, number> & { total: number };

export function countStatuses(entries: readonly Entry[]): StatusCounts {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const e of entries) counts[e.status]++;
  return { ...counts, total: entries.length };
}

export interface DomainCompletion {
  domain: string;
  counts: StatusCounts;
}

export function completionByDomain(entries: readonly Entry[], domains: readonly string[]): DomainCompletion[] {
  return domains
    .map((domain) => ({ domain, counts: countStatuses(entries.filter((e) => e.indicator.domain === domain)) }))
    .filter((d) => d.counts.total > 0);
}

/** Share of assessed indicators (已完成 + 未完成) that were completed, 0–1; null when none assessed. */
export function completionRate(counts: StatusCounts): number | null {
  const assessed = counts['已完成'] + counts['未完成'];
  return assessed === 0 ? null : counts['已完成'] / assessed;
}
