import type { Direction } from './target.ts';

/**
 * Progress towards a plan's end-year target in the plan's middle years, judged by pace the way
 * Eurostat's SDG monitoring judges quantified targets: the actual average annual change since the base
 * year against the average annual change needed from the base year to reach the target in the end year.
 *
 *   achieved   已提前达到  the value already meets the end-year target
 *   on_track   进度正常    actual pace ≥ 95% of the needed pace
 *   slow       进度偏慢    moving towards the target, but at less than 95% of the needed pace
 *   off_track  偏离目标    not moving towards the target (no change, or moving away)
 */
export const PROGRESSES = ['achieved', 'on_track', 'slow', 'off_track'] as const;
export type Progress = (typeof PROGRESSES)[number];

/** Share of the needed pace from which progress counts as on track (Eurostat: “significant progress”). */
export const ON_TRACK_PACE = 0.95;

export interface PaceInput {
  /** The base year and its value (for counts summed over the plan: the year before it began, 0). */
  base: { year: number; value: number };
  current: { year: number; value: number };
  /** The end-year target as a threshold, and the year it is due. */
  goal: number;
  goalYear: number;
  /** Which side of the goal meets it. */
  direction: Direction;
}

export interface Pace {
  progress: Progress;
  /** Average change per year since the base year, and the change per year needed. */
  actual: number;
  needed: number;
}

/** Whether a value already meets an end-year goal: no base or pace is needed to say so. */
export const meetsGoal = (value: number, goal: number, direction: Direction): boolean =>
  direction === 'higher' ? value >= goal : value <= goal;

export function judgePace({ base, current, goal, goalYear, direction }: PaceInput): Pace | null {
  const elapsed = current.year - base.year;
  const span = goalYear - base.year;
  if (elapsed <= 0 || span <= 0) return null;
  const actual = (current.value - base.value) / elapsed;
  const needed = (goal - base.value) / span;
  if (meetsGoal(current.value, goal, direction)) return { progress: 'achieved', actual, needed };
  // Needed is non-zero here: a value that misses the goal differs from it, and so does the base unless
  // the value moved away from a base that met it (then any movement is away).
  const ratio = needed === 0 ? -1 : actual / needed;
  const progress = ratio >= ON_TRACK_PACE - 1e-9 ? 'on_track' : ratio > 0 ? 'slow' : 'off_track';
  return { progress, actual, needed };
}
