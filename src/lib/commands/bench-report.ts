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
import { LIGHTHOUSE_CATEGORIES } from './bench.ts';
import { BENCH_QUERY } from './bench-corpus.ts';

const MB = 1024 * 1024;

export interface Goal {
  goal: string;
  limit: string;
  measured: string;
  /** null: not measured in this run (e.g. `--demo`). */
  pass: boolean | null;
}

/** The goals of issue 28, each checked against this run's medians; a stopped build fails its goal. */
export function benchGoals(result: BenchResult): Goal[] {
  const goals: Goal[] = [];
  const check = (goal: string, limit: string, value: number | null, max: number, shown: string, stopped = false) =>
    goals.push({
      goal,
      limit,
      measured: value === null ? 'not measured' : shown,
      pass: value === null ? null : !stopped && value <= max,
    });
  const install = result.install?.median.bytes ?? null;
  check('default install (node_modules)', '≤ 500 MB', install === null ? null : install / MB, 500, size(install ?? 0));
  const { cold, warm } = result.demo;
  check('cold demo build', '≤ 10 s', cold.median.seconds, 10, seconds(cold.median), cold.median.stopped);
  check('warm demo build', '≤ 5 s', warm.median.seconds, 5, seconds(warm.median), warm.median.stopped);
  const largest = result.ledgerSeries.at(-1);
  const l = largest?.build.median;
  check(
    `${largest?.shape ?? '100000 ledger rows'}: time`,
    '≤ 60 s',
    l?.seconds ?? null,
    60,
    l ? seconds(l) : '',
    l?.stopped,
  );
  check(
    `${largest?.shape ?? '100000 ledger rows'}: peak memory`,
    '≤ 1 GB',
    l?.maxRssMb ?? null,
    1024,
    l ? memory(l) : '',
  );
  const ind = result.indicators?.build.median;
  check(
    `${result.indicators?.shape ?? '10000 indicators × 10 editions'}: time`,
    '≤ 120 s',
    ind?.seconds ?? null,
    120,
    ind ? seconds(ind) : '',
    ind?.stopped,
  );
  const shapes: Array<[string, BuildMeasure | undefined, BaselineMeasure | null | undefined]> = [
    ['demo (cold)', cold, result.demo.baseline],
    [largest?.shape ?? '100000 ledger rows', largest?.build, largest?.baseline],
    [
      result.indicators?.shape ?? '10000 indicators × 10 editions',
      result.indicators?.build,
      result.indicators?.baseline,
    ],
  ];
  for (const [shape, build, bare] of shapes) {
    const r = build && bare ? ownRatio(build.median, bare.median) : null;
    check(
      `validation + Astro / bare Astro, ${shape}`,
      '≤ 2×',
      r,
      2,
      r === null ? '' : `${r.toFixed(2)}×`,
      build?.median.stopped || bare?.median.stopped,
    );
  }
  return goals;
}

/** Our own part of a build: everything but the pictures, the PDF and the search index (npm's and Node's start included, as in the baseline's). */
export const validationAndAstro = (run: BuildRun): number =>
  run.seconds - run.phases.pictures - run.phases.pdf - run.phases.search;

const ownRatio = (run: BuildRun, bare: Timed) => validationAndAstro(run) / bare.seconds;

const s = (n: number) => `${n.toFixed(1)} s`;
const seconds = (t: Timed) => (t.stopped ? `> ${s(t.seconds)} (stopped)` : s(t.seconds));
const memory = (t: Timed) =>
  Number.isNaN(t.maxRssMb) ? '?' : `${t.maxRssMb.toFixed(0)} MB${t.stopped ? ' (until stopped)' : ''}`;
const size = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** The median, and every run in brackets when there was more than one. */
function each<T>(m: Measured<T>, show: (run: T) => string): string {
  return m.runs.length > 1 ? `${show(m.median)} [${m.runs.map(show).join(', ')}]` : show(m.median);
}

const phase = (key: keyof BuildRun['phases']) => (r: BuildRun) => s(r.phases[key]);
const astroPages = (r: BuildRun) => s(r.phases.astro - r.phases.pictures - r.phases.pdf - r.phases.search);
const startAndSwap = (r: BuildRun) => s(r.seconds - r.phases.validation - r.phases.astro);

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
        row(`build, total (\`${result.buildCommand}\`)`, (m) => each(m, seconds)),
        row('  validation (loadProject, checks)', (m) => each(m, phase('validation'))),
        row('  Astro: pages (Astro build less the three below)', (m) => each(m, astroPages)),
        row('  share pictures (PNG, resvg, all cores)', (m) => each(m, phase('pictures'))),
        row('  PDF (all editions, Chromium, 2 at a time)', (m) => each(m, phase('pdf'))),
        row('  search index (Pagefind)', (m) => each(m, phase('search'))),
        row('  start and swap (npm, Node, modules, dist/)', (m) => each(m, startAndSwap)),
        row('validation + Astro (total less pictures, PDF, search)', (m) => each(m, (r) => s(validationAndAstro(r)))),
        row('pages per second (whole build)', (m) => (m.site ? (m.site.htmlPages / m.median.seconds).toFixed(1) : '')),
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
          i < 2 ? formatFileSize(demo.firstQueryBytes) : corpus ? formatFileSize(corpus.firstQueryBytes) : '',
        ),
        row(
          'PDF per edition (latest)',
          site((x) => pdfCell(x.pdfs.at(-1))),
        ),
        ...Object.keys(demo.weights).map((type) =>
          row(`${type} page HTML / CSS / JS (gzip, before interaction)`, (_m, i) => {
            const w = weights[i]?.[type];
            return w ? `${formatFileSize(w.html)} / ${formatFileSize(w.css)} / ${formatFileSize(w.js)}` : '';
          }),
        ),
        row('bare Astro, same pages: build, memory', (_m, i) => {
          const b = baselines[i];
          return b ? `${b.pages} pages: ${each(b, seconds)}, ${memory(b.median)}` : '';
        }),
        row('ratio: whole build / bare Astro', (m, i) => ratio(m, baselines[i], (r) => r.seconds)),
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
          each(build, seconds),
          each(build, phase('validation')),
          each(build, astroPages),
          each(build, phase('pictures')),
          each(build, phase('pdf')),
          each(build, phase('search')),
          each(build, memory),
          baseline ? `${baseline.pages} pages: ${each(baseline, seconds)}` : '',
          ratio(build, baseline, (r) => r.seconds),
          ratio(build, baseline, validationAndAstro),
        ]),
      ),
    );

  if (demo.lighthouse) out.push(lighthouseTable(demo.lighthouse));
  return out.join('\n\n');
}

function ratio(m: BuildMeasure, bare: BaselineMeasure | null, ours: (r: BuildRun) => number): string {
  if (!bare) return '';
  const r = ours(m.median) / bare.median.seconds;
  return `${m.median.stopped ? '> ' : ''}${r.toFixed(2)}×`;
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
