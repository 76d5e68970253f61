/**
 * A command leaves no process behind — finished, or stopped with Ctrl-C halfway through a build — and a stopped
 * build leaves the site as it was. The build runs as an editor runs it: `node scripts/build.ts`, in a session of
 * its own, so every process it starts can be found afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { copySite, editFile, ROOT } from './helpers/project-copy.ts';

/**
 * Every process a build started, wherever it went: each carries the build's own marker in its environment
 * (Chromium makes itself a session of its own, and orphans are adopted by init, so neither session nor parent
 * finds them all). Zombies have no environment; `zombies` finds those of the build's session.
 */
function processesOf(marker: string): Array<{ pid: number; command: string }> {
  const found: Array<{ pid: number; command: string }> = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(marker)) continue;
      found.push({
        pid: Number(pid),
        command: readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim(),
      });
    } catch {
      // Gone while looked at.
    }
  }
  return found;
}
const zombies = (sid: number) =>
  spawnSync('ps', ['-eo', 'sid=,stat=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([s, stat]) => Number(s) === sid && stat!.startsWith('Z'))
    .map(([, , ...args]) => args.join(' '));

interface BuildRun {
  code: number | null;
  output: string;
  /** Processes of the build still running after it exited. */
  left: Array<{ pid: number; command: string }>;
  /** Its children that exited after it did, which nobody waited for. */
  unreaped: string[];
}

/**
 * Runs the build of `root` as an editor does, in a session of its own; with `interruptAt`, presses Ctrl-C once one
 * of its processes matches (the build prints little under CI, so its processes tell where it is).
 */
function runBuild(root: string, interruptAt?: RegExp): Promise<BuildRun> {
  const marker = `WHITE_PAPER_TEST_RUN=${randomUUID()}`;
  const [name, value] = marker.split('=') as [string, string];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--root', root], {
      cwd: ROOT,
      detached: true,
      env: { ...process.env, [name]: value },
    });
    let output = '';
    const read = (chunk: Buffer) => (output += chunk.toString());
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    const watch =
      interruptAt &&
      setInterval(() => {
        if (!processesOf(marker).some((p) => interruptAt.test(p.command))) return;
        clearInterval(watch);
        process.kill(-child.pid!, 'SIGINT'); // the whole group, as a terminal's Ctrl-C
      }, 100);
    child.on('exit', (code) => {
      if (watch) clearInterval(watch);
      resolve({ code, output, left: processesOf(marker), unreaped: zombies(child.pid!) });
    });
  });
}

describe('clean exit', () => {
  it('a finished build leaves no process running', async () => {
    const site = copySite();
    const { code, output, left, unreaped } = await runBuild(site);
    expect(code, output).toBe(0);
    // esbuild's and Pagefind's services ended and waited for: not even a zombie.
    expect(left).toEqual([]);
    expect(unreaped).toEqual([]);
  });

  it('Ctrl-C while Astro builds stops the build at once, says so, and leaves no process and the previous site', async () => {
    const site = copySite();
    expect((await runBuild(site)).code).toBe(0);
    const before = readFileSync(join(site, 'dist/index.html'), 'utf8');
    // A changed summary: pages and the edition's PDF are made afresh, not taken from the caches.
    editFile(site, 'content/editions/2024/edition.yaml', (yaml) =>
      yaml.replace('summary: >-', 'summary: >-\n  （已修订）'),
    );
    // Astro is bundling once esbuild's service runs (a PDF is printed too quickly now to catch reliably).
    const { code, output, left, unreaped } = await runBuild(site, /esbuild/);
    expect(code, output).toBe(130);
    expect(output.trimEnd().split('\n').at(-1)).toContain('已中断（Ctrl-C）');
    // Nothing running, the browser included. (Chromium's own helpers, which it hands to init, may be exiting.)
    expect(left).toEqual([]);
    expect(unreaped.filter((c) => !/chromium/.test(c))).toEqual([]);
    expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toBe(before);
    expect(existsSync(join(site, '.build-tmp'))).toBe(false);
  });
});
