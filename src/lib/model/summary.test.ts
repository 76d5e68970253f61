import { describe, expect, it } from 'vitest';

import { bestDomain, completionRate, type DomainCompletion, type StatusCounts } from './summary.ts';

const counts = (c: Partial<StatusCounts>): StatusCounts => {
  const all = {
    met: 0,
    not_met: 0,
    in_progress: 0,
    discontinued: 0,
    policy_changed: 0,
    not_assessed: 0,
    ...c,
  };
  return { ...all, total: Object.values(all).reduce((a, b) => a + b, 0) };
};
const domain = (name: string, c: Partial<StatusCounts>): DomainCompletion => ({
  domain: name,
  counts: counts(c),
  rate: completionRate(counts(c)),
});

describe('the completion rate', () => {
  it('is met ÷ (met + not met): what a plan left unscored neither helps nor hurts', () => {
    // 洞头区 表1's 产品质量: 15 met, 2 not met, 3 discontinued or changed by policy, 2 not assessed.
    const c = counts({ met: 15, not_met: 2, discontinued: 2, policy_changed: 1, not_assessed: 2 });
    expect(completionRate(c)).toBeCloseTo(15 / 17);
    expect(completionRate(counts({ met: 3, in_progress: 5 }))).toBe(1);
  });

  it('is none when nothing was judged', () => {
    expect(completionRate(counts({ in_progress: 2, not_assessed: 1 }))).toBeNull();
    expect(completionRate(counts({}))).toBeNull();
  });

  it('ranks the domains: highest rate first, the first in reading order on a tie, none unjudged', () => {
    const domains = [
      domain('产品质量', { met: 5, not_met: 1 }),
      domain('服务质量', { met: 3, not_met: 5, not_assessed: 1 }),
      // 2 of 2 judged, though 6 of 8 in all are still in progress: the rate leaves those out.
      domain('环境质量', { met: 2, in_progress: 6 }),
      domain('工程质量', { met: 4 }),
    ];
    expect(bestDomain(domains)?.domain).toBe('环境质量');
    expect(bestDomain([domain('a', { not_assessed: 2 })])).toBeUndefined();
  });
});
