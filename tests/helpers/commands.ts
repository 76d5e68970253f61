/**
 * The commands in process, as the suites read them: what `npm run check`, `build`, `new-edition` and `ledger`
 * print (stdout, stderr) and their exit status, from `checkSite`, `buildSite`, `addEdition` and
 * `exportLedger` — no Node process started. The scripts
 * themselves (arguments, printing, exit code) are proved once each by a test that spawns them.
 */
import { type BuildOptions, buildSite } from '../../src/build-site.ts';
import { addEdition } from '../../src/lib/commands/add-edition.ts';
import { checkSite } from '../../src/lib/commands/check-site.ts';
import { exportLedger } from '../../src/lib/commands/export-ledger.ts';
import { formatReport } from '../../src/lib/site/problems.ts';

export interface Printed {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * `npm run check` on the site in `root`, run from `cwd` (by default the site's folder, as an editor runs it in
 * the project folder): the report on stdout, then the summary when it passes.
 */
export function check(root: string, cwd = root): Printed {
  const result = checkSite({ root, cwd });
  const stdout = result.ok ? `${result.report}\n${result.summary}\n` : `${result.report}\n`;
  return { status: result.ok ? 0 : 1, stdout, stderr: '' };
}

/**
 * `npm run build` of the site in `root` (this project's code), without the PDF edition unless asked and
 * without Astro's progress log: the problems and any failure on stderr, the success line on stdout.
 */
export async function build(root: string, options: Partial<BuildOptions> = {}): Promise<Printed> {
  let stderr = '';
  const result = await buildSite({
    root,
    pdf: false,
    logLevel: 'silent',
    onValidated: (problems) => {
      if (problems.length > 0) stderr += `${formatReport(problems)}\n`;
    },
    ...options,
  });
  if (result.outcome === 'built') return { status: 0, stdout: `${result.message}\n`, stderr };
  return { status: 1, stdout: '', stderr: `${stderr}${result.message}\n` };
}

/** `npm run new-edition -- <year>` on the site in `root`, run from `cwd`: what it created and tells the editor, or why not. */
export function newEdition(root: string, year: number, cwd = root): Printed {
  const result = addEdition({ root, year, cwd });
  if (result.outcome === 'refused') return { status: 1, stdout: '', stderr: `${result.message}\n` };
  return { status: 0, stdout: `${result.lines.join('\n')}\n`, stderr: '' };
}

/** `npm run ledger -- <year> [--out <file>]` on the site in `root` (`out` relative to `cwd`). */
export function ledger(root: string, year: number, out?: string, cwd = root): Printed {
  const result = exportLedger({ root, year, out, cwd });
  if (result.outcome === 'unsound') return { status: 1, stdout: '', stderr: `${formatReport(result.problems)}\n` };
  if (result.outcome === 'noEdition') return { status: 2, stdout: '', stderr: `${result.message}\n` };
  return result.message
    ? { status: 0, stdout: '', stderr: `${result.message}\n` }
    : { status: 0, stdout: result.csv, stderr: '' };
}
