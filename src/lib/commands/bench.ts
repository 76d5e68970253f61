/**
 * `npm run bench`, in process: what a bureau waits for and what its readers download, measured on this
 * machine and returned as data (`BenchResult`); `benchReport` (bench-report.ts) words it and checks the
 * issue's goals, scripts/bench.ts only parses its arguments and prints.
 *
 * - Install: the README's first command's install step (`npm install`) in a fresh `git clone` of the
 *   project, with npm's cache as this machine has it (warm: the project was installed from it), its
 *   node_modules measured as `du` measures it; then what `npm run test-tools` adds.
 * - Builds run as the README's build step (`npm run build`, package.json's flags included) in a child process
 *   under GNU time (peak resident memory of the largest process: the build, Chromium, Pagefind), each in a
 *   copy of the working tree with a node_modules of its own (links to this project's packages, its own
 *   `.cache` and `.astro`), so wiping caches for a cold build touches nobody else's. Phase seconds come from the
 *   build's timings file (publish/build-timings.ts).
 * - The demo cold (no PDF, pictures or Astro cache, no dist/) and warm (the same build again); generated
 *   shapes (bench-corpus.ts): 20 editions × 200 indicators × 10 chapters, the ledger-rows series (1k, 10k,
 *   100k rows), 10,000 indicators × 10 editions, breakdown-heavy; and a bare Astro project of the same page
 *   count, built the same way in the same run, for the demo, the 20×200×10 corpus, 100k rows and 10k × 10.
 * - Lighthouse is a devDependency, which src/ may not import: the script passes it in (`lighthouse`).
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { delimiter, join, sep } from 'node:path';

import { PDFDocument } from 'pdf-lib';

import { loadProject } from '../content/load-project.ts';
import { readTimings } from '../publish/build-timings.ts';
import { launchBrowser } from '../publish/chrome.ts';
import { type PageWeight, pageWeight } from '../publish/page-weight.ts';
import { serveStatic } from '../publish/static-server.ts';
import { closeWhenStopped } from '../site/child-processes.ts';
import { diagnostics, messagesFor } from '../site/messages/index.ts';
import { paths } from '../site/urls.ts';
import {
  BENCH_QUERY,
  chapterProse,
  type CorpusSize,
  HISTORY_YEARS,
  sampleProse,
  writeBaseline,
  writeBreakdownCorpus,
  writeCorpus,
  writeLedgerCorpus,
} from './bench-corpus.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseScores = Record<(typeof LIGHTHOUSE_CATEGORIES)[number], number>;

export interface LighthouseRow {
  page: string;
  path: string;
  mobile: LighthouseScores;
  desktop: LighthouseScores;
  /** Audits that kept a category below 100: `category: audit id (shown value)`. */
  failing: string[];
}

/** Lighthouse on pages (site paths) of a built dist/; the script's scripts/bench-lighthouse.ts. */
export type LighthouseRunner = (dist: string, pages: Record<string, string>) => Promise<LighthouseRow[]>;

/** The generated shapes (bench-corpus.ts). */
export const CORPUS_SIZE: CorpusSize = { editions: 20, indicators: 200, chapters: 10 };
export const LEDGER_ROWS = [1_000, 10_000, 100_000] as const;
export const INDICATORS_SIZE: CorpusSize = { editions: 10, indicators: 10_000, chapters: 3 };
export const BREAKDOWN_SHAPE = { categories: 200, years: 10 } as const;

export interface BenchOptions {
  /** The project measured: its working tree (code and demo content) is copied, its git HEAD cloned for the install. */
  root: string;
  /** Only the demo (cold, warm, its baseline and page measures) and the install. */
  demoOnly?: boolean;
  /** Each build (and the install) this many times; tables show every run and the median. Default 1. */
  runs?: number;
  /** Measure the install (a fresh clone, `npm install`, `npm run test-tools`); default true. */
  install?: boolean;
  /** Lighthouse (a devDependency, injected by the script); without it no Lighthouse table. */
  lighthouse?: LighthouseRunner;
  /** A build still running after this many seconds is stopped and reported as such; default 600. */
  buildTimeoutSeconds?: number;
  /** Progress lines (which build, where); default nowhere. */
  log?: (line: string) => void;
}

