/** npm run forms -- <year>: one .xlsx collection form per source department, for the draft edition of that year. */
import { parseCli, ROOT_OPTION, rootArgument, runScript, yearArgument } from '../src/lib/commands/cli-args.ts';
import { formsReport, makeForms } from '../src/lib/commands/make-forms.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

const d = diagnostics().cli.forms;

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), d.usage, ROOT_OPTION);
  const year = yearArgument(positionals[0], d.usage);
  const root = rootArgument(values.root);
  const result = await makeForms({ root, year, cwd: process.cwd() });
  const report = formsReport(result, year);
  if (report.stdout) console.log(report.stdout);
  if (report.stderr) console.error(report.stderr);
  if (!report.ok) process.exit(1);
});
