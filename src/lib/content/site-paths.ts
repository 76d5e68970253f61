import { lstatSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The first symbolic link on the way from `root` down to `path` (relative, `/`-separated), as the part of
 * the path up to it; null when every part is a real file or folder, or does not exist. Editors' files are
 * read only along real paths: a link could lead out of the site (a picture that is /etc/passwd, a ledger
 * from another drive) or make one file appear under two names.
 */
export function symlinkOnPath(root: string, path: string): string | null {
  const parts = path.split('/').filter((p) => p !== '' && p !== '.');
  for (let n = 1; n <= parts.length; n++) {
    const at = parts.slice(0, n).join('/');
    try {
      if (lstatSync(join(root, at)).isSymbolicLink()) return at;
    } catch {
      return null;
    }
  }
  return null;
}
