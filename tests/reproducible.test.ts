/** Two clean builds of the same content are byte-identical: no wall clock anywhere in dist/. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { build as runBuild } from './helpers/commands.ts';
import { copyProject, tempDir } from './helpers/project-copy.ts';

const checksums = (dist: string) =>
  Object.fromEntries(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );

describe('reproducible builds', () => {
  it('two clean builds a few seconds apart produce identical files, XLSX and data package included; so does a build from the caches', async () => {
    const dir = copyProject();
    const build = async (cacheDir: string) => {
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
      const result = await runBuild(dir, { cacheDir });
      expect(result.status, result.stderr).toBe(0);
      return checksums(join(dir, 'dist'));
    };
    // Caches of their own: the charts, pictures and search index are made afresh, not copied from the first build.
    const first = await build(tempDir('wp-cache-'));
    const kept = tempDir('wp-cache-');
    const second = await build(kept);
    // Everything kept by the second build is reused: what the caches give is what a clean build makes.
    const third = await build(kept);
    expect(Object.keys(first).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(3);
    for (const other of [second, third]) {
      expect(Object.keys(first).filter((f) => first[f] !== other[f])).toEqual([]);
      expect(Object.keys(other).sort()).toEqual(Object.keys(first).sort());
    }
  });
});
