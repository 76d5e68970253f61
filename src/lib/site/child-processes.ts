import { readdirSync, readFileSync } from 'node:fs';

/**
 * The processes this one started that are still there: esbuild's and Pagefind's services, a browser, a renderer.
 * Read from Linux's /proc (each thread's `children`); elsewhere none are known.
 */
export function childProcesses(): number[] {
  try {
    return readdirSync('/proc/self/task').flatMap((thread) =>
      readFileSync(`/proc/self/task/${thread}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * Ends the child processes a command leaves (services that libraries keep for their next call, which they only
 * kill as Node exits and nobody then waits for) and waits until they are gone, so a command leaves no process
 * behind, finished or stopped. Node reaps each child it started once it exits; after `timeoutMs` the
 * stragglers are killed outright.
 */
export async function endChildProcesses(timeoutMs = 3000): Promise<void> {
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  for (const pid of childProcesses()) signal(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (childProcesses().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  for (const pid of childProcesses()) signal(pid, 'SIGKILL');
}

const closers = new Set<() => Promise<unknown>>();

/**
 * Registers how to close a process that must be closed, not killed, when a command is stopped (a browser:
 * killed, its renderers are orphaned); returns the unregistering. `stopChildProcesses` calls each first.
 */
export function closeWhenStopped(close: () => Promise<unknown>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

let stopped = false;
/** Whether the command was stopped (Ctrl-C): work still running must not then finish what it was doing (replace dist/). */
export const commandStopped = (): boolean => stopped;

/** A command stopped (Ctrl-C): closes what registered, within a second, then ends every child process left. */
export async function stopChildProcesses(): Promise<void> {
  stopped = true;
  await Promise.race([
    Promise.allSettled([...closers].map((close) => close())),
    new Promise((r) => setTimeout(r, 1000)),
  ]);
  await endChildProcesses();
}
