/**
 * What `npm run bench` prints, as a function of its result (`runBench`): the issue's goals beside the
 * measurements (pass or fail; never asserted by a test), then Markdown tables. A figure measured more than once
 * shows its median and every run.
 */
import { formatFileSize } from '../site/file-size.ts';
import { diagnostics } from '../site/messages/index.ts';
import type {
  BaselineMeasure,
  BenchResult,
  BuildMeasure,
  BuildRun,
  LighthouseRow,
  Measured,
  PdfEdition,
  ShapeMeasure,
  Timed,
} from './bench.ts';
import { LEDGER_ROWS, LIGHTHOUSE_CATEGORIES, median } from './bench.ts';
import { BENCH_QUERY } from './bench-corpus.ts';

const MB = 1024 * 1024;

export interface Goal {
  goal: string;
  limit: string;
  measured: string;
  /** null: not measured in this run (e.g. `--demo`), or not known (a stopped build's lower bound within the goal). */
  pass: boolean | null;
}

/** A figure, or (`atLeast`) a lower bound of it: what a stopped build still tells. */
export interface Bound {
  value: number;
  atLeast: boolean;
}

/**
 * Our own part of a build, "validation + Astro": its wall time less the integrations' finishing work (the share
 * pictures, the PDF and the search index; npm's and Node's start stay in, as they do in the
 * baseline's). For a stopped build a lower bound:
 * validation and Astro's pages when they ended, otherwise the time it ran (none of the integrations' build-done
 * work had begun, so all of it was ours).
 */
export function validationAndAstro(run: BuildRun): Bound {
  const p = run.phases;
  if (!run.stopped) return { value: run.seconds - (p.finishing ?? 0), atLeast: false };
  if (p.pages !== null) return { value: (p.validation ?? 0) + p.pages, atLeast: true };
  return { value: run.seconds, atLeast: true };
}

/** The median over the runs of a bound; a lower bound when any run's was. */
function medianBound<T>(m: Measured<T>, f: (run: T) => Bound): Bound {
  const bounds = m.runs.map(f);
  return { value: median(bounds.map((b) => b.value)), atLeast: bounds.some((b) => b.atLeast) };
}

/** A build's figure over its baseline's (the bare Astro build of the same page count); null without a baseline. */
function ratioTo(m: BuildMeasure, bare: BaselineMeasure | null | undefined, f: (run: BuildRun) => Bound): Bound | null {
  if (!bare || bare.median.stopped) return null;
  const ours = medianBound(m, f);
  return { value: ours.value / bare.median.seconds, atLeast: ours.atLeast };
}

const wall = (run: Timed): Bound => ({ value: run.seconds, atLeast: run.stopped });
const peak = (run: Timed): Bound => ({ value: run.maxRssMb, atLeast: run.stopped });

/**
 * The goals of issue 28, each checked against this run's medians. A stopped build fails a goal its lower bound
 * already exceeds; within it, the result is not known.
 */
