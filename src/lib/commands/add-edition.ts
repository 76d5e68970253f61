import { loadProject, PATHS } from '../content/load-project.ts';
import { scaffoldEdition } from '../content/new-edition.ts';
import { editorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { writeAllWhole, WriteRefused } from '../site/write-whole.ts';
import { formsFolder } from './make-forms.ts';

export interface AddEditionOptions {
  /** The site's folder. */
  root: string;
  /** The new edition's year. */
  year: number;
  /** The folder the editor works in: paths are printed relative to it (`site/content-root.ts#editorPaths`). */
  cwd: string;
}

/**
 * `refused`: nothing written (the edition or its ledger exists, nothing to copy, or a write the site's
 * boundary refuses), `message` says why; `created`: `files` written (relative to the root) and `lines`,
 * what the editor reads: each file and the next steps' commands as typed from the working directory, the notes.
 */
export type AddEditionResult =
  { outcome: 'refused'; message: string } | { outcome: 'created'; files: string[]; notes: string[]; lines: string[] };

/** `npm run new-edition`, in process: the next edition scaffolded as a draft from the latest one and written. */
export function addEdition({ root, year, cwd }: AddEditionOptions): AddEditionResult {
  const d = diagnostics().cli.newEdition;
  const result = scaffoldEdition(loadProject(root, { includeDrafts: true }), root, year);
  if ('error' in result) return { outcome: 'refused', message: d.notCreated(result.error) };
  // Every file checked against the site's boundary before the first is written; none written through a link.
  try {
    writeAllWhole(root, result.files);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { outcome: 'refused', message: d.notCreated(e.message) };
  }
  const files = [...result.files.keys()];
  const typed = editorPaths(root, cwd);
  const next = d.nextSteps(year, {
    root: visible(typed.root),
    forms: visible(typed.file(formsFolder(year))),
    ledger: visible(typed.file(`${PATHS.ledgers}/${year}.csv`)),
    edition: visible(typed.file(`${PATHS.editions}/${year}/edition.yaml`)),
  });
  // Names come from the last edition's folder (pictures included): unseen characters shown visibly.
  const lines = [...files.map((file) => d.created(visible(typed.file(file)))), ...result.notes, next];
  return { outcome: 'created', files, notes: result.notes, lines };
}
