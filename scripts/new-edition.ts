/** npm run new-edition -- <year>: scaffold the next edition as a draft from the latest one. */
import { parseCli, ROOT_OPTION, runScript, useContentRoot, yearArgument } from '../src/lib/site/cli-args.ts';
import { visible } from '../src/lib/content/control-characters.ts';
import { scaffoldEdition } from '../src/lib/content/new-edition.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { WriteRefused, writeAllWhole } from '../src/lib/site/write-whole.ts';

const d = diagnostics().cli.newEdition;
const USAGE = d.usage;

await runScript(() => {
  const { values, positionals } = parseCli(process.argv.slice(2), USAGE, ROOT_OPTION);
  const year = yearArgument(positionals[0], USAGE);
  const root = useContentRoot(values.root);
  const result = scaffoldEdition(loadProject(root, { includeDrafts: true }), root, year);
  if ('error' in result) {
    console.error(d.notCreated(result.error));
    process.exit(1);
  }
  // Every file checked against the site's boundary before the first is written; none written through a link.
  try {
    writeAllWhole(root, result.files);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    console.error(d.notCreated(e.message));
    process.exit(1);
  }
  // Names come from the last edition's folder (pictures included): unseen characters shown visibly.
  for (const file of result.files.keys()) console.log(d.created(visible(file)));
  for (const note of result.notes) console.log(note);
  console.log(d.nextSteps(year));
});
