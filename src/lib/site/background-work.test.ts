import { setTimeout } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { backgroundSettled, inBackground } from './background-work.ts';

describe('background work', () => {
  it('is waited for until it ends, a failure included, without an unhandled rejection', async () => {
    const ended: string[] = [];
    void inBackground(setTimeout(30).then(() => ended.push('slow')));
    const failing = inBackground(setTimeout(10).then(() => Promise.reject(new Error('no'))));
    await backgroundSettled();
    expect(ended).toEqual(['slow']);
    await expect(failing).rejects.toThrow('no');
    // Nothing left to wait for.
    const started = performance.now();
    await backgroundSettled();
    expect(performance.now() - started).toBeLessThan(5);
  });
});