export function benchGoals(result: BenchResult): Goal[] {
  const goals: Goal[] = [];
  const check = (
    goal: string,
    limit: string,
    max: number,
    figure: Bound | null | typeof FAILED,
    shown: (b: Bound) => string,
  ) =>
    goals.push(
      figure === FAILED
        ? { goal, limit, measured: 'build failed', pass: false }
        : {
            goal,
            limit,
            measured: figure === null ? 'not measured' : shown(figure),
            pass: figure === null ? null : figure.value > max ? false : figure.atLeast ? null : true,
          },
    );
  // A build that failed fails every goal it is measured against.
  const ofBuild = <F>(m: BuildMeasure | undefined, figure: (m: BuildMeasure) => F): F | null | typeof FAILED =>
    !m ? null : m.median.failed ? FAILED : figure(m);
  const buildTime = (goal: string, limit: string, max: number, m: BuildMeasure | undefined) =>
    check(
      goal,
      limit,
      max,
      ofBuild(m, (b) => medianBound(b, wall)),
      secondsBound,
    );
  const install = result.install;
  check(
    'default install (node_modules)',
    '≤ 500 MB',
    500,
    install && { value: install.median.bytes / MB, atLeast: false },
    (b) => `${b.value.toFixed(0)} MB`,
  );
  const { cold, warm } = result.demo;
  buildTime('cold demo build', '≤ 10 s', 10, cold);
  buildTime('warm demo build', '≤ 5 s', 5, warm);
  const largest = result.ledgerSeries.at(-1);
  const largestName = largest?.shape ?? `${LEDGER_ROWS.at(-1)} ledger rows`;
  buildTime(`${largestName}: time`, '≤ 60 s', 60, largest?.build);
  check(
    `${largestName}: peak memory`,
    '≤ 1 GB',
    1024,
    ofBuild(largest?.build, (m) => medianBound(m, peak)),
    memoryBound,
  );
  const indicators = result.indicators;
  const indicatorsName = indicators?.shape ?? 'indicators shape';
  buildTime(`${indicatorsName}: time`, '≤ 120 s', 120, indicators?.build);
  const shapes: Array<[string, BuildMeasure | undefined, BaselineMeasure | null | undefined]> = [
    ['demo (cold)', cold, result.demo.baseline],
    [largestName, largest?.build, largest?.baseline],
    [indicatorsName, indicators?.build, indicators?.baseline],
  ];
  for (const [shape, build, bare] of shapes)
    check(
      `validation + Astro / bare Astro, ${shape}`,
      '≤ 2×',
      2,
      ofBuild(build, (m) => ratioTo(m, bare, validationAndAstro)),
      ratioText,
    );
  return goals;
}

/** What a goal measured on a failed build shows. */
const FAILED = Symbol('build failed');

const s = (n: number) => `${n.toFixed(1)} s`;
const atLeast = (b: Bound, text: string) => (b.atLeast ? `≥ ${text}` : text);
const secondsBound = (b: Bound) => (b.atLeast ? `> ${s(b.value)} (stopped)` : s(b.value));
const memoryBound = (b: Bound) =>
  Number.isNaN(b.value) ? '?' : b.atLeast ? `≥ ${b.value.toFixed(0)} MB (when stopped)` : `${b.value.toFixed(0)} MB`;
const ratioText = (b: Bound) => atLeast(b, `${b.value.toFixed(2)}×`);
const seconds = (t: Timed) => secondsBound(wall(t));
const buildSeconds = (r: BuildRun) => (r.failed ? `failed after ${s(r.seconds)}` : seconds(r));
const memory = (t: Timed) => memoryBound(peak(t));
const size = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** The median, and every run in brackets when there was more than one. */
function each<T>(m: Measured<T>, show: (run: T) => string): string {
  return m.runs.length > 1 ? `${show(m.median)} [${m.runs.map(show).join(', ')}]` : show(m.median);
}

/** A bound's median, and every run's in brackets when there was more than one. */
function eachBound<T>(m: Measured<T>, f: (run: T) => Bound, show: (b: Bound) => string): string {
  const text = show(medianBound(m, f));
  return m.runs.length > 1 ? `${text} [${m.runs.map((r) => show(f(r))).join(', ')}]` : text;
}

/** A phase's seconds; — when it did not end (not run, or the build was stopped first). */
const phase = (key: keyof BuildRun['phases']) => (r: BuildRun) => {
  const value = r.phases[key];
  return value === null ? '—' : s(value);
};
/** What is left of the wall time: npm's and Node's start, loading the modules, the sitemap, swapping dist/. */
const startAndSwap = (r: BuildRun) => {
  const p = r.phases;
  if (r.stopped || p.pages === null) return '?';
  return s(r.seconds - (p.validation ?? 0) - p.pages - (p.finishing ?? 0));
};
const own = (b: Bound) => atLeast(b, s(b.value));

const pdfCell = (p: PdfEdition | undefined) =>
  p
    ? diagnostics().cli.bench.pdf(p.year, p.printed === null ? 'cached' : `${p.printed.toFixed(1)} s`, p.pages, p.bytes)
    : '';

/** Columns a text takes in a terminal: a Han character or full-width punctuation two, anything else one. */
export const displayWidth = (text: string): number =>
  [...text].reduce((n, c) => n + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c) ? 2 : 1), 0);

