/**
 * npm run bench [-- --demo] [--runs N] [--skip-install] [--skip-lighthouse] [--build-timeout S]: the benchmark
 * (`runBench`: install, demo cold and warm, the generated shapes, their bare-Astro baselines, page weights,
 * search, PDF, Lighthouse), printed as tables with the goals (`benchReport`). This only parses the
 * arguments, passes Lighthouse in (a devDependency) and prints; progress lines go to stderr, tables to stdout.
 */
import { runBench } from '../src/lib/commands/bench.ts';
import { benchReport } from '../src/lib/commands/bench-report.ts';
import { parseCli, runScript, UsageError } from '../src/lib/commands/cli-args.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { lighthouseTable } from './bench-lighthouse.ts';

const USAGE = 'npm run bench [-- --demo] [--runs N] [--skip-install] [--skip-lighthouse] [--build-timeout seconds]';

await runScript(async () => {
  const { values } = parseCli(process.argv.slice(2), USAGE, {
    demo: { type: 'boolean' },
    runs: { type: 'string' },
    'skip-install': { type: 'boolean' },
    'skip-lighthouse': { type: 'boolean' },
    'build-timeout': { type: 'string' },
  });
  const count = (value: string | undefined, fallback: number) => {
    const n = value === undefined ? fallback : Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError(diagnostics().cli.withUsage(diagnostics().cli.badArgument(String(value)), USAGE));
    return n;
  };
  const result = await runBench({
    root: process.cwd(),
    demoOnly: values.demo,
    runs: count(values.runs, 1),
    install: !values['skip-install'],
    lighthouse: values['skip-lighthouse'] ? undefined : lighthouseTable,
    buildTimeoutSeconds: count(values['build-timeout'], 600),
    log: (line) => console.error(line),
  });
  console.log(`\n${benchReport(result)}`);
});
