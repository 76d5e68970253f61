import { closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { loadProject, PATHS } from '../content/load-project.ts';
import { readImport } from '../forms/form-import.ts';
import { type ImportedRow, type LedgerChange, mergeLedger } from '../ledger/ledger-merge.ts';
import { type EditorPaths, editorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, formatReport, hasErrors, location, type Problem } from '../site/problems.ts';
import { WriteRefused, writeWhole } from '../site/write-whole.ts';
import { validateProject } from './validate.ts';

export interface ImportOptions {
  /** The site's content root. */
  root: string;
  year: number;
  /** Forms, ledger files and folders of them, as the editor named them (relative to `cwd`). */
  paths: readonly string[];
  /** Change values the ledger already has. */
  replace?: boolean;
  /** The folder the editor works in: `paths` are relative to it, and every file is named relative to it. */
  cwd: string;
}

/**
 * What an import did: `usage` (no files, a path not found, an empty folder: `message` says which);
 * `noLedger` (no edition of that year); `unsound` (the ledger or edition as it is has errors: fix them
 * first); `refused` (errors in the files read, or a write the site's boundary refuses); `needsReplace`
 * (values already in the ledger differ: listed in `changes`); `unchanged`; `written`.
 */
export type ImportResult =
  | { outcome: 'usage'; message: string }
  | {
      outcome: 'noLedger' | 'unsound' | 'refused' | 'needsReplace' | 'unchanged' | 'written';
      /** The ledger, as the editor types it from the working directory. */
      ledgerFile: string;
      /** The site's folder as typed ('' when it is the working directory), for the commands suggested. */
      root: string;
      /** The same import with --replace, as the editor types it. */
      rerun: string;
      /** Located problems (errors and warnings), each at its file › sheet!cell or file:line:column. */
      problems: Problem[];
      changes: LedgerChange[];
      filled: number;
      added: number;
      /** Files written, as typed from the working directory. */
      written: string[];
    };

/**
 * Filled collection forms (and ledger .xlsx/.csv files) read back into `data/ledgers/<year>.csv`, in
 * process: the merged ledger is checked by `validateProject`, as check and build check it, each problem traced back to its cell, and
 * written (whole, never through a link) only with no errors, and with changed values only under `replace`.
 */
export async function importLedger(options: ImportOptions): Promise<ImportResult> {
  const { root, year, cwd } = options;
  const d = diagnostics();
  const typed = editorPaths(root, cwd);
  const expanded = importFiles(options.paths, cwd, typed);
  if ('usage' in expanded) return { outcome: 'usage', message: expanded.usage };
  const ledgerFile = `${PATHS.ledgers}/${year}.csv`;
  const typedLedger = typed.file(ledgerFile);
  const result = {
    ledgerFile: typedLedger,
    root: typed.root,
    rerun: d.cli.import.replaceCommand(year, options.paths.map(visible), visible(typed.root)),
    changes: [],
    filled: 0,
    added: 0,
    written: [] as string[],
  };
  if (!existsSync(join(root, ledgerFile)))
    return {
      outcome: 'noLedger',
      ...result,
      problems: [
        error(typedLedger, d.imports.noLedger(visible(typedLedger), year), {
          hint: d.imports.noLedgerHint(year, visible(typed.root)),
        }),
      ],
    };
  const project = loadProject(root, { includeDrafts: true });
  // The ledger and its edition as they are must be sound first: a figure is never merged into a file check
  // already refuses (a row of extra cells, another encoding), which rewriting would spoil without a word.
  const unsound = project.problems.filter(
    (p) => p.severity === 'error' && (p.file === ledgerFile || p.file.startsWith(`${PATHS.editions}/${year}/`)),
  );
  if (unsound.length > 0 || !project.editions.some((e) => e.year === year))
    return { outcome: 'unsound', ...result, problems: typed.problems(unsound) };

  const rows: ImportedRow[] = [];
  const problems: Problem[] = [...expanded.problems];
  for (const { file, bytes } of expanded.files) {
    const read = await readImport(file, bytes, project, { year, typed });
    rows.push(...read.rows);
    problems.push(...read.problems);
  }
  const merged = mergeLedger(readFileSync(join(root, ledgerFile), 'utf8'), rows);
  problems.push(...merged.problems);

  // The merged ledger checked as `npm run check` would check it on disk; each problem traced to its cell.
  const { problems: ofLedger } = validateProject(root, {
    includeDrafts: true,
    texts: new Map([[ledgerFile, merged.text]]),
  });
  // Warnings only once the files read cleanly: a cell refused above would also be warned of as empty.
  const readCleanly = !hasErrors(problems);
  for (const problem of ofLedger.filter((p) => p.file === ledgerFile)) {
    const origin = merged.originOf(problem.line, problem.column);
    if (problem.severity === 'warning' && !(origin && readCleanly)) continue; // the rest of the ledger is check's
    problems.push(
      origin
        ? { ...problem, file: origin.file, line: origin.line, column: origin.column }
        : { ...problem, file: typedLedger },
    );
  }
  const counts = { changes: merged.changes, filled: merged.filled, added: merged.added };
  if (hasErrors(problems)) return { outcome: 'refused', ...result, ...counts, problems };
  if (merged.filled === 0 && merged.added === 0 && merged.changes.length === 0)
    return { outcome: 'unchanged', ...result, ...counts, problems };
  if (merged.changes.length > 0 && !options.replace) return { outcome: 'needsReplace', ...result, ...counts, problems };
  try {
    writeWhole(root, ledgerFile, merged.text);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { outcome: 'refused', ...result, ...counts, problems: [...problems, error(typed.file(e.file), e.message)] };
  }
  return { outcome: 'written', ...result, ...counts, problems, written: [typedLedger] };
}

/**
 * The files named, a folder standing for the .xlsx and .csv files in it (not the lock files editors'
 * programs leave), with their bytes. A symlink in a folder is not followed: it is a located error, as is
 * anything there that is not a plain file, so a returned folder can bring in nothing from elsewhere.
 * A path not found names the place in the site it may have meant (`forms/2025` with `--root x`).
 */
function importFiles(
  paths: readonly string[],
  cwd: string,
  typed: EditorPaths,
): { files: Array<{ file: string; bytes: Uint8Array }>; problems: Problem[] } | { usage: string } {
  const say = diagnostics().cli.import;
  const imports = diagnostics().imports;
  if (paths.length === 0) return { usage: say.noFiles };
  const files: Array<{ file: string; bytes: Uint8Array }> = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const full = resolve(cwd, path);
    if (!existsSync(full)) return { usage: typed.notFound(path) };
    if (!statSync(full).isDirectory()) {
      // A file the editor names is read as named.
      if (!statSync(full).isFile()) problems.push(error(visible(path), imports.notAFile));
      else files.push({ file: path, bytes: new Uint8Array(readFileSync(full)) });
      continue;
    }
    const inside = readdirSync(full, { withFileTypes: true })
      .filter((entry) => /\.(xlsx|csv)$/i.test(entry.name) && !/^(~\$|\.~lock)/.test(entry.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (inside.length === 0) return { usage: say.emptyFolder(visible(path)) };
    for (const entry of inside) {
      const file = relative(cwd, resolve(full, entry.name)).replaceAll('\\', '/');
      const bytes = entry.isSymbolicLink() || !entry.isFile() ? null : readNoFollow(join(full, entry.name));
      if (bytes) files.push({ file, bytes });
      else if (lstatSync(join(full, entry.name)).isSymbolicLink())
        problems.push(error(visible(file), imports.symlink, { hint: imports.symlinkHint }));
      else problems.push(error(visible(file), imports.notAFile));
    }
  }
  return { files, problems };
}

/** A plain file's bytes, opened without following a link (one swapped in since the folder was listed); else null. */
function readNoFollow(path: string): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  try {
    return new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/**
 * What `npm run import` prints for a result other than `usage` (the script adds the usage text to that):
 * the report, the changes with their cells, what was written; `ok` false when nothing could be written.
 * Cells' words and file names are shown as written, unseen characters made visible.
 */
export function importReport(result: Exclude<ImportResult, { outcome: 'usage' }>): {
  ok: boolean;
  stdout: string;
  stderr: string;
} {
  const say = diagnostics().cli.import;
  const { problems } = result;
  const ledgerFile = visible(result.ledgerFile);
  const failed = (stderr: string, stdout = '') => ({ ok: false, stdout, stderr });
  if (result.outcome === 'noLedger') return failed(formatReport(problems));
  if (result.outcome === 'unsound') return failed(`${formatReport(problems)}\n${say.fixLedgerFirst(ledgerFile)}`);
  const report = problems.length > 0 ? [formatReport(problems)] : [];
  if (result.outcome === 'refused') return failed(say.stopped(ledgerFile), report.join('\n'));
  if (result.outcome === 'unchanged')
    return { ok: true, stdout: [...report, say.unchanged(ledgerFile)].join('\n'), stderr: '' };
  const changes = result.changes.map((c) =>
    say.change(
      visible(location(c.origin)),
      visible(c.indicator),
      visible(c.period),
      c.column,
      visible(c.before),
      visible(c.after),
    ),
  );
  if (result.outcome === 'needsReplace')
    return failed(
      [say.changesNeedReplace(changes.length), ...changes, say.replaceHint(result.rerun)].join('\n'),
      report.join('\n'),
    );
  return {
    ok: true,
    stdout: [
      ...report,
      ...(changes.length > 0 ? [[say.replaced(changes.length), ...changes].join('\n')] : []),
      say.written(ledgerFile, result.filled + changes.length, result.added, visible(result.root)),
    ].join('\n'),
    stderr: '',
  };
}
