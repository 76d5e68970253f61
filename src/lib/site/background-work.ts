/**
 * Work a build step starts and a later step waits for (the search index, made while the PDF prints): the build
 * command also waits for it when an earlier step fails, so nothing of that build still runs (a Pagefind process,
 * files written into `.build-tmp/`) once the command has said the build stopped and let the next one in.
 */
const running = new Set<Promise<unknown>>();

/** Registers `work` until it settles; returns it. A failure is the awaiting step's to report: never unhandled here. */
export function inBackground<T>(work: Promise<T>): Promise<T> {
  running.add(work);
  work.then(
    () => running.delete(work),
    () => running.delete(work),
  );
  return work;
}

/** Settles when every registered work has (fulfilled or not). */
export async function backgroundSettled(): Promise<void> {
  await Promise.allSettled([...running]);
}