/** Seconds by phase (build-timings.ts); null when the phase did not end (not run, or the build was stopped). */
export interface Phases {
  validation: number | null;
  /** Astro's whole build, the integrations' pictures, pdf and search included. */
  astro: number | null;
  /** Astro's own part: configuration, content sync, bundling, rendering every page (the pictures' SVGs too). */
  pages: number | null;
  /** The integrations' build-done work in all: PDF, pictures and search index. */
  finishing: number | null;
  pictures: number | null;
  pdf: number | null;
  search: number | null;
}

export interface Timed {
  /** Wall-clock seconds of the command, npm's and Node's start included. */
  seconds: number;
  /**
   * Peak resident memory of the largest process (GNU time's %M), MB; for a stopped command, the highest peak
   * (VmHWM) of the processes alive when it was stopped.
   */
  maxRssMb: number;
  /** Stopped at the time limit: seconds is the limit. */
  stopped: boolean;
}

export interface BuildRun extends Timed {
  phases: Phases;
  /** It exited with an error (the end of its output is in the bench's log): its figures are not a build's. */
  failed: boolean;
}

/** Every run, and the median of each figure. */
export interface Measured<T> {
  runs: T[];
  median: T;
}

export interface PdfEdition {
  year: number;
  /** Seconds printing it; null when the PDF came from the cache. */
  printed: number | null;
  pages: number;
  bytes: number;
}

/** What the last run of a build wrote into dist/ (null when it was stopped). */
export interface BuiltSite {
  htmlPages: number;
  pdfs: PdfEdition[];
  indexBytes: number;
  pictureCount: number;
  pictureBytes: number;
}

export interface BuildMeasure extends Measured<BuildRun> {
  site: BuiltSite | null;
}

export interface BaselineMeasure extends Measured<Timed> {
  pages: number;
}

export interface InstallRun {
  /** `npm install` in the fresh clone. */
  seconds: number;
  /** node_modules after it (disk usage, as du). */
  bytes: number;
  /** `npm run test-tools` after it. */
  testToolsSeconds: number;
  /** node_modules after test-tools. */
  bytesWithTestTools: number;
  /** npm's cache grew during the install: it was not warm for every package. */
  cacheGrewBytes: number;
}

export interface InstallMeasure extends Measured<InstallRun> {
  /** As typed in the README. */
  command: string;
  /** The commit cloned (the project's git HEAD: what is committed, not the working tree). */
  commit: string;
  npmCache: string;
  npmCacheBytes: number;
}

export interface ShapeMeasure {
  /** What was built, e.g. `100000 ledger rows`. */
  shape: string;
  build: BuildMeasure;
  baseline: BaselineMeasure | null;
}

