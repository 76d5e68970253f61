/**
 * The build command, in process: validate every content and data file first (all problems at once, located
 * and worded), then build into a temporary folder and swap it in, so a failed build never leaves a
 * half-written site — the previous dist/ stays as it was. scripts/build.ts only parses its arguments,
 * prints and sets the exit code.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { validateProject } from './lib/commands/validate.ts';
import { takeBuildLock } from './lib/publish/build-lock.ts';
import { noTimings, type RecordPhase } from './lib/publish/build-timings.ts';
import { backgroundSettled } from './lib/site/background-work.ts';
import { commandStopped } from './lib/site/child-processes.ts';
import { handOver } from './lib/site/hand-over.ts';
import { diagnostics } from './lib/site/messages/index.ts';
import { hasErrors, type Problem } from './lib/site/problems.ts';

/** This project's folder: the code (and Astro's caches) every site is built with. */
const CODE_ROOT = join(import.meta.dirname, '..');

export interface BuildOptions {
  /** The site's folder: content/ and data/ are read from it, dist/ written into it. */
  root: string;
  /** Print the PDF edition (default on); off also hides its download on the edition pages. */
  pdf?: boolean;
  /** Where each phase's seconds go (`validation`, `astro`, `search`, `pdf` …); default nowhere. */
  timings?: RecordPhase;
  /** Astro's own log (its progress lines and the integrations'); default `info`. */
  logLevel?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Called with every problem as soon as the validation is done, before Astro starts (the report comes first). */
  onValidated?: (problems: Problem[]) => void;
  /** One build at a time: the lock folder, by default this project's `.build-lock` (Astro's caches are the project's). */
  lockFile?: string;
  /** Where builds keep what the next one reuses (charts, PDFs, pictures, search index); default node_modules/.cache. */
  cacheDir?: string;
}

/**
 * `built`; `invalid` (errors in the editors' files: `problems`); `locked` (another build runs); `unwritable`
 * (the lock or `.build-tmp/` cannot be made); `failed` (Astro or an integration failed: a chapter, the PDF
 * printer); `notReplaced` (dist/ could not be swapped; the previous one is back). `message` says it in the
 * editor's words; every outcome but `built` leaves the previous dist/ as it was.
 */
export interface BuildResult {
  outcome: 'built' | 'invalid' | 'locked' | 'unwritable' | 'failed' | 'notReplaced';
  /** The validation's problems (warnings too), empty when it did not run. */
  problems: Problem[];
  message: string;
  /** The dist/ folder written (built only). */
  outDir?: string;
}

export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const d = diagnostics().cli.build;
  const { root } = options;
  const timings = options.timings ?? noTimings;
  const outDir = join(root, 'dist');
  const tmpDir = join(root, '.build-tmp', 'dist');
  const oldDir = join(root, '.build-tmp', 'dist.previous');
  const seconds = (since: number) => (performance.now() - since) / 1000;

  const validationStarted = performance.now();
  const { project, problems } = validateProject(root);
  timings('validation', seconds(validationStarted));
  options.onValidated?.(problems);
  const stop = (outcome: BuildResult['outcome'], message: string): BuildResult => ({ outcome, problems, message });
  if (hasErrors(problems)) return stop('invalid', `\n${d.stopped}${d.fixAndRerun}`);

  const lockPath = options.lockFile ?? join(CODE_ROOT, '.build-lock');
  const lock = takeBuildLock(lockPath);
  if ('heldBy' in lock) return stop('locked', d.locked(lock.heldBy));
  if ('unwritable' in lock) return stop('unwritable', `${d.cannotWrite(lockPath, lock.unwritable)}\n\n${d.stopped}`);
  // Released however the build ends: returned, thrown, or the process exiting under it (Ctrl-C), which also
  // takes the half-built site with it.
  const removeHalfBuilt = () => rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
  process.on('exit', lock.release);
  process.on('exit', removeHalfBuilt);
  // A production build whatever the caller's environment (test runners set NODE_ENV=test); put back after.
  const nodeEnv = process.env.NODE_ENV;
  try {
    try {
      rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
      // Made here, not by Astro: its bundler reports a read-only folder as an internal error with a backtrace.
      // One level at a time: a recursive mkdir reports a read-only folder as ENOENT.
      mkdirSync(join(root, '.build-tmp'));
      mkdirSync(tmpDir);
    } catch (e) {
      const { code, path } = e as NodeJS.ErrnoException;
      return stop('unwritable', `${d.cannotWrite(path ?? tmpDir, code ?? String(e))}\n\n${d.stopped}`);
    }
    process.env.NODE_ENV = 'production';
    const astroStarted = performance.now();
    // Loaded only now: a build that stops at validation (and `check`, which shares the modules) never loads Astro.
    const [{ build }, { siteConfig }] = await Promise.all([import('astro'), import('./site-config.ts')]);
    // The pages and integrations get the validated project: the files are read once per build.
    const takeBack = handOver(project);
    try {
      await build({
        ...siteConfig({ root, project, pdf: options.pdf ?? true, timings, cacheDir: options.cacheDir }),
        configFile: false,
        root: CODE_ROOT,
        outDir: tmpDir,
        logLevel: options.logLevel ?? 'info',
      });
      timings('astro', seconds(astroStarted));
    } catch (e) {
      // A folder Astro cannot write (read-only, full disk) is named in the editor's words; other failures
      // (a chapter that does not compile) carry their own message.
      const { code, path } = e as NodeJS.ErrnoException;
      // What a step started and a later one was to wait for (the search index while the PDF prints) ends first.
      await backgroundSettled();
      rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
      return stop('failed', `\n${code && path ? d.cannotWrite(path, code) : (e as Error).message}\n\n${d.stopped}`);
    } finally {
      takeBack();
    }
    // Stopped (Ctrl-C) while Astro finished: the site that was there stays, as the stop message says.
    if (commandStopped()) {
      rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
      return stop('failed', `\n${d.stopped}`);
    }
    try {
      if (existsSync(outDir)) renameSync(outDir, oldDir);
      renameSync(tmpDir, outDir);
    } catch (e) {
      // E.g. a read-only folder: put back what was there and say why, in the editor's words.
      if (!existsSync(outDir) && existsSync(oldDir)) renameSync(oldDir, outDir);
      rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      return stop('notReplaced', `\n${d.cannotReplace(outDir, why)}\n\n${d.stopped}`);
    }
    rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
    return { outcome: 'built', problems, outDir, message: `\n${d.built(outDir, project.editions.length)}` };
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    lock.release();
    process.off('exit', lock.release);
    process.off('exit', removeHalfBuilt);
  }
}