/** A Markdown table, columns padded to their widest cell (as a terminal shows it). */
export function markdownTable(header: string[], body: string[][]): string {
  const w = header.map((h, i) => Math.max(displayWidth(h), ...body.map((r) => displayWidth(r[i] ?? ''))));
  const pad = (text: string, width: number) => text + ' '.repeat(width - displayWidth(text));
  const line = (c: string[]) => `| ${w.map((n, i) => pad(c[i] ?? '', n)).join(' | ')} |`;
  return [line(header), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Every table of the bench, in the order printed. */
export function benchReport(result: BenchResult): string {
  const out: string[] = [];
  const { machine, demo } = result;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  out.push(
    [
      `Machine: ${machine.cores} cores; load average ${load(machine.loadBefore)} at the start, ${load(machine.loadAfter)} at the end` +
        (Math.max(...machine.loadBefore, ...machine.loadAfter) > machine.cores * 0.5
          ? ' (other work was running: times are high by that much).'
          : '.'),
      `Builds: \`${result.buildCommand}\` in a copy of the working tree, under GNU time (peak memory = largest process); ` +
        `${result.runs} run${result.runs > 1 ? 's' : ''} each${result.runs > 1 ? ', median [each run]' : ''}; ` +
        `a build past ${result.buildTimeoutSeconds} s is stopped.`,
    ].join('\n'),
  );

  out.push(
    markdownTable(
      ['goal (issue 28)', 'target', 'measured (median)', 'result'],
      benchGoals(result).map((g) => [g.goal, g.limit, g.measured, g.pass === null ? '—' : g.pass ? 'pass' : 'FAIL']),
    ),
  );

  const install = result.install;
  if (install) {
    out.push(
      markdownTable(
        ['install (fresh clone of ' + install.commit.slice(0, 7) + ')', 'time', 'node_modules (du)'],
        [
          [
            `\`${install.command}\` (the README's first command)`,
            each(install, (r) => s(r.seconds)),
            each(install, (r) => size(r.bytes)),
          ],
          [
            '`npm run test-tools` after it (adds)',
            each(install, (r) => s(r.testToolsSeconds)),
            each(install, (r) => `+${size(r.bytesWithTestTools - r.bytes)} = ${size(r.bytesWithTestTools)}`),
          ],
        ],
      ) +
        `\nnpm's cache (${install.npmCache}, ${size(install.npmCacheBytes)}) was warm` +
        (install.runs.some((r) => r.cacheGrewBytes > MB)
          ? ` except for ${size(Math.max(...install.runs.map((r) => r.cacheGrewBytes)))} the install downloaded.`
          : ': nothing was downloaded into it.'),
    );
  }

  const corpus = result.corpus;
  const columns: Array<[string, BuildMeasure]> = [
    ['demo, cold', demo.cold],
    ['demo, warm', demo.warm],
    ...(corpus
      ? [
          [`corpus ${corpus.size.editions}×${corpus.size.indicators}×${corpus.size.chapters}, cold`, corpus.build] as [
            string,
            BuildMeasure,
          ],
        ]
      : []),
  ];
  const baselines: Array<BaselineMeasure | null> = [demo.baseline, demo.baseline, corpus?.baseline ?? null];
  const row = (what: string, cell: (m: BuildMeasure, i: number) => string) => [
    what,
    ...columns.map(([, m], i) => cell(m, i)),
  ];
  const site = (f: (site: NonNullable<BuildMeasure['site']>) => string) => (m: BuildMeasure) =>
    m.site ? f(m.site) : '';
  const weights = [demo.weights, demo.weights, corpus?.weights ?? null];
  out.push(
    markdownTable(
      ['measure', ...columns.map(([name]) => name)],
      [
        row(
          'HTML pages',
          site((x) => String(x.htmlPages)),
        ),
        row(`build, total (\`${result.buildCommand}\`)`, (m) => each(m, buildSeconds)),
        row('  validation (loadProject, checks)', (m) => each(m, phase('validation'))),
        row('  Astro: pages (config, content, bundling, rendering)', (m) => each(m, phase('pages'))),
        row('  finishing: PDF, pictures, search index', (m) => each(m, phase('finishing'))),
        row('    share pictures (PNG, resvg, a thread per core)', (m) => each(m, phase('pictures'))),
        row('    PDF (all editions, Chromium, cores + 1 at a time)', (m) => each(m, phase('pdf'))),
        row('    search index (Pagefind)', (m) => each(m, phase('search'))),
        row('  the rest (npm, Node, modules, sitemap, dist/ swap)', (m) => each(m, startAndSwap)),
        row('validation + Astro (total less finishing)', (m) => eachBound(m, validationAndAstro, own)),
        row('pages per second (whole build)', (m) =>
          m.site && !m.median.stopped ? (m.site.htmlPages / m.median.seconds).toFixed(1) : '',
        ),
        row('peak memory (largest process)', (m) => each(m, memory)),
        row(
          'share pictures written',
          site((x) => `${x.pictureCount} PNG, ${formatFileSize(x.pictureBytes)}`),
        ),
        row(
          'search index on disk',
          site((x) => formatFileSize(x.indexBytes)),
        ),
        row(`first query “${BENCH_QUERY}” fetches`, (_m, i) =>
          i < 2
            ? demo.firstQueryBytes === null
              ? ''
              : formatFileSize(demo.firstQueryBytes)
            : corpus
              ? formatFileSize(corpus.firstQueryBytes)
              : '',
        ),
        row(
          'PDF per edition (latest)',
          site((x) => pdfCell(x.pdfs.at(-1))),
        ),
        ...Object.keys(demo.weights ?? corpus?.weights ?? {}).map((type) =>
          row(`${type} page HTML / CSS / JS (gzip, before interaction)`, (_m, i) => {
            const w = weights[i]?.[type];
            return w ? `${formatFileSize(w.html)} / ${formatFileSize(w.css)} / ${formatFileSize(w.js)}` : '';
          }),
        ),
        row('bare Astro, same pages: build, memory', (_m, i) => {
          const b = baselines[i];
          return b ? `${b.pages} pages: ${each(b, seconds)}, ${memory(b.median)}` : '';
        }),
        row('ratio: whole build / bare Astro', (m, i) => ratio(m, baselines[i], wall)),
        row('ratio: validation + Astro / bare Astro (goal ≤ 2×)', (m, i) => ratio(m, baselines[i], validationAndAstro)),
      ],
    ),
  );

  const pdfs = demo.cold.site?.pdfs ?? [];
  if (pdfs.length > 0) out.push(`Demo PDF per edition (cold build):\n${pdfs.map((p) => `  ${pdfCell(p)}`).join('\n')}`);

  const shapes: Array<ShapeMeasure & { indicators?: number; rows?: number }> = [
    ...result.ledgerSeries,
    ...(result.indicators ? [result.indicators] : []),
    ...(result.breakdown ? [result.breakdown] : []),
  ];
  if (shapes.length > 0)
    out.push(
      markdownTable(
        [
          'shape',
          'HTML pages',
          'build',
          'validation',
          'Astro: pages',
          'pictures',
          'PDF',
          'search',
          'peak memory',
          'bare Astro',
          'build / bare',
          '(validation + Astro) / bare',
        ],
        shapes.map(({ shape, build, baseline }) => [
          shape,
          build.site ? String(build.site.htmlPages) : '',
          each(build, buildSeconds),
          each(build, phase('validation')),
          each(build, phase('pages')),
          each(build, phase('pictures')),
          each(build, phase('pdf')),
          each(build, phase('search')),
          each(build, memory),
          baseline ? `${baseline.pages} pages: ${each(baseline, seconds)}` : '',
          ratio(build, baseline, wall),
          ratio(build, baseline, validationAndAstro),
        ]),
      ),
    );

  if (demo.lighthouse) out.push(lighthouseTable(demo.lighthouse));
  return out.join('\n\n');
}

function ratio(m: BuildMeasure, bare: BaselineMeasure | null, ours: (r: BuildRun) => Bound): string {
  if (!bare || m.median.failed) return '';
  const r = ratioTo(m, bare, ours);
  return r ? ratioText(r) : '?';
}

function lighthouseTable(rows: LighthouseRow[]): string {
  const c = LIGHTHOUSE_CATEGORIES;
  return [
    markdownTable(
      ['Lighthouse (demo)', 'path', ...c.map((x) => `mobile ${x}`), ...c.map((x) => `desktop ${x}`)],
      rows.map((r) => [r.page, r.path, ...c.map((x) => String(r.mobile[x])), ...c.map((x) => String(r.desktop[x]))]),
    ),
    ...rows.flatMap((r) => r.failing.map((f) => `  ${r.page}: ${f}`)),
  ].join('\n');
}
