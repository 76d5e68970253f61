/**
 * npm run import -- <year> <forms or folders…> [--replace]: filled collection forms (and ledger .xlsx/.csv
 * files) read back into data/ledgers/<year>.csv — written only when every cell passes check's rules, and
 * a value already in the ledger is changed only with --replace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  parseCli,
  ROOT_OPTION,
  runScript,
  UsageError,
  useContentRoot,
  yearArgument,
} from '../src/lib/site/cli-args.ts';
import { error, formatReport, hasErrors, location, type Problem } from '../src/lib/content/problems.ts';
import { loadProject, PATHS } from '../src/lib/content/project.ts';
import { readImport } from '../src/lib/forms/form-import.ts';
import { mergeLedger, type ImportedRow } from '../src/lib/ledger/ledger-merge.ts';
import { plausibilityWarnings } from '../src/lib/ledger/plausibility.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { writeWhole } from '../src/lib/site/write-whole.ts';

const d = diagnostics();
const say = d.cli.import;

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), say.usage, {
    ...ROOT_OPTION,
    replace: { type: 'boolean' },
  });
  const year = yearArgument(positionals[0], say.usage);
  const files = importFiles(positionals.slice(1));
  const root = useContentRoot(values.root);
  const ledgerFile = `${PATHS.ledgers}/${year}.csv`;
  if (!existsSync(join(root, ledgerFile))) {
    console.error(
      formatReport([error(ledgerFile, d.imports.noLedger(ledgerFile, year), { hint: d.imports.noLedgerHint(year) })]),
    );
    process.exit(1);
  }
  const project = loadProject(root, { includeDrafts: true });
  // The ledger and its edition as they are must be sound first: a figure is never merged into a file check
  // already refuses (a row of extra cells, another encoding), which rewriting would spoil without a word.
  const unsound = project.problems.filter(
    (p) => p.severity === 'error' && (p.file === ledgerFile || p.file.startsWith(`${PATHS.editions}/${year}/`)),
  );
  const edition = project.editions.find((e) => e.year === year);
  if (unsound.length > 0 || !edition) {
    console.error(`${formatReport(unsound)}\n${say.fixLedgerFirst(ledgerFile)}`);
    process.exit(1);
  }

  const rows: ImportedRow[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const read = await readImport(file, new Uint8Array(readFileSync(file)), project, year);
    rows.push(...read.rows);
    problems.push(...read.problems);
  }
  const merged = mergeLedger(readFileSync(join(root, ledgerFile), 'utf8'), rows);
  problems.push(...merged.problems);

  // The merged ledger checked as `npm run check` would check it on disk; each problem traced to its cell.
  const checked = loadProject(root, { includeDrafts: true, texts: new Map([[ledgerFile, merged.text]]) });
  const ofLedger = [...checked.problems, ...(hasErrors(checked.problems) ? [] : plausibilityWarnings(checked))];
  // Warnings only once the files read cleanly: a cell refused above would also be warned of as empty.
  const readCleanly = !hasErrors(problems);
  for (const problem of ofLedger.filter((p) => p.file === ledgerFile)) {
    const origin = merged.originOf(problem.line, problem.column);
    if (problem.severity === 'warning' && !(origin && readCleanly)) continue; // the rest of the ledger is check's
    problems.push(origin ? { ...problem, file: origin.file, line: origin.line, column: origin.column } : problem);
  }
  if (problems.length > 0) console.log(formatReport(problems));
  if (hasErrors(problems)) {
    console.error(say.stopped(ledgerFile));
    process.exit(1);
  }
  if (merged.filled === 0 && merged.added === 0 && merged.changes.length === 0) {
    console.log(say.unchanged(ledgerFile));
    return;
  }
  const changes = merged.changes.map((c) =>
    say.change(location(c.origin), c.indicator, c.period, c.column, c.before, c.after),
  );
  if (changes.length > 0 && !values.replace) {
    console.error([say.changesNeedReplace(changes.length), ...changes, say.replaceHint].join('\n'));
    process.exit(1);
  }
  if (changes.length > 0) console.log([say.replaced(changes.length), ...changes].join('\n'));
  writeWhole(join(root, ledgerFile), merged.text);
  console.log(say.written(ledgerFile, merged.filled + changes.length, merged.added));
});

/** The files named, a folder standing for the .xlsx and .csv files in it (not the lock files editors' programs leave). */
function importFiles(paths: string[]): string[] {
  if (paths.length === 0) throw new UsageError(d.cli.withUsage(say.noFiles, say.usage));
  return paths.flatMap((path) => {
    if (!existsSync(path)) throw new UsageError(d.cli.withUsage(say.notFound(path), say.usage));
    if (!statSync(path).isDirectory()) return [path];
    const inside = readdirSync(path)
      .filter((name) => /\.(xlsx|csv)$/i.test(name) && !/^(~\$|\.~lock)/.test(name))
      .sort()
      .map((name) => relative(process.cwd(), resolve(path, name)).replaceAll('\\', '/'));
    if (inside.length === 0) throw new UsageError(d.cli.withUsage(say.emptyFolder(path), say.usage));
    return inside;
  });
}