export interface BenchResult {
  machine: { cores: number; loadBefore: number[]; loadAfter: number[] };
  runs: number;
  buildCommand: string;
  buildTimeoutSeconds: number;
  install: InstallMeasure | null;
  /** The baseline and the page measures need a built demo: null when every build of it was stopped. */
  demo: {
    cold: BuildMeasure;
    warm: BuildMeasure;
    baseline: BaselineMeasure | null;
    firstQueryBytes: number | null;
    weights: Record<string, PageWeight> | null;
    lighthouse: LighthouseRow[] | null;
  };
  corpus: {
    size: CorpusSize;
    build: BuildMeasure;
    baseline: BaselineMeasure;
    firstQueryBytes: number;
    weights: Record<string, PageWeight> | null;
  } | null;
  ledgerSeries: Array<ShapeMeasure & { rows: number; indicators: number }>;
  indicators: (ShapeMeasure & { size: CorpusSize }) | null;
  breakdown: ShapeMeasure | null;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { root } = options;
  const runs = Math.max(1, Math.floor(options.runs ?? 1));
  const timeout = options.buildTimeoutSeconds ?? 600;
  const log = options.log ?? (() => {});
  const d = diagnostics().cli.bench;
  const steps = readmeSteps(readFileSync(join(root, 'README.md'), 'utf8'));
  const loadBefore = loadavg();
  const work = mkdtempSync(join(tmpdir(), 'wp-bench-'));
  // Removed however the bench ends: returned, failed, or stopped with Ctrl-C (which exits from the script's handler);
  // retried while a stopped build's last processes still write into it, never throwing from the exit handler.
  const removeWork = () => {
    try {
      rmSync(work, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // Left in the temporary folder.
    }
  };
  process.on('exit', removeWork);
  const builder: Builder = { root, buildStep: steps.build, timeout, log, runs };
  try {
    const install = options.install === false ? null : await measureInstall(root, steps.install, runs, work, log);

    // The demo: cold and warm in turn, `runs` times, then its baseline and what its pages weigh.
    const demoDir = projectCopy(root, work, 'demo', { withContent: true });
    const cold: BuildRun[] = [];
    const warm: BuildRun[] = [];
    let coldSite: BuiltSite | null = null;
    let warmSite: BuiltSite | null = null;
    for (let run = 1; run <= runs; run++) {
      forgetBuilds(demoDir);
      log(d.demo(false, run, runs, demoDir));
      cold.push(await timedBuild(builder, demoDir));
      coldSite = await builtSite(demoDir, cold.at(-1)!);
      log(d.demo(true, run, runs, demoDir));
      warm.push(await timedBuild(builder, demoDir));
      warmSite = await builtSite(demoDir, warm.at(-1)!);
    }
    const demoBuild = { cold: measured(cold, coldSite), warm: measured(warm, warmSite) };
    const demoPages = (warmSite ?? coldSite)?.htmlPages;
    const demoDist = join(demoDir, 'dist');
    const pages = lighthousePages(demoDir);
    const built = demoPages !== undefined && existsSync(demoDist);
    if (built && options.lighthouse) log(d.lighthouse(Object.keys(pages).length));
    const demo: BenchResult['demo'] = {
      ...demoBuild,
      baseline: built ? await baseline(builder, work, 'demo', demoPages, chapterProse(demoDir)) : null,
      lighthouse: built && options.lighthouse ? await options.lighthouse(demoDist, pages) : null,
      firstQueryBytes: built ? await firstQueryBytes(demoDist, BENCH_QUERY) : null,
      weights: built ? pageWeights(demoDir) : null,
    };

    let corpus: BenchResult['corpus'] = null;
    const ledgerSeries: BenchResult['ledgerSeries'] = [];
    let indicators: BenchResult['indicators'] = null;
    let breakdown: BenchResult['breakdown'] = null;
    if (!options.demoOnly) {
      const size = CORPUS_SIZE;
      const dir = projectCopy(root, work, 'corpus');
      const { prose, pages: expected } = writeCorpus(dir, size);
      log(d.corpus(size.editions, size.indicators, size.chapters, dir));
      const build = await coldBuilds(builder, dir);
      const query = build.site ? await firstQueryBytes(join(dir, 'dist'), BENCH_QUERY) : 0;
      const weights = build.site ? pageWeights(dir) : null;
      rmSync(dir, { recursive: true, force: true });
      const bare = await baseline(builder, work, 'corpus', build.site?.htmlPages ?? expected, prose);
      corpus = { size, build, baseline: bare, firstQueryBytes: query, weights };

      // How the build grows with the ledger: time and memory should grow no faster than the rows.
      for (const rows of LEDGER_ROWS) {
        const dir = projectCopy(root, work, `ledger-${rows}`);
        writeLedgerCorpus(dir, rows);
        log(d.ledgerCorpus(rows, dir));
        const build = await coldBuilds(builder, dir);
        rmSync(dir, { recursive: true, force: true });
        const largest = rows === LEDGER_ROWS.at(-1);
        const indicatorCount = Math.round(rows / HISTORY_YEARS);
        ledgerSeries.push({
          shape: `${rows} ledger rows`,
          rows,
          indicators: indicatorCount,
          build,
          // Indicator pages and the editions' pages: what the build would write, when it was stopped.
          baseline: largest
            ? await baseline(
                builder,
                work,
                `ledger-${rows}`,
                build.site?.htmlPages ?? indicatorCount + 10,
                sampleProse(20),
              )
            : null,
        });
      }

      // Many indicators over several editions (issue 28): 10,000 indicators × 10 editions, a few chapters.
      {
        const size = INDICATORS_SIZE;
        const dir = projectCopy(root, work, 'indicators');
        const { prose, pages: expected } = writeCorpus(dir, size);
        log(d.indicatorCorpus(size.indicators, size.editions, size.chapters, dir));
        const build = await coldBuilds(builder, dir);
        rmSync(dir, { recursive: true, force: true });
        indicators = {
          shape: `${size.indicators} indicators × ${size.editions} editions × ${size.chapters} chapters`,
          size,
          build,
          baseline: await baseline(builder, work, 'indicators', build.site?.htmlPages ?? expected, prose),
        };
      }

      // A breakdown-heavy site (issue 26): 200 categories × 5 measures × 10 editions.
      {
        const dir = projectCopy(root, work, 'breakdown');
        writeBreakdownCorpus(dir, BREAKDOWN_SHAPE.categories, BREAKDOWN_SHAPE.years);
        log(d.breakdownCorpus(BREAKDOWN_SHAPE.categories, BREAKDOWN_SHAPE.years, dir));
        const build = await coldBuilds(builder, dir);
        rmSync(dir, { recursive: true, force: true });
        breakdown = {
          shape: `${BREAKDOWN_SHAPE.categories} categories × 5 measures × ${BREAKDOWN_SHAPE.years} editions`,
          build,
          baseline: null,
        };
      }
    }
    return {
      machine: { cores: cpus().length, loadBefore, loadAfter: loadavg() },
      runs,
      buildCommand: steps.build.join(' '),
      buildTimeoutSeconds: timeout,
      install,
      demo,
      corpus,
      ledgerSeries,
      indicators,
      breakdown,
    };
  } finally {
    removeWork();
    process.off('exit', removeWork);
  }
}

/**
 * The README's first command, split into its steps: `npm install && npm run build` (the first line of the
 * first ```bash block, its comment dropped) gives the install step and the build step, each as argv.
 */
export function readmeSteps(readme: string): { install: string[]; build: string[] } {
  const block = /^```bash\n([\s\S]*?)^```/m.exec(readme)?.[1] ?? '';
  const first = block.split('\n').find((line) => line.trim().length > 0) ?? '';
  const [install, build] = first
    .replace(/\s+#.*$/, '')
    .split('&&')
    .map((step) => step.trim().split(/\s+/));
  if (!install?.[0] || !build?.[0]) throw new Error(`README.md: no "install && build" first command in: ${first}`);
  return { install, build };
}

/**
 * The environment a reader's shell would give a command: without what `npm run bench` added (npm's
 * `npm_*` settings, which a nested npm would take as its own, and node_modules/.bin on the PATH, which
 * would run the project's Node 24 and npm instead of the machine's).
 */
export function commandEnvironment(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD' && key !== 'NODE'),
  );
  clean.PATH = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir && !dir.includes(`node_modules${sep}.bin`) && !dir.includes('node-gyp-bin'))
    .join(delimiter);
  return clean;
}

