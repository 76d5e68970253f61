/**
 * Runs `run` on every item, at most `limit` at once: each of `limit` runners takes the next item when its last one
 * ends, so the items start in their order. Rejects with the first failure.
 */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  const queue = [...items];
  const runner = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await run(item);
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, runner));
}
