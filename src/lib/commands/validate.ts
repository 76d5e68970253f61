import { join } from 'node:path';

import { customChartProblems } from '../charts/chart-trial.ts';
import { type LoadOptions, loadProject } from '../content/load-project.ts';
import { plausibilityWarnings } from '../content/plausibility.ts';
import { proseFigureWarnings } from '../content/prose-figures.ts';
import { readText } from '../content/text-file.ts';
import { breakdownWarnings } from '../ledger/breakdown-checks.ts';
import type { Project } from '../model/project.ts';
import { hasErrors, type Problem } from '../site/problems.ts';

export interface Validation {
  project: Project;
  /** Every problem of the site: the loader's, then (when it found no error) the warnings about figures. */
  problems: Problem[];
}

/**
 * The one validation of a site, the same for `npm run check`, `npm run build` and the imports (over the
 * files as they would be written): the loader's
 * located problems, then — only over a sound project — the trial render of custom charts (bounded in time
 * and memory: a chart that would hang or crash the build is an error here), the plausibility and
 * prose-figure warnings, and the checks of the breakdowns' figures (against one another, last year's
 * table and the ledger).
 * `check` passes `includeDrafts`; the build validates what it publishes.
 */
export function validateProject(root: string, options: LoadOptions = {}): Validation {
  const project = loadProject(root, options);
  if (hasErrors(project.problems)) return { project, problems: project.problems };
  const chapterText = (file: string) => {
    const given = options.texts?.get(file);
    if (given !== undefined) return given;
    const read = readText(join(root, file), file);
    return 'text' in read ? read.text : '';
  };
  return {
    project,
    problems: [
      ...project.problems,
      ...customChartProblems(project),
      ...plausibilityWarnings(project),
      ...proseFigureWarnings(project, chapterText),
      ...breakdownWarnings(project.editions),
    ],
  };
}