/**
 * Bytes a folder takes on disk, as `du -s --block-size=1` counts them: allocated blocks of every file,
 * folder and link (not followed) in it, a file with several hard links once.
 */
export function diskUsage(dir: string): number {
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (path: string) => {
    const stat = lstatSync(path, { bigint: true });
    const inode = `${stat.dev}:${stat.ino}`;
    if (!seen.has(inode)) {
      seen.add(inode);
      bytes += Number(stat.blocks) * 512;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
  };
  if (existsSync(dir)) visit(dir);
  return bytes;
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Each numeric figure's median over the runs (nested records too); null when any run lacks the figure; a flag
 * is true when any run's was.
 */
export function medianOf<T extends object>(runs: readonly T[]): T {
  const first = runs[0]!;
  return Object.fromEntries(
    Object.keys(first).map((key) => {
      const all = runs.map((r) => (r as Record<string, unknown>)[key]);
      if (all.some((v) => v === null)) return [key, null];
      if (all.every((v) => typeof v === 'number')) return [key, median(all as number[])];
      if (all.every((v) => typeof v === 'boolean')) return [key, all.some(Boolean)];
      return [key, medianOf(all as object[])];
    }),
  ) as T;
}

const measured = (runs: BuildRun[], site: BuiltSite | null): BuildMeasure => ({ runs, median: medianOf(runs), site });

interface Builder {
  root: string;
  buildStep: string[];
  timeout: number;
  log: (line: string) => void;
  runs: number;
}

interface Finished {
  status: number | null;
  seconds: number;
  /** The last 8 KB of stdout and stderr, for a failure's message. */
  output: string;
  stopped: boolean;
  /** When stopped: the highest peak resident memory (VmHWM, KB) of the processes under it at that moment. */
  peakKbWhenStopped: number;
}

/**
 * Runs a command to its end (or, past `timeoutSeconds`, stops it: SIGTERM to every process under it, which
 * a build answers by closing its browser and removing its half-built site; SIGKILL 15 s later). Asynchronous,
 * so Ctrl-C on the bench reaches the command too (same process group) and the bench's own handler runs; when
 * the bench alone is stopped (SIGTERM to its process), the same SIGTERM goes to every process under the command
 * (`closeWhenStopped`): ending only its direct child, GNU time, would leave the build running.
 */
function runCommand(argv: string[], cwd: string, timeoutSeconds = Infinity): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: commandEnvironment(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8192);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let stopped = false;
    let peakKbWhenStopped = 0;
    const timers: NodeJS.Timeout[] = [];
    if (Number.isFinite(timeoutSeconds))
      timers.push(
        setTimeout(() => {
          stopped = true;
          peakKbWhenStopped = Math.max(0, ...descendants(child.pid!).map(peakResidentKb));
          signalTree(child.pid!, 'SIGTERM');
          timers.push(setTimeout(() => signalTree(child.pid!, 'SIGKILL'), 15_000));
        }, timeoutSeconds * 1000),
      );
    const closed = new Promise<void>((done) => child.once('close', () => done()));
    const unregister = closeWhenStopped(async () => {
      signalTree(child.pid!, 'SIGTERM');
      await closed;
    });
    child.on('error', (e) => {
      unregister();
      reject(e);
    });
    child.on('close', (status) => {
      unregister();
      for (const t of timers) clearTimeout(t);
      resolve({ status, seconds: (performance.now() - started) / 1000, output, stopped, peakKbWhenStopped });
    });
  });
}

