import { linkSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/helpers/project-copy.ts';
import {
  type BenchResult,
  type BuildMeasure,
  type BuildRun,
  commandEnvironment,
  diskUsage,
  INDICATORS_SIZE,
  median,
  medianOf,
  readmeSteps,
} from './bench.ts';
import { benchGoals, benchReport, displayWidth, markdownTable } from './bench-report.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('bench: the install size (as du counts it)', () => {
  it('counts the blocks of every file and folder once, hard links once, links not followed', () => {
    const dir = tempDir('wp-bench-du-');
    const folder = statSync(dir).blocks * 512;
    expect(diskUsage(dir)).toBe(folder);

    writeFileSync(join(dir, 'a.bin'), Buffer.alloc(100_000, 7));
    const withFile = diskUsage(dir);
    expect(withFile - folder).toBeGreaterThanOrEqual(100_000);
    expect(withFile - folder).toBeLessThan(100_000 + 64 * 1024);

    linkSync(join(dir, 'a.bin'), join(dir, 'b.bin'));
    expect(diskUsage(dir)).toBe(withFile);

    const outside = tempDir('wp-bench-du-outside-');
    writeFileSync(join(outside, 'big.bin'), Buffer.alloc(500_000, 1));
    symlinkSync(outside, join(dir, 'linked'));
    expect(diskUsage(dir) - withFile).toBeLessThan(8 * 1024);

    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.bin'), Buffer.alloc(50_000, 3));
    expect(diskUsage(dir) - withFile).toBeGreaterThanOrEqual(50_000);
    expect(diskUsage(join(dir, 'missing'))).toBe(0);
  });
});

describe('bench: what it runs', () => {
  it('the install and build steps are the README’s first command, as typed', () => {
    expect(readmeSteps(readFileSync(join(ROOT, 'README.md'), 'utf8'))).toEqual({
      install: ['npm', 'install'],
      build: ['npm', 'run', 'build'],
    });
    expect(readmeSteps('# x\n\n```bash\nnpm ci && npm run build -- --root a   # comment\nnpm test\n```\n')).toEqual({
      install: ['npm', 'ci'],
      build: ['npm', 'run', 'build', '--', '--root', 'a'],
    });
    expect(() => readmeSteps('no commands')).toThrow('README.md');
  });

  it('runs commands in the environment of a reader’s shell, not the one npm run bench made', () => {
    const env = commandEnvironment({
      PATH: ['/w/node_modules/.bin', '/w/node_modules/node/bin/node-gyp-bin', '/usr/local/bin', '/usr/bin'].join(':'),
      HOME: '/root',
      npm_config_local_prefix: '/w',
      npm_lifecycle_event: 'bench',
      INIT_CWD: '/w',
      CHROME_PATH: '/usr/bin/chromium',
    });
    expect(env).toEqual({ PATH: '/usr/local/bin:/usr/bin', HOME: '/root', CHROME_PATH: '/usr/bin/chromium' });
  });

  it('medians: the middle run, or the mean of the two middle ones; nested figures too, a flag if any run had it', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([run(9), run(11), run(10)])).toEqual(run(10));
    // A stopped run: the flag is set, and a phase it did not finish has no median.
    expect(medianOf([run(9), stoppedRun(600, null), run(10)])).toEqual({
      ...run(10),
      stopped: true,
      phases: { validation: 1, astro: null, pages: null, finishing: null, pictures: null, pdf: null, search: null },
    });
  });
});

function run(seconds: number): BuildRun {
  return {
    seconds,
    maxRssMb: seconds * 100,
    stopped: false,
    failed: false,
    phases: { validation: 1, astro: 5, pages: 1.5, finishing: 3.5, pictures: 2, pdf: 1, search: 0.5 },
  };
}

/** A build stopped at `seconds`; `pages`: Astro's pages had ended (the integrations' work then ran). */
function stoppedRun(seconds: number, pages: number | null): BuildRun {
  return {
    seconds,
    maxRssMb: 1500,
    stopped: true,
    failed: false,
    phases: { validation: 1, astro: null, pages, finishing: null, pictures: null, pdf: null, search: null },
  };
}

const build = (...runs: BuildRun[]): BuildMeasure => ({
  runs,
  median: medianOf(runs),
  site: { htmlPages: 65, pdfs: [], indexBytes: 750_000, pictureCount: 108, pictureBytes: 17_000_000 },
});

const install = {
  seconds: 30,
  bytes: 440 * 1024 * 1024,
  testToolsSeconds: 15,
  bytesWithTestTools: 820 * 1024 * 1024,
  cacheGrewBytes: 0,
};

/** What `npm run bench -- --demo` returns, made up: the report and the goals read only this. */
function demoResult(): BenchResult {
  return {
    machine: { cores: 2, loadBefore: [3, 2, 1], loadAfter: [3, 2, 1] },
    runs: 3,
    buildCommand: 'npm run build',
    buildTimeoutSeconds: 600,
    install: {
      command: 'npm install',
      commit: 'e04f1e2aaaa',
      npmCache: '/root/.npm',
      npmCacheBytes: 600 * 1024 * 1024,
      // One install: its median is that run.
      runs: [install],
      median: install,
    },
    demo: {
      cold: build(run(9), run(8), run(9.5)),
      warm: build(run(6), run(6), stoppedRun(600, null)),
      baseline: {
        pages: 65,
        runs: [{ seconds: 2, maxRssMb: 300, stopped: false }],
        median: { seconds: 2, maxRssMb: 300, stopped: false },
      },
      firstQueryBytes: 170_000,
      weights: { home: { html: 6300, css: 4700, js: 1900, jsFiles: [] } },
      lighthouse: null,
    },
    corpus: null,
    ledgerSeries: [],
    indicators: null,
    breakdown: null,
  };
}

