/** npm run forms -- <year>: one .xlsx collection form per source department, for the draft edition of that year. */
import { parseCli, ROOT_OPTION, runScript, useContentRoot, yearArgument } from '../src/lib/site/cli-args.ts';
import { visible } from '../src/lib/content/control-characters.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { makeForms } from '../src/lib/forms/make-forms.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

const d = diagnostics().cli.forms;

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), d.usage, ROOT_OPTION);
  const year = yearArgument(positionals[0], d.usage);
  const root = useContentRoot(values.root);
  const result = await makeForms({ root, year });
  if (result.outcome === 'noDraft') {
    console.error(d.noDraft(year));
    process.exit(1);
  }
  if (result.outcome === 'refused') {
    console.error(formatReport(result.problems));
    process.exit(1);
  }
  // Department names come from the catalogue: shown with any unseen character made visible.
  for (const form of result.forms) console.log(d.written(visible(form.file), form.rows));
  console.log(d.done(result.forms.length, result.dir));
  if (result.unsourced) console.log(d.noSource(result.unsourced.rows, visible(result.unsourced.fileName)));
});