/** The processes under `pid` (Linux /proc), deepest last. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((thread) =>
      readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    // Gone already.
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** The peak resident memory of a running process so far (Linux: VmHWM in /proc/<pid>/status), KB; 0 if gone. */
function peakResidentKb(pid: number): number {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Signals the processes under `pid` (GNU time itself is left to report on them). */
function signalTree(pid: number, signal: NodeJS.Signals): void {
  for (const p of descendants(pid))
    try {
      process.kill(p, signal);
    } catch {
      // Gone already.
    }
}

/**
 * Runs `argv` in `cwd` under GNU time, which writes the peak resident memory of the largest process to a file
 * of its own rather than into the command's output.
 */
async function underTime(
  argv: string[],
  cwd: string,
  timeoutSeconds: number,
): Promise<Finished & { maxRssMb: number }> {
  // In the command's folder (the bench's temporary one), so a bench stopped midway leaves nothing elsewhere.
  const rssFile = join(cwd, '.bench-maxrss-kb');
  rmSync(rssFile, { force: true });
  const finished = await runCommand(['/usr/bin/time', '-o', rssFile, '-f', '%M', ...argv], cwd, timeoutSeconds);
  const kb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  rmSync(rssFile, { force: true });
  // A stopped command's own children may not have been waited for (npm is stopped with them): GNU time's
  // figure then misses them, and the peaks read before the stop are the better one.
  return { ...finished, maxRssMb: (finished.stopped ? Math.max(kb || 0, finished.peakKbWhenStopped) : kb) / 1024 };
}

/** One build of the project in `dir`, as the README's build step, with its phase timings. */
async function timedBuild(builder: Builder, dir: string): Promise<BuildRun> {
  const timingsFile = join(dir, '.bench-timings.json');
  rmSync(timingsFile, { force: true });
  const run = await underTime([...builder.buildStep, '--', '--timings', timingsFile], dir, builder.timeout);
  const failed = !run.stopped && run.status !== 0;
  if (run.stopped) builder.log(diagnostics().cli.bench.stopped(builder.timeout));
  // Said, and the bench goes on: one shape's failure (Chromium killed for memory) must not cost the others' figures.
  else if (failed) builder.log(diagnostics().cli.bench.buildFailed(dir, run.output.slice(-3000)));
  const phases = existsSync(timingsFile) ? readTimings(timingsFile).phases : {};
  return {
    seconds: run.stopped ? builder.timeout : run.seconds,
    maxRssMb: run.maxRssMb,
    stopped: run.stopped,
    failed,
    phases: {
      validation: phases.validation ?? null,
      astro: phases.astro ?? null,
      pages: phases.pages ?? null,
      finishing: phases.finishing ?? null,
      pictures: phases.pictures ?? null,
      pdf: phases.pdf ?? null,
      search: phases.search ?? null,
    },
  };
}

/** `runs` builds of a generated site, each from nothing (caches and dist/ removed first). */
async function coldBuilds(builder: Builder, dir: string): Promise<BuildMeasure> {
  const runs: BuildRun[] = [];
  let site: BuiltSite | null = null;
  for (let run = 1; run <= builder.runs; run++) {
    forgetBuilds(dir);
    runs.push(await timedBuild(builder, dir));
    site = await builtSite(dir, runs.at(-1)!);
  }
  return measured(runs, site);
}

/** Removes what an earlier build left: dist/, the PDF, pictures and chart caches, Astro's and Vite's caches. */
function forgetBuilds(dir: string): void {
  for (const path of [
    'dist',
    '.build-tmp',
    '.astro',
    'node_modules/.cache',
    'node_modules/.astro',
    'node_modules/.vite',
  ])
    rmSync(join(dir, path), { recursive: true, force: true });
}

/** The bare Astro project of `pages` pages in `work`, built `runs` times as ours is (a fresh project each time). */
async function baseline(
  builder: Builder,
  work: string,
  name: string,
  pages: number,
  prose: string[],
): Promise<BaselineMeasure> {
  const runs: Timed[] = [];
  for (let run = 1; run <= builder.runs; run++) {
    const dir = join(work, `baseline-${name}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    writeBaseline(dir, pages, prose.length > 0 ? prose : sampleProse(20));
    privateNodeModules(builder.root, dir);
    builder.log(diagnostics().cli.bench.baseline(pages, dir));
    const built = await underTime(builder.buildStep, dir, builder.timeout);
    if (!built.stopped && built.status !== 0)
      throw new Error(`baseline failed in ${dir}:\n${built.output.slice(-3000)}`);
    runs.push({
      seconds: built.stopped ? builder.timeout : built.seconds,
      maxRssMb: built.maxRssMb,
      stopped: built.stopped,
    });
    rmSync(dir, { recursive: true, force: true });
  }
  return { pages, runs, median: medianOf(runs) };
}

/** The folders and files of the code a build needs (and the demo's content and data when asked). */
const CODE = ['src', 'scripts', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** A throw-away copy of the working tree in `work`: the code, a private node_modules, the demo's content if asked. */
function projectCopy(root: string, work: string, name: string, { withContent = false } = {}): string {
  const dir = join(work, name);
  for (const entry of [...CODE, ...(withContent ? ['content', 'data'] : [])])
    cpSync(join(root, entry), join(dir, entry), { recursive: true });
  privateNodeModules(root, dir);
  return dir;
}

/**
 * A node_modules of the copy's own whose entries link to the project's packages: the builds' caches
 * (`.cache`: PDF, pictures, chart trials; `.astro`, `.vite`) are then the copy's, made and removed there,
 * never the project's (a linked node_modules would put them in the project's, under other builds' feet).
 */
function privateNodeModules(root: string, dir: string): void {
  const source = realpathSync(join(root, 'node_modules'));
  const target = join(dir, 'node_modules');
  mkdirSync(target);
  for (const entry of readdirSync(source))
    if (!['.cache', '.astro', '.vite'].includes(entry))
      symlinkSync(realpathSync(join(source, entry)), join(target, entry));
}

/** What the build in `dir` wrote: pages, PDFs (printed or from the cache), the search index, the share pictures. */
async function builtSite(dir: string, run: BuildRun): Promise<BuiltSite | null> {
  const dist = join(dir, 'dist');
  if (run.stopped || run.failed || !existsSync(dist)) return null;
  const timings = existsSync(join(dir, '.bench-timings.json'))
    ? readTimings(join(dir, '.bench-timings.json')).phases
    : {};
  const pdfs: PdfEdition[] = [];
  for (const edition of loadProject(dir).editions) {
    const file = join(dist, paths.pdf(edition.year));
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    pdfs.push({
      year: edition.year,
      printed: timings[`pdf:${edition.year}`] ?? null,
      pages: (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount(),
      bytes: bytes.length,
    });
  }
  const files = readdirSync(dist, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  const pictures = files.filter(
    (f) =>
      f.name.endsWith('.png') && f.parentPath.endsWith('pictures') && f.parentPath.includes(`${sep}editions${sep}`),
  );
  const size = (list: typeof files) => list.reduce((n, f) => n + statSync(join(f.parentPath, f.name)).size, 0);
  return {
    htmlPages: files.filter((f) => f.name.endsWith('.html')).length,
    pdfs,
    indexBytes: size(files.filter((f) => f.parentPath.startsWith(join(dist, 'pagefind')))),
    pictureCount: pictures.length,
    pictureBytes: size(pictures),
  };
}

/**
 * The README's install step, `runs` times, each in a fresh clone of the project's git HEAD; then
 * `npm run test-tools` there. npm's cache is this machine's: measured before and after, so an install
 * that had to download says so (`cacheGrewBytes`).
 */
async function measureInstall(
  root: string,
  install: string[],
  runs: number,
  work: string,
  log: (line: string) => void,
): Promise<InstallMeasure> {
  const d = diagnostics().cli.bench;
  const cacheQuery = await runCommand(['npm', 'config', 'get', 'cache'], root);
  const npmCache = cacheQuery.output.trim().split('\n').at(-1)!;
  const cacheBytes = () => diskUsage(join(npmCache, '_cacache'));
  const npmCacheBytes = cacheBytes();
  const results: InstallRun[] = [];
  let commit = '';
  for (let run = 1; run <= runs; run++) {
    const dir = join(work, 'clone');
    rmSync(dir, { recursive: true, force: true });
    const clone = await runCommand(['git', 'clone', '--quiet', root, dir], work);
    if (clone.status !== 0) throw new Error(`git clone failed:\n${clone.output}`);
    commit = (await runCommand(['git', 'rev-parse', 'HEAD'], dir)).output.trim();
    log(d.install(install.join(' '), run, runs, dir));
    const before = cacheBytes();
    const installed = await runCommand(install, dir);
    if (installed.status !== 0) throw new Error(`${install.join(' ')} failed:\n${installed.output.slice(-3000)}`);
    const cacheGrewBytes = Math.max(0, cacheBytes() - before);
    const bytes = diskUsage(join(dir, 'node_modules'));
    log(d.testTools(dir));
    const tools = await runCommand(['npm', 'run', 'test-tools'], dir);
    if (tools.status !== 0) throw new Error(`npm run test-tools failed:\n${tools.output.slice(-3000)}`);
    results.push({
      seconds: installed.seconds,
      bytes,
      testToolsSeconds: tools.seconds,
      bytesWithTestTools: diskUsage(join(dir, 'node_modules')),
      cacheGrewBytes,
    });
    rmSync(dir, { recursive: true, force: true });
  }
  return { command: install.join(' '), commit, npmCache, npmCacheBytes, runs: results, median: medianOf(results) };
}

/** The demo's page types Lighthouse audits, by name. */
function lighthousePages(dir: string): Record<string, string> {
  const project = loadProject(dir);
  const latest = project.editions.at(-1)!;
  return {
    home: paths.home(),
    edition: paths.edition(latest.year),
    'older edition': paths.edition(project.editions[0]!.year),
    digest: paths.digest(latest.year),
    'chapter with charts': paths.chapter(latest.year, latest.chapters.find((c) => c.charts.length > 0)!.slug),
    indicator: paths.indicator(project.publishedIndicators[0]!.id),
    'indicator index': paths.indicators(),
    data: paths.data(),
    'search with results': paths.search(BENCH_QUERY),
    // Lighthouse stops on a 404 status (ERRORED_DOCUMENT_REQUEST): it audits the 404 page at its own address.
    '404': '/404.html',
  };
}

/** Bytes the search page fetches from the Pagefind index to answer its first query, in Chromium. */
async function firstQueryBytes(dist: string, query: string): Promise<number> {
  const { origin, close } = await serveStatic(dist, { notFoundPage: '404.html' });
  try {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      let fetched = 0;
      page.on('response', async (r) => {
        if (r.url().includes('/pagefind/')) fetched += (await r.body().catch(() => Buffer.alloc(0))).length;
      });
      await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
      // Done when the status says how many pages were found, or that none were (the search page's sentences).
      const { count, empty } = messagesFor().search;
      await page.waitForFunction(
        ([found, none]) => {
          const status = document.getElementById('search-status')?.textContent ?? '';
          return status.startsWith(found) || status === none;
        },
        [count.replace('{q}', query).split('{n}')[0]!, empty.replace('{q}', query)] as const,
        { timeout: 60_000 },
      );
      await page.waitForLoadState('networkidle');
      return fetched;
    } finally {
      await browser.close();
    }
  } finally {
    await close();
  }
}

/** The gzip bytes each page type loads before any interaction (HTML, CSS, JavaScript). */
function pageWeights(dir: string): Record<string, PageWeight> {
  const dist = join(dir, 'dist');
  const project = loadProject(dir);
  const latest = project.editions.at(-1)!;
  const read = (p: string) => (existsSync(join(dist, p)) ? readFileSync(join(dist, p)) : null);
  const types: Record<string, string> = {
    home: paths.home(),
    edition: paths.edition(latest.year),
    chapter: paths.chapter(latest.year, latest.chapters[1]!.slug),
    indicator: paths.indicator(project.publishedIndicators[0]!.id),
    data: paths.data(),
    search: paths.search(),
  };
  return Object.fromEntries(
    Object.entries(types).map(([t, p]) => [t, pageWeight(readFileSync(join(dist, p, 'index.html'), 'utf8'), read)]),
  );
}
