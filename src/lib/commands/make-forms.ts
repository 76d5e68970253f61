import { loadProject, PATHS } from '../content/load-project.ts';
import { departmentForms, formWorkbook } from '../forms/form-workbook.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics, messagesFor } from '../site/messages/index.ts';
import { error, formatReport, type Problem } from '../site/problems.ts';
import { writeAllWhole, WriteRefused } from '../site/write-whole.ts';

export interface FormsOptions {
  root: string;
  year: number;
}

/**
 * What `npm run forms` did: `noDraft` (no edition of that year); `refused` (two departments whose forms
 * would share a file name, or a write the site's boundary refuses — nothing written); `written` (the
 * files, relative to the root, with their indicator counts, and the form of indicators with no source).
 */
export type FormsResult =
  | { outcome: 'noDraft' }
  | { outcome: 'refused'; problems: Problem[] }
  | {
      outcome: 'written';
      dir: string;
      forms: Array<{ file: string; rows: number }>;
      unsourced: { rows: number; fileName: string } | null;
    };

/**
 * One .xlsx collection form per source department of the draft edition of `year`, in `forms/<year>/`.
 * Two departments whose names differ only by characters a file name cannot hold (区局/一科, 区局:一科) or by
 * case would write one file: that is refused, naming both, before any form is written.
 */
export async function makeForms({ root, year }: FormsOptions): Promise<FormsResult> {
  const project = loadProject(root, { includeDrafts: true });
  const drafted = departmentForms(project, year);
  if (!drafted) return { outcome: 'noDraft' };
  const say = diagnostics().cli.forms;
  const { edition, forms } = drafted;
  const dir = `forms/${year}`;
  const problems: Problem[] = [];
  const byName = new Map<string, string>();
  for (const form of forms) {
    // Windows and macOS file systems do not tell case (or composed and decomposed characters) apart.
    const key = form.fileName.normalize('NFC').toLowerCase();
    const first = byName.get(key);
    if (first === undefined) byName.set(key, form.source);
    else
      problems.push(
        error(
          PATHS.catalogue,
          say.sameFileName(visible(`${dir}/${form.fileName}.xlsx`), visible(first), visible(form.source)),
          {
            hint: say.sameFileNameHint,
          },
        ),
      );
  }
  if (problems.length > 0) return { outcome: 'refused', problems };
  const files = new Map<string, Uint8Array>();
  for (const form of forms) files.set(`${dir}/${form.fileName}.xlsx`, await formWorkbook(project, edition, form));
  try {
    writeAllWhole(root, files);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { outcome: 'refused', problems: [error(e.file, e.message)] };
  }
  const unsourced = forms.find((form) => form.source === messagesFor(project.site.language).forms.noSource);
  return {
    outcome: 'written',
    dir,
    forms: forms.map((form) => ({ file: `${dir}/${form.fileName}.xlsx`, rows: form.rows.length })),
    unsourced: unsourced ? { rows: unsourced.rows.length, fileName: unsourced.fileName } : null,
  };
}

/**
 * What `npm run forms` prints for a result: the forms written (department names with any unseen character
 * made visible) and the form of indicators without a source, or why nothing was written.
 */
export function formsReport(result: FormsResult, year: number): { ok: boolean; stdout: string; stderr: string } {
  const say = diagnostics().cli.forms;
  if (result.outcome === 'noDraft') return { ok: false, stdout: '', stderr: say.noDraft(year) };
  if (result.outcome === 'refused') return { ok: false, stdout: '', stderr: formatReport(result.problems) };
  const lines = [
    ...result.forms.map((form) => say.written(visible(form.file), form.rows)),
    say.done(result.forms.length, result.dir),
    ...(result.unsourced ? [say.noSource(result.unsourced.rows, visible(result.unsourced.fileName))] : []),
  ];
  return { ok: true, stdout: lines.join('\n'), stderr: '' };
}
