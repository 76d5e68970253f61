/** npm run check: validate all content and data (drafts included) without building; warn on suspicious figures. */
import { checkSite } from '../src/lib/commands/check-site.ts';
import { parseCli, ROOT_OPTION, rootArgument, runScript } from '../src/lib/commands/cli-args.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

await runScript(() => {
  const { values } = parseCli(process.argv.slice(2), diagnostics().cli.check.usage, ROOT_OPTION);
  const result = checkSite({ root: rootArgument(values.root), cwd: process.cwd() });
  console.log(result.report);
  if (!result.ok) process.exitCode = 1;
  else console.log(result.summary);
});
