/**
 * npm run import -- <year> <forms or folders…> [--replace]: filled collection forms (and ledger .xlsx/.csv
 * files) read back into data/ledgers/<year>.csv — written only when every cell passes check's rules, and
 * a value already in the ledger is changed only with --replace. The work is `importLedger`; this prints.
 */
import {
  parseCli,
  ROOT_OPTION,
  rootArgument,
  runScript,
  UsageError,
  yearArgument,
} from '../src/lib/commands/cli-args.ts';
import { importLedger, importReport } from '../src/lib/commands/import-ledger.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

const d = diagnostics();
const say = d.cli.import;

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), say.usage, {
    ...ROOT_OPTION,
    replace: { type: 'boolean' },
  });
  const year = yearArgument(positionals[0], say.usage);
  const paths = positionals.slice(1);
  if (paths.length === 0) throw new UsageError(d.cli.withUsage(say.noFiles, say.usage));
  const root = rootArgument(values.root);
  const result = await importLedger({ root, year, paths, replace: values.replace, cwd: process.cwd() });
  if (result.outcome === 'usage') throw new UsageError(d.cli.withUsage(result.message, say.usage));
  const report = importReport(result);
  if (report.stdout) console.log(report.stdout);
  if (report.stderr) console.error(report.stderr);
  if (!report.ok) process.exit(1);
});
