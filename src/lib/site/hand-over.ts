/**
 * How a build gives its pages the project it has already loaded and validated. Astro bundles the pages and
 * runs the bundle in this same process, where a module of the bundle is a copy, not the module the build
 * imported: the one way to pass the pages an object (not a re-parse of the files) is process-wide. So it is
 * one typed slot, filled by the build function for the length of one Astro build and emptied after it
 * (builds are one at a time: `build-lock.ts`); `astro dev`, `astro check` and `astro build` run directly
 * find it empty and load the project themselves.
 */
const SLOT = Symbol.for('quality-white-paper.handed-over');

interface Slot {
  value?: unknown;
}

const slot = (): Slot => ((globalThis as Record<symbol, Slot | undefined>)[SLOT] ??= {});

/** Fills the slot for one build; returns the function that empties it. */
export function handOver<T>(value: T): () => void {
  slot().value = value;
  return () => {
    if (slot().value === value) delete slot().value;
  };
}

/** What the running build handed over, if any. */
export const handedOver = <T>(): T | undefined => slot().value as T | undefined;
