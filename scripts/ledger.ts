/** npm run ledger -- <year>: print an edition's ledger with computed statuses as CSV on stdout. */
import { evaluatedLedgerCsv } from '../src/lib/ledger-export.ts';
import { formatReport, hasErrors } from '../src/lib/problems.ts';
import { loadProject } from '../src/lib/project.ts';

const year = process.argv[2];
const project = loadProject(process.cwd(), { includeDrafts: true });
if (hasErrors(project.problems)) {
  console.error(formatReport(project.problems));
  process.exit(1);
}
const edition = project.editions.find((e) => String(e.year) === year);
if (!edition) {
  console.error(`用法：npm run ledger -- <年份>\n可选年份：${project.editions.map((e) => e.year).join('、')}`);
  process.exit(2);
}
process.stdout.write(evaluatedLedgerCsv(edition));
