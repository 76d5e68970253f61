/** npm run new-edition -- <year>: scaffold the next edition as a draft from the latest one (`addEdition`; this prints). */
import { addEdition } from '../src/lib/commands/add-edition.ts';
import { parseCli, ROOT_OPTION, rootArgument, runScript, yearArgument } from '../src/lib/commands/cli-args.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

const USAGE = diagnostics().cli.newEdition.usage;

await runScript(() => {
  const { values, positionals } = parseCli(process.argv.slice(2), USAGE, ROOT_OPTION);
  const year = yearArgument(positionals[0], USAGE);
  const result = addEdition({ root: rootArgument(values.root), year, cwd: process.cwd() });
  if (result.outcome === 'refused') {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  for (const line of result.lines) console.log(line);
});
