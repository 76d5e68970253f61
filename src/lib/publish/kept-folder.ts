import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A folder a build generates (the search index) kept across builds under a key of everything it is made from: a
 * build whose input is unchanged copies the kept folder instead of making it again.
 */

/** A key of the parts, in order (each part ended, so `['ab', 'c']` and `['a', 'bc']` differ). */
export function folderKey(parts: Iterable<string>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 32);
}

/**
 * Fills `target` (made, or replaced) with the folder kept under `key` in `cacheDir`, else with what `make` writes
 * into it, which is then kept: whole or not at all (copied beside, then renamed), and an unwritable cache costs
 * only the next build a `make`.
 */
export async function keptFolder(
  cacheDir: string,
  key: string,
  target: string,
  make: (into: string) => Promise<void>,
): Promise<{ hit: boolean }> {
  const kept = join(cacheDir, key);
  rmSync(target, { recursive: true, force: true });
  if (existsSync(kept)) {
    cpSync(kept, target, { recursive: true });
    return { hit: true };
  }
  await make(target);
  const temp = join(cacheDir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    cpSync(target, temp, { recursive: true });
    renameSync(temp, kept);
  } catch {
    // Read-only, full, or kept meanwhile by another build (the rename finds it there): not kept this time.
    rmSync(temp, { recursive: true, force: true });
  }
  return { hit: false };
}
