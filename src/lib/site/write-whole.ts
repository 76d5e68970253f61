import { randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

import { visible } from './control-characters.ts';
import { diagnostics } from './messages/index.ts';

/** A write the site's boundary refuses: the message names the file (relative to the root) and why, in Chinese. */
export class WriteRefused extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(message);
    this.file = file;
  }
}

const inside = (folder: string, path: string) => {
  const r = relative(folder, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * Checks that `file` (relative to `root`, or absolute inside it) can be written without leaving the root:
 * no `..` out of it, every existing folder on the way a folder whose real path is inside the root (a
 * symlinked folder may point elsewhere in the site, never out of it), the target not a folder. Creates
 * the missing folders one at a time (with `create`), so nothing is made through a link. Throws WriteRefused.
 */
export function prepareWrite(root: string, file: string, create = true): string {
  const base = resolve(root);
  const path = resolve(base, file);
  /** A path as the editor reads it: relative to the root, `/`-separated, unseen characters visible. */
  const named = (p: string) => visible(relative(base, p).split(sep).join('/'));
  const shown = named(path) || visible(file);
  const say = diagnostics().files;
  if (path === base || !inside(base, path)) throw new WriteRefused(shown, say.outsideRoot(shown));
  const realRoot = realpathSync(base);
  let folder = base;
  for (const part of relative(base, dirname(path)).split(sep).filter(Boolean)) {
    folder = join(folder, part);
    let stat;
    try {
      stat = lstatSync(folder);
    } catch {
      if (!create) return path; // the rest of the way does not exist yet: nothing there to follow
      mkdirSync(folder); // not recursive: its parent was checked just now
      continue;
    }
    if (stat.isSymbolicLink()) {
      let real: string;
      try {
        real = realpathSync(folder);
      } catch {
        throw new WriteRefused(shown, say.brokenLink(named(folder)));
      }
      if (!inside(realRoot, real) || !statSync(folder).isDirectory())
        throw new WriteRefused(shown, say.linkOutside(named(folder)));
    } else if (!stat.isDirectory()) {
      throw new WriteRefused(shown, say.notAFolder(named(folder)));
    }
  }
  if (!inside(realRoot, realpathSync(dirname(path)))) throw new WriteRefused(shown, say.outsideRoot(shown));
  try {
    if (lstatSync(path).isDirectory()) throw new WriteRefused(shown, say.isAFolder(shown));
  } catch (e) {
    if (e instanceof WriteRefused) throw e;
  }
  return path;
}

/**
 * Writes a file whole or not at all, and never through a symlink or out of `root`: the bytes go into a new
 * temporary file beside the target (a unique name, created exclusively: a planted `.tmp` link is never
 * opened), which is then renamed over it — the target path itself is never opened for writing, so a link
 * planted there is replaced, not followed. A process stopped mid-write leaves no half-written ledger,
 * chapter, picture or cached PDF behind. Throws WriteRefused when the root's boundary forbids the write.
 */
export function writeWhole(root: string, file: string, data: string | Uint8Array): void {
  const path = prepareWrite(root, file);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // not made, or already renamed
    }
    throw e;
  }
}

/**
 * Writes several files, all or none refused: every target is checked (prepareWrite) before the first is
 * written, so a refused picture does not leave its chapter half imported.
 */
export function writeAllWhole(root: string, files: ReadonlyMap<string, string | Uint8Array>): void {
  for (const file of files.keys()) prepareWrite(root, file, false);
  for (const [file, data] of files) writeWhole(root, file, data);
}
