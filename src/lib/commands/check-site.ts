import { editorPaths } from '../site/content-root.ts';
import { diagnostics } from '../site/messages/index.ts';
import { formatReport, hasErrors, type Problem } from '../site/problems.ts';
import { validateProject } from './validate.ts';

export interface CheckOptions {
  /** The site's folder (content/, data/). */
  root: string;
  /** The folder the editor works in: the report names files relative to it (`site/content-root.ts#editorPaths`). */
  cwd: string;
}

export interface CheckResult {
  /** No errors (warnings allowed): `npm run check` exits 0. */
  ok: boolean;
  /** Every problem of the site, drafts included: the one validation's (`validateProject`). */
  problems: Problem[];
  /** The problems as the editor reads them (file:line:column as typed, message, hint) and their count. */
  report: string;
  /** When ok: the indicators and editions checked. */
  summary?: string;
}

/** `npm run check`, in process: the one validation of the site (drafts included), nothing built or written. */
export function checkSite({ root, cwd }: CheckOptions): CheckResult {
  const { project, problems } = validateProject(root, { includeDrafts: true });
  const report = formatReport(editorPaths(root, cwd).problems(problems));
  if (hasErrors(problems)) return { ok: false, problems, report };
  const editions = project.editions.map((e) => ({ year: e.year, draft: e.status === 'draft' }));
  return { ok: true, problems, report, summary: diagnostics().cli.check.passed(project.catalogue.length, editions) };
}
