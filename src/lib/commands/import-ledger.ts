import { closeSync, constants, existsSync, lstatSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import { breakdownFile, loadProject, PATHS } from '../content/load-project.ts';
import { type BreakdownRead, readImport } from '../forms/form-import.ts';
import { mergeBreakdown } from '../ledger/breakdown-file.ts';
import { type CellChange, type ImportedRow, mergeLedger, type TableMerge } from '../ledger/ledger-merge.ts';
import { type EditorPaths, editorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, formatReport, hasErrors, location, type Problem } from '../site/problems.ts';
import { writeAllWhole, WriteRefused } from '../site/write-whole.ts';
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

/** A value the import would change, with the file it is in (as typed) and whether that is the ledger. */
export type ImportChange = CellChange<string> & { file: string; ledger: boolean };

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
      /** Every file the import reads into (the ledger, and each breakdown's file of a sheet that brought figures), as typed. */
      tables: string[];
      /** The site's folder as typed ('' when it is the working directory), for the commands suggested. */
      root: string;
      /** The same import with --replace, as the editor types it. */
      rerun: string;
      /** Located problems (errors and warnings), each at its file › sheet!cell or file:line:column. */
      problems: Problem[];
      changes: ImportChange[];
      filled: number;
      added: number;
      /** Files written, as typed from the working directory. */
      written: string[];
    };

/**
 * Filled collection forms (and ledger .xlsx/.csv files) read back into `data/ledgers/<year>.csv` and, from a
 * form's breakdown sheets, into `data/breakdowns/<id>/<year>.csv`, in process: the files as they would be
 * written are checked by `validateProject`, as check and build check them, each problem traced back to its
 * cell, and written (each whole, never through a link) only with no errors, and with changed values only
 * under `replace`.
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
    tables: [typedLedger],
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
  // The files as they are must be sound first: a figure is never merged into a file check already refuses
  // (a row of extra cells, another encoding), which rewriting would spoil without a word.
  const ownFiles = new Set([ledgerFile, ...project.breakdowns.map((b) => breakdownFile(b.id, year))]);
  const unsound = project.problems.filter(
    (p) => p.severity === 'error' && (ownFiles.has(p.file) || p.file.startsWith(`${PATHS.editions}/${year}/`)),
  );
  if (unsound.length > 0 || !project.editions.some((e) => e.year === year))
    return { outcome: 'unsound', ...result, problems: typed.problems(unsound) };

  const rows: ImportedRow[] = [];
  const breakdowns = new Map<string, BreakdownRead>();
  const problems: Problem[] = [...expanded.problems];
  for (const { file, bytes } of expanded.files) {
    const read = await readImport(file, bytes, project, { year, typed });
    rows.push(...read.rows);
    // One breakdown's rows from two files (a form and its renamed copy) meet in one merge, which names both.
    for (const b of read.breakdowns)
      breakdowns.set(b.definition.id, {
        definition: b.definition,
        rows: [...(breakdowns.get(b.definition.id)?.rows ?? []), ...b.rows],
      });
    problems.push(...read.problems);
  }
  const original = (file: string) => (existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '');
  const tables: Array<{ file: string; merged: TableMerge<string> }> = [
    { file: ledgerFile, merged: mergeLedger(original(ledgerFile), rows) },
    ...[...breakdowns.values()].map(({ definition, rows: read }) => {
      const file = breakdownFile(definition.id, year);
      return { file, merged: mergeBreakdown(original(file), read, definition) };
    }),
  ];
  for (const { merged } of tables) problems.push(...merged.problems);

  // The files checked as `npm run check` would check them on disk; each problem traced to its cell.
  const { problems: ofSite } = validateProject(root, {
    includeDrafts: true,
    texts: new Map(tables.map((t) => [t.file, t.merged.text])),
  });
  // Warnings only once the files read cleanly: a cell refused above would also be warned of as empty.
  const readCleanly = !hasErrors(problems);
  for (const { file, merged } of tables)
    for (const problem of ofSite.filter((p) => p.file === file)) {
      const origin = merged.originOf(problem.line, problem.column);
      if (problem.severity === 'warning' && !(origin && readCleanly)) continue; // the rest of the file is check's
      problems.push(
        origin
          ? { ...problem, file: origin.file, line: origin.line, column: origin.column }
          : { ...problem, file: typed.file(file) },
      );
    }
  const sum = (count: (merged: TableMerge<string>) => number) => tables.reduce((n, t) => n + count(t.merged), 0);
  const counts = {
    tables: tables.map((t) => typed.file(t.file)),
    changes: tables.flatMap(({ file, merged }) =>
      merged.changes.map((c) => ({ ...c, file: typed.file(file), ledger: file === ledgerFile })),
    ),
    filled: sum((m) => m.filled),
    added: sum((m) => m.added),
  };
  if (hasErrors(problems)) return { outcome: 'refused', ...result, ...counts, problems };
  // A table is written when a cell of it changed, not merely rewritten (the editor's quoting is left alone).
  const changed = tables.filter(({ merged }) => merged.filled + merged.added + merged.changes.length > 0);
  if (changed.length === 0) return { outcome: 'unchanged', ...result, ...counts, problems };
  if (counts.changes.length > 0 && !options.replace) return { outcome: 'needsReplace', ...result, ...counts, problems };
  try {
    writeAllWhole(root, new Map(changed.map((t) => [t.file, t.merged.text])));
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { outcome: 'refused', ...result, ...counts, problems: [...problems, error(typed.file(e.file), e.message)] };
  }
  return { outcome: 'written', ...result, ...counts, problems, written: changed.map((t) => typed.file(t.file)) };
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
  const tables = result.tables.map(visible);
  const failed = (stderr: string, stdout = '') => ({ ok: false, stdout, stderr });
  if (result.outcome === 'noLedger') return failed(formatReport(problems));
  if (result.outcome === 'unsound') return failed(`${formatReport(problems)}\n${say.fixLedgerFirst(ledgerFile)}`);
  const report = problems.length > 0 ? [formatReport(problems)] : [];
  if (result.outcome === 'refused') return failed(say.stopped(tables), report.join('\n'));
  if (result.outcome === 'unchanged')
    return { ok: true, stdout: [...report, say.unchanged(tables)].join('\n'), stderr: '' };
  const changes = result.changes.map((c) => {
    const where = visible(location(c.origin));
    const [key, period] = c.key.map(visible);
    return c.ledger
      ? say.change(where, key!, period!, c.column, visible(c.before), visible(c.after))
      : say.breakdownChange(where, visible(c.file), key!, c.column, visible(c.before), visible(c.after));
  });
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
      say.written(result.written.map(visible), result.filled + changes.length, result.added, visible(result.root)),
    ].join('\n'),
    stderr: '',
  };
}
