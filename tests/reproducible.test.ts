/** Two clean builds of the same content are byte-identical: no wall clock anywhere in dist/. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

import { build as runBuild } from './helpers/commands.ts';
import { copyProject } from './helpers/project-copy.ts';

const checksums = (dist: string) =>
  Object.fromEntries(
    readdirSync(dist, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name))
      .map((f) => [relative(dist, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );

describe('reproducible builds', () => {
  it('two clean builds a few seconds apart produce identical files, XLSX and data package included', async () => {
    const dir = copyProject();
    const build = async () => {
      rmSync(join(dir, 'dist'), { recursive: true, force: true });
      const result = await runBuild(dir);
      expect(result.status, result.stderr).toBe(0);
      return checksums(join(dir, 'dist'));
    };
    const first = await build();
    const second = await build();
    expect(Object.keys(first).filter((f) => f.endsWith('.xlsx')).length).toBeGreaterThan(3);
    const differing = Object.keys(first).filter((f) => first[f] !== second[f]);
    expect(differing).toEqual([]);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
  });
});
