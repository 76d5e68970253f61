import { existsSync, mkdirSync, readdirSync } from 'node:fs';

import { scaffoldSite, type SiteIdentity } from '../content/site-scaffold.ts';
import { editorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { writeAllWhole, WriteRefused } from '../site/write-whole.ts';

export interface CreateSiteOptions extends SiteIdentity {
  /** The new site's folder; created, or empty. */
  root: string;
  /** The folder paths are typed from (`site/content-root.ts#editorPaths`). */
  cwd: string;
  /** The first edition's year. */
  year: number;
}

/** `refused`: nothing written, `message` says why; `created`: `files` written (relative to the root), `lines` to print. */
export type CreateSiteResult =
  { outcome: 'refused'; message: string } | { outcome: 'created'; files: string[]; lines: string[] };

/** `npm run new-site`, in process: a site with a first draft edition, in a folder that holds nothing yet. */
export function createSite(options: CreateSiteOptions): CreateSiteResult {
  const d = diagnostics().cli.newSite;
  // Only an empty folder: a site's files are never overwritten, nor mixed into another folder's.
  const typed = editorPaths(options.root, options.cwd);
  const existing = existsSync(options.root) ? readdirSync(options.root) : [];
  if (existing.length > 0)
    return { outcome: 'refused', message: d.notCreated(diagnostics().newSite.exists(visible(typed.root || '.'))) };
  const files = scaffoldSite(options, options.year);
  try {
    // The folder the editor named is made here; everything inside it goes through the site's write boundary.
    mkdirSync(options.root, { recursive: true });
    writeAllWhole(options.root, files);
  } catch (e) {
    if (!(e instanceof WriteRefused)) throw e;
    return { outcome: 'refused', message: d.notCreated(e.message) };
  }
  const written = [...files.keys()];
  return {
    outcome: 'created',
    files: written,
    lines: [
      ...written.map((file) => d.created(visible(typed.file(file)))),
      d.nextSteps(visible(typed.root || '.'), options.year),
    ],
  };
}
