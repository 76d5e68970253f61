import { inPlan, type Plan, planOf } from './plan.ts';
import type { Status } from './status.ts';

/**
 * Why an indicator reported one year has no place in the next year's ledger, or null when it does:
 * `retired` — the editor marked it 不再统计 or 政策调整 last year; `plan_ended` — the next year begins a
 * new plan and the indicator was one of the finished plan's targets but is none of the new plan's.
 * One rule for `npm run new-edition` (which rows to scaffold) and `npm run check` (which missing rows
 * to warn about), so a plan switch gives one message instead of one warning per indicator.
 */
export type Ended = 'retired' | 'plan_ended';

export function whyEnded(
  plans: readonly Plan[],
  id: string,
  lastStatus: Status | null,
  from: number,
  to: number,
): Ended | null {
  if (lastStatus === 'discontinued' || lastStatus === 'policy_changed') return 'retired';
  const finished = planOf(plans, from);
  const next = planOf(plans, to);
  return finished && next && next !== finished && inPlan(finished, id) && !inPlan(next, id) ? 'plan_ended' : null;
}
