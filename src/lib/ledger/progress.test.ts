import { describe, expect, it } from 'vitest';

import { judgePace, type PaceInput } from './progress.ts';

/** A plan with base year 2020 and a target due in 2025. */
const pace = (value: number, goal: number, direction: PaceInput['direction'] = 'higher', base = 90, year = 2023) =>
  judgePace({ base: { year: 2020, value: base }, current: { year, value }, goal, goalYear: 2025, direction });

describe('progress towards an end-year target, by pace', () => {
  it('is achieved when the value already meets the target', () => {
    expect(pace(96, 96)?.progress).toBe('achieved');
    expect(pace(24, 25, 'lower', 30)?.progress).toBe('achieved');
  });

  it('is on track at 95% of the needed pace or more, slow below it, off track when not moving towards it', () => {
    // Needed: (95 − 90) / 5 = 1 a year. After 3 years: 93 is on pace, 92.85 is exactly 95% of it.
    expect(pace(93, 95)).toEqual({ progress: 'on_track', actual: 1, needed: 1 });
    expect(pace(92.85, 95)?.progress).toBe('on_track');
    expect(pace(92.8, 95)?.progress).toBe('slow');
    expect(pace(90.3, 95)?.progress).toBe('slow');
    expect(pace(90, 95)?.progress).toBe('off_track');
    expect(pace(89, 95)?.progress).toBe('off_track');
  });

  it('reads falling targets the same way', () => {
    // PM2.5: base 30, target ≤25 in 2025 → −1 a year.
    expect(pace(27, 25, 'lower', 30)?.progress).toBe('on_track');
    expect(pace(29, 25, 'lower', 30)?.progress).toBe('slow');
    expect(pace(31, 25, 'lower', 30)?.progress).toBe('off_track');
  });

  it('judges a count summed over the plan from a base of zero', () => {
    // 新增5个以上 by 2025: 1 a year needed; 3 after 2023 is on track, 2 is slow.
    expect(pace(3, 5, 'higher', 0)?.progress).toBe('on_track');
    expect(pace(2, 5, 'higher', 0)?.progress).toBe('slow');
  });

  it('is off track when a base that met the target has been left', () => {
    expect(pace(95, 96, 'higher', 96)?.progress).toBe('off_track');
  });

  it('cannot judge in the base year itself or without a span', () => {
    expect(pace(93, 95, 'higher', 90, 2020)).toBeNull();
  });
});
