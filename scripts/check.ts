/** npm run check: validate all content and data (drafts included) without building. */
import { formatReport, hasErrors } from '../src/lib/problems.ts';
import { loadProject } from '../src/lib/project.ts';

const project = loadProject(process.cwd(), { includeDrafts: true });
console.log(formatReport(project.problems));
if (hasErrors(project.problems)) process.exit(1);
console.log(`检查通过：${project.indicators.length} 项指标，${project.editions.length} 个年度版本（${project.editions.map((e) => `${e.year}${e.status === 'draft' ? '草稿' : ''}`).join('、')}）。`);
