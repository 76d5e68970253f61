import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Phase timings of a build as data, for `npm run bench`: with `WHITE_PAPER_TIMINGS=<file>` set,
 * scripts/build.ts and the integrations record the seconds of each phase in that JSON file.
 * Without it nothing is written. The human log lines of the build stay as they are.
 */
export const TIMINGS_ENV = 'WHITE_PAPER_TIMINGS';

/**
 * `validation`: loading and checking every editor file; `astro`: Astro's whole build, the integrations'
 * `search` (Pagefind index) and `pdf` (all editions) included; `pdf:<year>`: printing one edition
 * (absent when its PDF came from the cache).
 */
export type Phase = 'validation' | 'astro' | 'search' | 'pdf' | `pdf:${number}`;

export interface BuildTimings {
  /** Seconds by phase. */
  phases: Partial<Record<Phase, number>>;
}

type Env = Record<string, string | undefined>;

function fileOf(env: Env): string | null {
  const file = env[TIMINGS_ENV];
  return file ? resolve(file) : null;
}

/** Starts an empty record (a build begins), so a stale file never mixes with this build's phases. */
export function startTimings(env: Env = process.env): void {
  const file = fileOf(env);
  if (file) writeTimings(file, { phases: {} });
}

/** Adds one phase to the record. Synchronous: phases recorded concurrently in one process never clash. */
export function recordPhase(phase: Phase, seconds: number, env: Env = process.env): void {
  const file = fileOf(env);
  if (!file) return;
  let timings: BuildTimings = { phases: {} };
  try {
    timings = readTimings(file);
  } catch {
    // No record yet (Astro run directly, without scripts/build.ts): start one.
  }
  timings.phases[phase] = Math.round(seconds * 1000) / 1000;
  writeTimings(file, timings);
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
