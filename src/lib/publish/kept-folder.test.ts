import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/helpers/project-copy.ts';
import { folderKey, keptFolder } from './kept-folder.ts';

describe('keptFolder', () => {
  const index = async (into: string) => {
    mkdirSync(join(into, 'fragment'), { recursive: true });
    writeFileSync(join(into, 'entry.json'), '{"pages":2}');
    writeFileSync(join(into, 'fragment', 'a.pf_fragment'), 'a');
  };
  const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

  it('makes the folder once, then copies the kept one into the build', async () => {
    const work = tempDir('wp-kept-');
    const cache = join(work, 'cache', 'not-yet-made');
    let made = 0;
    const make = async (into: string) => {
      made++;
      await index(into);
    };
    expect(await keptFolder(cache, 'k1', join(work, 'one', 'pagefind'), make)).toEqual({ hit: false });
    mkdirSync(join(work, 'two', 'pagefind'), { recursive: true });
    writeFileSync(join(work, 'two', 'pagefind', 'stale.json'), 'from an earlier build');
    expect(await keptFolder(cache, 'k1', join(work, 'two', 'pagefind'), make)).toEqual({ hit: true });
    expect(made).toBe(1);
    expect(files(join(work, 'two', 'pagefind'))).toEqual(['entry.json', 'fragment', 'fragment/a.pf_fragment']);
    expect(readFileSync(join(work, 'two', 'pagefind', 'fragment', 'a.pf_fragment'), 'utf8')).toBe('a');
    expect(readdirSync(cache)).toEqual(['k1']);
  });

  it('keeps nothing when making fails, and fails the build', async () => {
    const work = tempDir('wp-kept-');
    const cache = join(work, 'cache');
    const failing = async () => {
      throw new Error('Pagefind could not start');
    };
    await expect(keptFolder(cache, 'k2', join(work, 'pagefind'), failing)).rejects.toThrow('Pagefind could not start');
    expect(() => readdirSync(cache)).toThrow();
  });

  it('costs a cache that cannot be written only the next build a make', async () => {
    const work = tempDir('wp-kept-');
    writeFileSync(join(work, 'cache'), 'a file where the folder would be');
    expect(await keptFolder(join(work, 'cache'), 'k3', join(work, 'pagefind'), index)).toEqual({ hit: false });
    expect(files(join(work, 'pagefind'))).toContain('entry.json');
  });

  it('keys the parts in order, each part ended', () => {
    expect(folderKey(['ab', 'c'])).not.toBe(folderKey(['a', 'bc']));
    expect(folderKey(['a', 'b'])).not.toBe(folderKey(['b', 'a']));
    expect(folderKey(['a', 'b'])).toBe(folderKey(['a', 'b']));
  });
});
