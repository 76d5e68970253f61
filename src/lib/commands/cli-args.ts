/**
 * The one argument parser of the npm scripts: Node's `util.parseArgs` with a usage message from the
 * diagnostics catalogue instead of a stack trace when an editor mistypes a command.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { editionSchema } from '../model/schemas.ts';
import { childProcesses, endChildProcesses, stopChildProcesses } from '../site/child-processes.ts';
import { contentRoot } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';

const d = diagnostics().cli;

export type CliOptions = NonNullable<ParseArgsConfig['options']>;

export class UsageError extends Error {}

/** Parses `argv` (without node and script); throws UsageError naming the command's usage. */
export function parseCli<O extends CliOptions>(argv: string[], usage: string, options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    const { code, message } = e as Error & { code?: string };
    // The echo of what was typed shows its unseen characters: an argument cannot clear the terminal or add a line.
    const option = visible(/'([^']+)'/.exec(message)?.[1] ?? '');
    const what =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? d.unknownOption(option) : d.badArgument(option || visible(message));
    throw new UsageError(d.withUsage(what, usage));
  }
}

/** The option every script takes: `--root <folder>`, the site to work on (default: this project). */
export const ROOT_OPTION = { root: { type: 'string' } } as const satisfies CliOptions;

/** The site `--root` names, as an absolute path (the working directory without it): passed on as an option. */
export const rootArgument = (root: string | undefined): string => contentRoot(root);

/** A four-digit edition year from a positional argument, or a UsageError. */
export function yearArgument(value: string | undefined, usage: string): number {
  const year = Number(value);
  // The same range as an edition's `year` in edition.yaml.
  if (!value || !editionSchema.shape.year.safeParse(year).success) {
    throw new UsageError(d.withUsage(value ? d.notAYear(visible(value)) : d.missingYear, usage));
  }
  return year;
}

/**
 * Runs a script's main; a UsageError prints its message and exits with 2, like other CLIs. However it ends —
 * done, failed, or stopped with Ctrl-C — no process it started is left running (`endChildProcesses`).
 */
export async function runScript(main: () => void | Promise<void>): Promise<void> {
  // One way out once stopped: the work may end on its own meanwhile (a build that then does not replace dist/),
  // and it waits for this, which says last why the command ended (what the stopped work printed is not why).
  let stopping: Promise<void> | undefined;
  const stop = (code: number) => () => {
    stopping ??= (async () => {
      await stopChildProcesses();
      // The stopped work may start another child (the search index's service) while these end: exit only in
      // the same tick as a look that finds none, so nothing started meanwhile is left behind.
      for (let tries = 0; tries < 5 && childProcesses().length > 0; tries++) await endChildProcesses();
      console.error(d.interrupted);
      process.exit(code);
    })();
  };
  process.once('SIGINT', stop(130));
  process.once('SIGTERM', stop(143));
  try {
    await main();
  } catch (e) {
    if (stopping) await stopping;
    await endChildProcesses();
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    process.exit(2);
  }
  if (stopping) await stopping;
  await endChildProcesses();
}
