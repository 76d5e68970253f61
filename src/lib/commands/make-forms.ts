import { loadProject, PATHS } from '../content/load-project.ts';
import { departmentForms, formWorkbook } from '../forms/form-workbook.ts';
import { editorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics, messagesFor } from '../site/messages/index.ts';
import { error, formatReport, type Problem } from '../site/problems.ts';
import { writeAllWhole, WriteRefused } from '../site/write-whole.ts';

export interface FormsOptions {
  /** The site's folder. */
  root: string;
  year: number;
  /** The folder the editor works in: paths are printed relative to it (`site/content-root.ts#editorPaths`). */
  cwd: string;
}

/**
 * What `npm run forms` did: `noDraft` (no edition of that year; `root` the site's folder as typed, for the
 * command to suggest); `refused` (two departments whose forms would share a file name, or a write the site's
 * boundary refuses — nothing written); `written` (the folder and files with their indicator counts, and the
 * form of indicators with no source). Paths are as the editor types them, from the working directory.
 */
export type FormsResult =
  | { outcome: 'noDraft'; root: string }
  | { outcome: 'refused'; problems: Problem[] }
  | {
      outcome: 'written';
      dir: string;
      forms: Array<{ file: string; rows: number }>;
      unsourced: { rows: number; file: string; catalogue: string } | null;
    };

/** Where the forms of a year go, in the site's folder: `forms/2025`. */
export const formsFolder = (year: number): string => `forms/${year}`;

/**
 * One .xlsx collection form per source department of the draft edition of `year`, in `forms/<year>/`.
 * Two departments whose names differ only by characters a file name cannot hold (区局/一科, 区局:一科) or by
 * case would write one file: that is refused, naming both, before any form is written.
 */
export async function makeForms({ root, year, cwd }: FormsOptions): Promise<FormsResult> {
  const typed = editorPaths(root, cwd);
  const project = loadProject(root, { includeDrafts: true });
  const drafted = departmentForms(project, year);
  if (!drafted) return { outcome: 'noDraft', root: typed.root };
  const say = diagnostics().cli.forms;
  const { edition, forms } = drafted;
  const dir = formsFolder(year);
  const catalogue = typed.file(PATHS.catalogue);
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
          catalogue,
          say.sameFileName(visible(typed.file(`${dir}/${form.fileName}.xlsx`)), visible(first), visible(form.source)),
          { hint: say.sameFileNameHint(catalogue) },
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
    return { outcome: 'refused', problems: [error(typed.file(e.file), e.message)] };
  }
  const unsourced = forms.find((form) => form.source === messagesFor(project.site.language).forms.noSource);
  const file = (form: (typeof forms)[number]) => typed.file(`${dir}/${form.fileName}.xlsx`);
  return {
    outcome: 'written',
    dir: typed.file(dir),
    forms: forms.map((form) => ({ file: file(form), rows: form.rows.length })),
    unsourced: unsourced ? { rows: unsourced.rows.length, file: file(unsourced), catalogue } : null,
  };
}

/**
 * What `npm run forms` prints for a result: the forms written (department names with any unseen character
 * made visible) and the form of indicators without a source, or why nothing was written.
 */
export function formsReport(result: FormsResult, year: number): { ok: boolean; stdout: string; stderr: string } {
  const say = diagnostics().cli.forms;
  if (result.outcome === 'noDraft') return { ok: false, stdout: '', stderr: say.noDraft(year, visible(result.root)) };
  if (result.outcome === 'refused') return { ok: false, stdout: '', stderr: formatReport(result.problems) };
  const lines = [
    ...result.forms.map((form) => say.written(visible(form.file), form.rows)),
    say.done(result.forms.length, visible(result.dir)),
    ...(result.unsourced
      ? [say.noSource(result.unsourced.rows, visible(result.unsourced.catalogue), visible(result.unsourced.file))]
      : []),
  ];
  return { ok: true, stdout: lines.join('\n'), stderr: '' };
}
