/** npm run check: validate all content and data (drafts included) without building; warn on suspicious figures. */
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { validateProject } from '../src/lib/content/validate.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { parseCli, ROOT_OPTION, useContentRoot } from '../src/lib/site/cli-args.ts';

const { values } = parseCli(process.argv.slice(2), diagnostics().cli.check.usage, ROOT_OPTION);
const root = useContentRoot(values.root);
const { project, problems } = validateProject(root, { includeDrafts: true });
console.log(formatReport(problems));
if (hasErrors(problems)) process.exit(1);
console.log(
  diagnostics().cli.check.passed(
    project.catalogue.length,
    project.editions.map((e) => ({ year: e.year, draft: e.status === 'draft' })),
  ),
);
