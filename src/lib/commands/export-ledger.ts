import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { loadProject } from '../content/load-project.ts';
import { evaluatedLedgerCsv } from '../publish/ledger-export.ts';
import { editorPaths } from '../site/content-root.ts';
import { diagnostics, messagesFor } from '../site/messages/index.ts';
import { hasErrors, type Problem } from '../site/problems.ts';

export interface ExportLedgerOptions {
  /** The site's folder. */
  root: string;
  /** The edition (drafts included) whose ledger is exported. */
  year: number;
  /** A file to write (with a BOM, for Excel); without it the CSV is only returned. */
  out?: string;
  /** The folder the editor works in: `out` is relative to it, and problems name files relative to it. */
  cwd: string;
}

/**
 * `unsound`: the site has errors (`problems`, their files as typed from `cwd`); `noEdition`: no edition of that year (`message` names the
 * years there are); `exported`: `csv` (no BOM), and with `out` the file written and `message` saying so.
 */
export type ExportLedgerResult =
  | { outcome: 'unsound'; problems: Problem[] }
  | { outcome: 'noEdition'; message: string }
  | { outcome: 'exported'; csv: string; file?: string; message?: string };

/** `npm run ledger`, in process: an edition's ledger with the computed statuses, as the editors' CSV. */
export function exportLedger({ root, year, out, cwd }: ExportLedgerOptions): ExportLedgerResult {
  const d = diagnostics().cli.ledger;
  const project = loadProject(root, { includeDrafts: true });
  if (hasErrors(project.problems))
    return { outcome: 'unsound', problems: editorPaths(root, cwd).problems(project.problems) };
  const edition = project.editions.find((e) => e.year === year);
  if (!edition)
    return {
      outcome: 'noEdition',
      message: d.noEdition(
        year,
        project.editions.map((e) => e.year),
      ),
    };
  const csv = evaluatedLedgerCsv(edition, messagesFor(project.site.language));
  if (out === undefined) return { outcome: 'exported', csv };
  // A BOM so that Excel on Chinese Windows opens it right.
  writeFileSync(resolve(cwd, out), `\uFEFF${csv}`);
  return { outcome: 'exported', csv, file: out, message: d.written(out, edition.yearEntries.length) };
}
