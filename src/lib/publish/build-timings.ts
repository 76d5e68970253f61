import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Phase timings of a build as data, for `npm run bench`: the build function and the integrations it
 * constructs record the seconds of each phase through the `RecordPhase` sink they are given
 * (`npm run build -- --timings <file>` writes them to a JSON file). Without a sink nothing is recorded.
 * The human log lines of the build stay as they are.
 */

/**
 * `validation`: loading and checking every editor file; `astro`: Astro's whole build, the integrations'
 * `pictures` (share pictures' PNGs), `search` (Pagefind index) and `pdf` (all editions) included; `pages`: the
 * part of it before the integrations' build-done work (configuration, content sync, bundling, rendering every
 * page, the pictures' SVGs included) — recorded as soon as it ends, so a build stopped later still has it;
 * `finishing`: the rest of it, the integrations' build-done work in all (PDF, pictures, search);
 * `pdf:<year>`: printing one edition (absent when its PDF came from the cache).
 */
export type Phase = 'validation' | 'astro' | 'pages' | 'finishing' | 'pictures' | 'search' | 'pdf' | `pdf:${number}`;

export interface BuildTimings {
  /** Seconds by phase. */
  phases: Partial<Record<Phase, number>>;
}

/** Where a build reports the seconds one phase took. */
export type RecordPhase = (phase: Phase, seconds: number) => void;

/** A sink that records nothing (the default). */
export const noTimings: RecordPhase = () => {};

/**
 * A sink writing the record to `file` (JSON), started empty so a stale file never mixes with this build's
 * phases. Each phase is written synchronously: phases recorded concurrently in one process never clash.
 */
export function timingsFile(file: string): RecordPhase {
  const path = resolve(file);
  const timings: BuildTimings = { phases: {} };
  writeTimings(path, timings);
  return (phase, seconds) => {
    timings.phases[phase] = Math.round(seconds * 1000) / 1000;
    writeTimings(path, timings);
  };
}

export function readTimings(file: string): BuildTimings {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildTimings>;
  if (typeof data !== 'object' || data === null || typeof data.phases !== 'object' || data.phases === null)
    throw new Error(`${file} is not a build timings file`);
  return { phases: data.phases };
}

function writeTimings(file: string, timings: BuildTimings): void {
  writeFileSync(file, `${JSON.stringify(timings, null, 2)}\n`);
}
