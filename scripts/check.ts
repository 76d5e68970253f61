/** npm run check: validate all content and data (drafts included) without building; warn on suspicious figures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { proseFigureWarnings } from '../src/lib/content/prose-figures.ts';
import { plausibilityWarnings } from '../src/lib/ledger/plausibility.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { parseCli, ROOT_OPTION, useContentRoot } from '../src/lib/site/cli-args.ts';

const { values } = parseCli(process.argv.slice(2), diagnostics().cli.check.usage, ROOT_OPTION);
const root = useContentRoot(values.root);
const project = loadProject(root, { includeDrafts: true });
const problems = [
  ...project.problems,
  ...(hasErrors(project.problems)
    ? []
    : [
        ...plausibilityWarnings(project),
        ...proseFigureWarnings(project, (file) => readFileSync(join(root, file), 'utf8')),
      ]),
];
console.log(formatReport(problems));
if (hasErrors(problems)) process.exit(1);
console.log(
  diagnostics().cli.check.passed(
    project.catalogue.length,
    project.editions.map((e) => ({ year: e.year, draft: e.status === 'draft' })),
  ),
);
