import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/helpers/project-copy.ts';
import { takeBuildLock } from './build-lock.ts';

describe('the build lock', () => {
  it('lets one build in, refuses a second while the first runs, and frees on release', () => {
    const path = join(tempDir('wp-lock-'), '.build-lock');
    const first = takeBuildLock(path);
    expect('release' in first).toBe(true);
    expect(takeBuildLock(path)).toEqual({ heldBy: process.pid });
    if ('release' in first) first.release();
    const again = takeBuildLock(path);
    expect('release' in again).toBe(true);
    if ('release' in again) again.release();
  });

  it('takes over a lock left by a build that no longer runs', () => {
    const path = join(tempDir('wp-lock-'), '.build-lock');
    const held = takeBuildLock(path);
    writeFileSync(join(path, 'pid'), '2147483646'); // no such process
    const taken = takeBuildLock(path);
    expect('release' in taken).toBe(true);
    if ('release' in held) held.release();
  });
});
