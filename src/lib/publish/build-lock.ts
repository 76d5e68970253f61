import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One build at a time per project: two at once would share Astro's caches and swap the same output
 * folder. The lock is a folder (created atomically) holding the builder's process id; a lock left by a
 * process that no longer runs (a killed build) is taken over. Returns the holder's pid when refused,
 * and the system's error code when the lock cannot be written at all (a read-only project folder).
 */
export function takeBuildLock(
  path: string,
): { release: () => void } | { heldBy: number | null } | { unwritable: string } {
  try {
    mkdirSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    if (code !== 'EEXIST') return { unwritable: code };
    const pidFile = join(path, 'pid');
    // No pid yet: a build is starting this very moment.
    if (!existsSync(pidFile)) return { heldBy: null };
    const pid = Number(readFileSync(pidFile, 'utf8'));
    if (running(pid)) return { heldBy: pid };
    rmSync(path, { recursive: true, force: true });
    mkdirSync(path);
  }
  writeFileSync(join(path, 'pid'), String(process.pid));
  return { release: () => rmSync(path, { recursive: true, force: true }) };
}

function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
