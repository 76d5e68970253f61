/**
 * A command leaves no process behind — finished, or stopped with Ctrl-C halfway through a build — and a stopped
 * build leaves the site as it was. The build runs as an editor runs it: `node scripts/build.ts`, in a session of
 * its own, so every process it starts can be found afterwards.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { copySite, ROOT } from './helpers/project-copy.ts';

/**
 * The processes of a session, zombies included: a child that exited after the command did is one nobody waited
 * for (this machine's init does not reap them), so it shows here too.
 */
const sessionProcesses = (sid: number) =>
  spawnSync('ps', ['-eo', 'pid=,sid=,stat=,args='], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, s]) => Number(s) === sid)
    .map(([pid, , stat, ...args]) => ({ pid, stat: stat!, command: args.join(' ') }));
const running = (processes: ReturnType<typeof sessionProcesses>) => processes.filter((p) => !p.stat.startsWith('Z'));

/** Runs the build of `root` as its own session; `interruptWhen` says, from the output so far, when to press Ctrl-C. */
function runBuild(root: string, interruptWhen?: (output: string) => boolean) {
  return new Promise<{ code: number | null; output: string; left: ReturnType<typeof sessionProcesses> }>((resolve) => {
    const child = spawn(process.execPath, ['scripts/build.ts', '--root', root], { cwd: ROOT, detached: true });
    let output = '';
    let pressed = false;
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (interruptWhen && !pressed && interruptWhen(output)) {
        pressed = true;
        process.kill(-child.pid!, 'SIGINT'); // the whole group, as a terminal's Ctrl-C
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => resolve({ code, output, left: sessionProcesses(child.pid!) }));
  });
}

describe('clean exit', () => {
  it('a finished build leaves no process running', async () => {
    const site = copySite();
    const { code, output, left } = await runBuild(site);
    expect(code, output).toBe(0);
    // esbuild's and Pagefind's services ended and waited for: not even a zombie.
    expect(left).toEqual([]);
  });

  it('Ctrl-C while the PDF prints stops the build at once, says so, and leaves no process and the previous site', async () => {
    const site = copySite();
    expect((await runBuild(site)).code).toBe(0);
    const before = readFileSync(join(site, 'dist/index.html'), 'utf8');
    // Printing is under way once the build says it is waiting for the PDF step.
    const { code, output, left } = await runBuild(site, (o) => o.includes('white-paper-pdf-edition'));
    expect(code, output).toBe(130);
    expect(output.trimEnd().split('\n').at(-1)).toContain('已中断（Ctrl-C）');
    // Nothing running. Chromium's own helpers, which it detaches to init, may still be exiting.
    expect(running(left)).toEqual([]);
    expect(left.map((p) => p.command).filter((c) => !/chromium/.test(c))).toEqual([]);
    expect(readFileSync(join(site, 'dist/index.html'), 'utf8')).toBe(before);
    expect(existsSync(join(site, '.build-tmp'))).toBe(false);
  });
});
