import { setTimeout } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { eachAtMost } from './at-most.ts';

describe('eachAtMost', () => {
  it('runs every item, in their order, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const started: number[] = [];
    await eachAtMost([5, 1, 4, 2, 3, 1, 2], 3, async (ms) => {
      started.push(ms);
      most = Math.max(most, ++running);
      await setTimeout(ms);
      running--;
    });
    expect(started).toEqual([5, 1, 4, 2, 3, 1, 2]);
    expect(most).toBe(3);
  });

  it('with a budget, starts the next item only when it fits beside those running, a too large one alone', async () => {
    let used = 0;
    let most = 0;
    const started: number[] = [];
    let largeAlone = true;
    await eachAtMost(
      [4, 4, 4, 9, 2, 2, 2],
      3,
      async (weight) => {
        started.push(weight);
        if (weight === 9 && used > 0) largeAlone = false;
        used += weight;
        most = Math.max(most, used);
        await setTimeout(weight);
        used -= weight;
      },
      { weight: (weight) => weight, total: 8 },
    );
    expect(started).toEqual([4, 4, 4, 9, 2, 2, 2]);
    expect(most).toBe(9);
    expect(largeAlone).toBe(true);
  });

  it('rejects with a failure of one item', async () => {
    await expect(
      eachAtMost([1, 2, 3], 2, async (n) => {
        if (n === 2) throw new Error('two');
      }),
    ).rejects.toThrow('two');
  });
});
