/**
 * npm run ledger -- <year> [--out file.csv]: an edition's ledger with computed statuses as CSV —
 * on stdout, or with --out into a file with a BOM so that Excel on Chinese Windows opens it right.
 * The work is `exportLedger`; this prints.
 */
import {
  parseCli,
  ROOT_OPTION,
  rootArgument,
  runScript,
  UsageError,
  yearArgument,
} from '../src/lib/commands/cli-args.ts';
import { exportLedger } from '../src/lib/commands/export-ledger.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { formatReport } from '../src/lib/site/problems.ts';

const d = diagnostics().cli;
const USAGE = d.ledger.usage;

await runScript(() => {
  const { values, positionals } = parseCli(process.argv.slice(2), USAGE, {
    ...ROOT_OPTION,
    out: { type: 'string', short: 'o' },
  });
  const year = yearArgument(positionals[0], USAGE);
  const result = exportLedger({ root: rootArgument(values.root), year, out: values.out, cwd: process.cwd() });
  if (result.outcome === 'unsound') {
    console.error(formatReport(result.problems));
    process.exitCode = 1;
    return;
  }
  if (result.outcome === 'noEdition') throw new UsageError(d.withUsage(result.message, USAGE));
  if (result.message) console.error(result.message);
  else process.stdout.write(result.csv);
});
