/**
 * npm run ledger -- <year> [--out file.csv]: an edition's ledger with computed statuses as CSV —
 * on stdout, or with --out into a file with a BOM so that Excel on Chinese Windows opens it right.
 */
import { writeFileSync } from 'node:fs';
import {
  parseCli,
  ROOT_OPTION,
  runScript,
  UsageError,
  useContentRoot,
  yearArgument,
} from '../src/lib/site/cli-args.ts';
import { evaluatedLedgerCsv } from '../src/lib/publish/ledger-export.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { diagnostics, messagesFor } from '../src/lib/site/messages/index.ts';

const d = diagnostics().cli;
const USAGE = d.ledger.usage;

await runScript(() => {
  const { values, positionals } = parseCli(process.argv.slice(2), USAGE, {
    ...ROOT_OPTION,
    out: { type: 'string', short: 'o' },
  });
  const year = yearArgument(positionals[0], USAGE);
  const project = loadProject(useContentRoot(values.root), { includeDrafts: true });
  if (hasErrors(project.problems)) {
    console.error(formatReport(project.problems));
    process.exit(1);
  }
  const edition = project.editions.find((e) => e.year === year);
  const years = project.editions.map((e) => e.year);
  if (!edition) throw new UsageError(d.withUsage(d.ledger.noEdition(year, years), USAGE));
  const csv = evaluatedLedgerCsv(edition, messagesFor(project.site.language));
  if (!values.out) return void process.stdout.write(csv);
  writeFileSync(values.out, `\uFEFF${csv}`);
  console.error(d.ledger.written(values.out, edition.entries.length));
});
