import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TopLevelSpec } from 'vega-lite';

import type { Project } from '../model/project.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from '../site/problems.ts';
import { customChartSpec } from './custom-chart-spec.ts';

/**
 * The general guard on editors' custom charts: each is rendered once during validation exactly as the
 * build will render it (plotted records, wide, phone and print SVG), in a child process with a time and a
 * memory limit, so whatever the static rules (content/spec-rules.ts) miss becomes a located error before
 * the build, never a hung or crashed build. A rendered SVG with a style attribute is refused too: the
 * site's CSP ignores it. Synchronous (spawnSync), as the validation is.
 */
export type TrialFailure = 'timeout' | 'memory' | 'expression' | 'style' | 'spec' | 'unavailable';
export type TrialOutcome = { ok: true } | { ok: false; failure: TrialFailure };

/** A chart of the demo renders in ~0.1 s: ten seconds is far beyond any real chart, and short for a build. */
export const TRIAL_SECONDS = 10;
/** The child's V8 heap; the largest ledger's custom chart needs under a quarter of it. */
export const TRIAL_MEMORY_MB = 512;

export interface TrialOptions {
  /** Seconds for one chart (the limit of a run is this plus a second per further chart). */
  seconds?: number;
  memoryMb?: number;
  /** Passes are remembered by content hash in node_modules/.cache; tests can turn that off. */
  cache?: boolean;
}

const CHILD = fileURLToPath(new URL('./chart-trial-child.ts', import.meta.url));
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/white-paper-chart-trials', import.meta.url));
/** What else decides a trial's outcome: the renderer's code and versions. */
const PIPELINE = ['chart-trial-child.ts', 'chart-svg.ts', 'phone-chart.ts', 'text-width.ts']
  .map((name) => readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), 'utf8'))
  .concat(['vega', 'vega-lite', 'vega-interpreter'].map(packageVersion))
  .join('\0');

function packageVersion(name: string): string {
  try {
    return readFileSync(fileURLToPath(new URL(`../../../node_modules/${name}/package.json`, import.meta.url)), 'utf8');
  } catch {
    return name;
  }
}

/** The outcome of each spec, in order. */
export function trialRender(specs: readonly TopLevelSpec[], options: TrialOptions = {}): TrialOutcome[] {
  const { seconds = TRIAL_SECONDS, memoryMb = TRIAL_MEMORY_MB, cache = true } = options;
  const limits = `${process.version} ${seconds} ${memoryMb}`;
  const keys = specs.map((spec) =>
    createHash('sha256').update(PIPELINE).update(limits).update(JSON.stringify(spec)).digest('hex'),
  );
  const outcomes: Array<TrialOutcome | undefined> = keys.map((key) =>
    cache && existsSync(join(CACHE_DIR, key)) ? { ok: true } : undefined,
  );
  const compileCache = getCompileCacheDir();
  // One child for all the charts still to try; after a chart stops it, another for the rest.
  for (let pending = todo(outcomes); pending.length > 0; pending = todo(outcomes)) {
    const run = spawnSync(process.execPath, [`--max-old-space-size=${memoryMb}`, CHILD], {
      input: JSON.stringify(pending.map((i) => specs[i])),
      // The command's compile cache (scripts/compile-cache.ts), if on: the child loads Vega in half the time.
      env: { ...process.env, ...(compileCache ? { NODE_COMPILE_CACHE: compileCache } : {}) },
      timeout: (seconds + pending.length - 1) * 1000,
      maxBuffer: 1024 * 1024,
      encoding: 'utf8',
      killSignal: 'SIGKILL',
    });
    let running: number | undefined;
    for (const [, word, n, outcome] of run.stdout?.matchAll(/^(start|done) (\d+) ?(\w*)$/gm) ?? []) {
      const i = pending[Number(n)]!;
      if (word === 'start') running = i;
      else {
        running = undefined;
        outcomes[i] = outcome === 'ok' ? { ok: true } : { ok: false, failure: outcome as TrialFailure };
      }
    }
    if (running !== undefined) {
      const timedOut = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
      // V8 aborts a process whose heap is full or whose array or string outgrows its limit.
      const outOfMemory =
        run.signal === 'SIGABRT' || /out of memory|invalid size|allocation failed/i.test(run.stderr ?? '');
      outcomes[running] = { ok: false, failure: timedOut ? 'timeout' : outOfMemory ? 'memory' : 'spec' };
    } else if (todo(outcomes).length === pending.length)
      // The child did not start a chart at all (no Node that runs TypeScript, a broken install): say so
      // rather than pass what was not tried.
      for (const i of pending) outcomes[i] = { ok: false, failure: 'unavailable' };
  }
  if (cache)
    for (const [i, outcome] of outcomes.entries())
      if (outcome?.ok)
        try {
          mkdirSync(CACHE_DIR, { recursive: true });
          writeFileSync(join(CACHE_DIR, keys[i]!), '');
        } catch {
          // An unwritable cache only costs the next validation a trial.
        }
  return outcomes as TrialOutcome[];
}

const todo = (outcomes: ReadonlyArray<TrialOutcome | undefined>) =>
  outcomes.flatMap((outcome, i) => (outcome ? [] : [i]));

/**
 * The validation step: every custom chart of the loaded editions tried as the build will draw it (drafts
 * too when the project was loaded with them), each spec of an edition once; a failure is an error on the
 * spec file.
 */
export function customChartProblems(project: Project, options: TrialOptions = {}): Problem[] {
  const charts = project.editions.flatMap((edition) =>
    [...new Set(edition.chapters.flatMap((c) => c.charts.flatMap((ref) => (ref.kind === 'custom' ? [ref.spec] : []))))]
      .filter((name) => edition.customSpecs[name] !== undefined)
      .map((name) => ({
        file: `content/editions/${edition.year}/${name}`,
        spec: customChartSpec(project, edition, edition.customSpecs[name]),
      })),
  );
  const d = diagnostics().customSpec.trial;
  const seconds = options.seconds ?? TRIAL_SECONDS;
  const memoryMb = options.memoryMb ?? TRIAL_MEMORY_MB;
  return trialRender(
    charts.map((c) => c.spec),
    options,
  ).flatMap((outcome, i) => {
    if (outcome.ok) return [];
    const file = charts[i]!.file;
    const message = {
      timeout: d.timeout(file, seconds),
      memory: d.memory(file, memoryMb),
      expression: d.expression(file),
      style: d.style(file),
      spec: d.spec(file),
      unavailable: d.unavailable(file),
    }[outcome.failure];
    return [error(file, message, { hint: d.hint })];
  });
}
