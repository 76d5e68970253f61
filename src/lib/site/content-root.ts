import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

import { visible } from './control-characters.ts';
import { diagnostics } from './messages/index.ts';
import type { Problem } from './problems.ts';

/**
 * Where the editors' files are: content/ and data/ of the project (the working directory), or of another
 * site's folder given by `--root` (e.g. examples/dongtou). Every command takes the root as an option and
 * hands it on (to the Astro config, its integrations and the chapter collection): one code base builds any site.
 */
export const contentRoot = (given?: string): string => resolve(given || process.cwd());

/**
 * The site's paths as the editor types them. A command reads every path it is given (`--root`, files to
 * import, a Word draft, `--out`) relative to the working directory, as the shell, its completion and the
 * file manager do, and so prints every path relative to it too: what one command prints, the next one
 * accepts as typed, with or without `--root` (`npm run` runs in the project folder, where the guides say
 * to run commands, so for the project's own site nothing changes).
 */
export interface EditorPaths {
  /** A file of the site (relative to its root, `/`-separated) as typed from the working directory. */
  file(path: string): string;
  /** The site's folder as typed, for a suggested command's `--root`; '' when it is the working directory. */
  root: string;
  /** Problems of the site (their files relative to its root) with their files as typed. */
  problems(problems: readonly Problem[]): Problem[];
  /**
   * What to say of a path typed that is not there: that it is not, and when the same path inside the
   * site's folder is there (`forms/2025` typed with `--root x`), how to type that (`x/forms/2025`).
   */
  notFound(path: string): string;
}

/** The paths of the site at `root` as typed from `cwd` (both absolute, or relative to the process's folder). */
export function editorPaths(root: string, cwd: string): EditorPaths {
  const typed = (path: string) => relative(resolve(cwd), resolve(root, path)).split(sep).join('/');
  return {
    file: typed,
    root: typed('.'),
    problems: (problems) => problems.map((p) => ({ ...p, file: typed(p.file) })),
    notFound: (path) =>
      diagnostics().cli.notFound(visible(path), existsSync(resolve(root, path)) ? visible(typed(path)) : null),
  };
}
