/**
 * npm run build: validate every content and data file first (all problems at once, located and worded),
 * then build into a temporary folder and swap it in, so a failed build never leaves a half-written
 * site — the previous dist/ stays as it was.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'astro';
import { recordPhase, startTimings } from '../src/lib/publish/build-timings.ts';
import { takeBuildLock } from '../src/lib/publish/build-lock.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { validateProject } from '../src/lib/content/validate.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { parseCli, ROOT_OPTION, useContentRoot } from '../src/lib/site/cli-args.ts';

const d = diagnostics().cli.build;
const { values } = parseCli(process.argv.slice(2), d.usage, ROOT_OPTION);
// The site's folder (content/, data/, and dist/ for the output); the code is always this project's.
const root = useContentRoot(values.root);
const outDir = join(root, 'dist');
const tmpDir = join(root, '.build-tmp', 'dist');
const oldDir = join(root, '.build-tmp', 'dist.previous');

const seconds = (since: number) => (performance.now() - since) / 1000;
startTimings();
const validationStarted = performance.now();
const { project, problems } = validateProject(root);
recordPhase('validation', seconds(validationStarted));
if (problems.length > 0) console.error(formatReport(problems));
if (hasErrors(problems)) {
  console.error(`\n${d.stopped}${d.fixAndRerun}`);
  process.exit(1);
}

const lockPath = join(import.meta.dirname, '..', '.build-lock');
const lock = takeBuildLock(lockPath);
if ('heldBy' in lock) {
  console.error(d.locked(lock.heldBy));
  process.exit(1);
}
if ('unwritable' in lock) {
  console.error(`${d.cannotWrite(lockPath, lock.unwritable)}\n\n${d.stopped}`);
  process.exit(1);
}
process.on('exit', lock.release);
try {
  rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
  // Made here, not by Astro: its bundler reports a read-only folder as an internal error with a backtrace.
  // One level at a time: a recursive mkdir reports a read-only folder as ENOENT.
  mkdirSync(join(root, '.build-tmp'));
  mkdirSync(tmpDir);
} catch (e) {
  const { code, path } = e as NodeJS.ErrnoException;
  console.error(`${d.cannotWrite(path ?? tmpDir, code ?? String(e))}\n\n${d.stopped}`);
  process.exit(1);
}
// A production build whatever the caller's environment (test runners set NODE_ENV=test).
process.env.NODE_ENV = 'production';
const astroStarted = performance.now();
try {
  await build({ root: join(import.meta.dirname, '..'), outDir: tmpDir, logLevel: process.env.CI ? 'warn' : 'info' });
  recordPhase('astro', seconds(astroStarted));
} catch (e) {
  // A folder Astro cannot write (read-only, full disk) is named in the editor's words; other failures
  // (a chapter that does not compile) carry their own message.
  const { code, path } = e as NodeJS.ErrnoException;
  console.error(`\n${code && path ? d.cannotWrite(path, code) : (e as Error).message}\n\n${d.stopped}`);
  process.exit(1);
}
try {
  if (existsSync(outDir)) renameSync(outDir, oldDir);
  renameSync(tmpDir, outDir);
} catch (e) {
  // E.g. a read-only folder: put back what was there and say why, in the editor's words.
  if (!existsSync(outDir) && existsSync(oldDir)) renameSync(oldDir, outDir);
  rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
  console.error(
    `\n${d.cannotReplace(outDir, (e as NodeJS.ErrnoException).code ?? (e as Error).message)}\n\n${d.stopped}`,
  );
  process.exit(1);
}
rmSync(join(root, '.build-tmp'), { recursive: true, force: true });
console.log(`\n${d.built(outDir, project.editions.length)}`);