describe('bench: the report', () => {
  it('checks each goal of the issue against the medians; a stopped build fails; what was not measured is neither', () => {
    const goals = Object.fromEntries(benchGoals(demoResult()).map((g) => [g.goal, g]));
    expect(goals['default install (node_modules)']).toMatchObject({ measured: '440 MB', pass: true });
    expect(goals['cold demo build']).toMatchObject({ limit: '≤ 10 s', measured: '9.0 s', pass: true });
    // Two runs of 6 s and one stopped: the median is 6 s, but a run was stopped.
    expect(goals['warm demo build']).toMatchObject({ measured: '> 6.0 s (stopped)', pass: false });
    // (9 − 3.5) / 2: the wall time less the finishing work (PDF, pictures, search), over the bare build's
    expect(goals['validation + Astro / bare Astro, demo (cold)']).toMatchObject({ measured: '2.75×', pass: false });
    expect(goals['indicators shape: time']).toMatchObject({ measured: 'not measured', pass: null });
  });

  it('a stopped build still fails the goals its lower bounds exceed; within them the result is not known', () => {
    const bare = { pages: 10_000, runs: [], median: { seconds: 10, maxRssMb: 400, stopped: false } };
    const result = demoResult();
    const shape = (seconds: number, pages: number | null, maxRssMb = 1500) => ({
      shape: '100000 ledger rows',
      rows: 100_000,
      indicators: 2000,
      build: build({ ...stoppedRun(seconds, pages), maxRssMb }),
      baseline: bare,
    });
    // Stopped while Astro was still rendering: all of the 600 s were ours, at least 60× the bare build.
    result.ledgerSeries = [shape(600, null)];
    let goals = Object.fromEntries(benchGoals(result).map((g) => [g.goal, g]));
    expect(goals['100000 ledger rows: time']).toMatchObject({ measured: '> 600.0 s (stopped)', pass: false });
    expect(goals['100000 ledger rows: peak memory']).toMatchObject({
      measured: '≥ 1500 MB (when stopped)',
      pass: false,
    });
    expect(goals['validation + Astro / bare Astro, 100000 ledger rows']).toMatchObject({
      measured: '≥ 60.00×',
      pass: false,
    });
    // Stopped in the pictures after 15 s of pages: at least (1 + 15) / 10, within the goal, so not known.
    result.ledgerSeries = [shape(600, 15, 900)];
    goals = Object.fromEntries(benchGoals(result).map((g) => [g.goal, g]));
    expect(goals['validation + Astro / bare Astro, 100000 ledger rows']).toMatchObject({
      measured: '≥ 1.60×',
      pass: null,
    });
    expect(goals['100000 ledger rows: peak memory']).toMatchObject({ pass: null });
  });

  it('a shape whose build failed fails its goals and says so, and the other figures are still reported', () => {
    const result = demoResult();
    const failed: BuildRun = { ...run(40), failed: true, phases: { ...run(40).phases, pdf: null, finishing: null } };
    const bare = { pages: 10_055, runs: [], median: { seconds: 5, maxRssMb: 400, stopped: false } };
    result.indicators = { shape: 'indicators shape', size: INDICATORS_SIZE, build: build(failed), baseline: bare };
    const goals = Object.fromEntries(benchGoals(result).map((g) => [g.goal, g]));
    expect(goals['indicators shape: time']).toMatchObject({ measured: 'build failed', pass: false });
    expect(goals['validation + Astro / bare Astro, indicators shape']).toMatchObject({
      measured: 'build failed',
      pass: false,
    });
    expect(goals['cold demo build']).toMatchObject({ measured: '9.0 s', pass: true });
    expect(benchReport(result)).toMatch(/\| indicators shape +\| [^|]*\| failed after 40\.0 s +\|/);
  });

  it('prints every run beside the median, the install with what test-tools adds, and ratios to the baseline', () => {
    const report = benchReport(demoResult());
    expect(report).toContain('| cold demo build ');
    expect(report).toMatch(/\| build, total \(`npm run build`\) +\| 9\.0 s \[9\.0 s, 8\.0 s, 9\.5 s\] +\|/);
    expect(report).toContain('+380 MB = 820 MB');
    expect(report).toContain('nothing was downloaded into it');
    expect(report).toContain('other work was running');
    expect(report).toMatch(/ratio: whole build \/ bare Astro +\| 4\.50× +\|/);
  });

  it('pads a table’s columns as a terminal shows them (a Han character is two columns wide)', () => {
    expect(displayWidth('2024: 18 页')).toBe(11);
    expect(markdownTable(['a', 'b'], [['页', 'x']])).toBe('| a  | b |\n|----|---|\n| 页 | x |');
  });
});
