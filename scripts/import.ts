/**
 * npm run import -- <year> <forms or folders…> [--replace]: filled collection forms (and ledger .xlsx/.csv
 * files) read back into data/ledgers/<year>.csv — written only when every cell passes check's rules, and
 * a value already in the ledger is changed only with --replace. The work is `importLedger`; this prints.
 */
import {
  parseCli,
  ROOT_OPTION,
  runScript,
  UsageError,
  useContentRoot,
  yearArgument,
} from '../src/lib/site/cli-args.ts';
import { visible } from '../src/lib/content/control-characters.ts';
import { formatReport, location } from '../src/lib/content/problems.ts';
import { importLedger } from '../src/lib/forms/import-ledger.ts';
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
  const root = useContentRoot(values.root);
  const result = await importLedger({ root, year, paths, replace: values.replace });
  if (result.outcome === 'usage') throw new UsageError(d.cli.withUsage(result.message, say.usage));
  const { ledgerFile, problems } = result;
  if (result.outcome === 'noLedger') fail(formatReport(problems));
  if (result.outcome === 'unsound') fail(`${formatReport(problems)}\n${say.fixLedgerFirst(ledgerFile)}`);

  if (problems.length > 0) console.log(formatReport(problems));
  if (result.outcome === 'refused') fail(say.stopped(ledgerFile));
  if (result.outcome === 'unchanged') {
    console.log(say.unchanged(ledgerFile));
    return;
  }
  // Cells' words and file names shown as written, unseen characters made visible.
  const changes = result.changes.map((c) =>
    say.change(
      visible(location(c.origin)),
      visible(c.indicator),
      visible(c.period),
      c.column,
      visible(c.before),
      visible(c.after),
    ),
  );
  if (result.outcome === 'needsReplace')
    fail([say.changesNeedReplace(changes.length), ...changes, say.replaceHint].join('\n'));
  if (changes.length > 0) console.log([say.replaced(changes.length), ...changes].join('\n'));
  console.log(say.written(ledgerFile, result.filled + changes.length, result.added));
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
