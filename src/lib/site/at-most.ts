/** What the items running at once may use together: each item's share (its `weight`) of a `total`. */
export interface Budget<T> {
  weight: (item: T) => number;
  total: number;
}

/**
 * Runs `run` on every item, at most `limit` at once: each of `limit` runners takes the next item when its last one
 * ends, so the items start in their order. With a `budget`, the next item also waits until it fits beside the items
 * running (an item larger than the whole budget runs alone). Rejects with the first failure.
 */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
  budget?: Budget<T>,
): Promise<void> {
  const queue = [...items];
  let used = 0;
  const waiting: Array<() => void> = [];
  const anEnd = () => new Promise<void>((resolve) => waiting.push(resolve));
  const runner = async () => {
    while (queue.length > 0) {
      const weight = budget?.weight(queue[0]!) ?? 0;
      if (used > 0 && used + weight > budget!.total) {
        await anEnd();
        continue;
      }
      const item = queue.shift()!;
      used += weight;
      try {
        await run(item);
      } finally {
        used -= weight;
        for (const resolve of waiting.splice(0)) resolve();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, runner));
}
