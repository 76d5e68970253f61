/** npm run check: validate all content and data (drafts included) without building; warn on suspicious figures. */
import { plausibilityWarnings } from '../src/lib/ledger/plausibility.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { loadProject } from '../src/lib/content/project.ts';

const project = loadProject(process.cwd(), { includeDrafts: true });
const problems = [...project.problems, ...(hasErrors(project.problems) ? [] : plausibilityWarnings(project))];
console.log(formatReport(problems));
if (hasErrors(problems)) process.exit(1);
console.log(
  `检查通过：${project.catalogue.length} 项指标，${project.editions.length} 个年度版本（${project.editions.map((e) => `${e.year}${e.status === 'draft' ? '草稿' : ''}`).join('、')}）。`,
);
