import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * A throw-away copy of the project (node_modules linked; removed when the test file is done),
 * so a test can break a file the way an editor would and run the real loader or build on it.
 */
export function copyProject(): string {
  const dir = tempDir('wp-test-');
  // Code is copied too: Vite drops CSS imported through a symlinked src/.
  for (const name of [
    'content',
    'data',
    'src',
    'scripts',
    'public',
    'astro.config.mjs',
    'tsconfig.json',
    'package.json',
  ]) {
    cpSync(join(ROOT, name), join(dir, name), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export function editFile(dir: string, file: string, edit: (text: string) => string): void {
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
}

/** Replace the n-th (1-based) line of a file. */
export function replaceLine(dir: string, file: string, line: number, replacer: (text: string) => string): void {
  editFile(dir, file, (text) => {
    const lines = text.split('\n');
    lines[line - 1] = replacer(lines[line - 1]!);
    return lines.join('\n');
  });
}

const siteCopies: string[] = [];

/** A new empty folder under the system's temp folder, removed with the copies (tests/helpers/cleanup.ts). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  siteCopies.push(dir);
  return dir;
}

/**
 * A throw-away copy of a site's editor files (content/ and data/: all the loader reads; the demo's unless
 * `from` names another site), for in-process
 * tests of validation and the commands; `removeSiteCopies` (in afterEach/afterAll) deletes them.
 */
export function copySite(prefix = 'wp-site-', from = ROOT): string {
  const dir = tempDir(prefix);
  copyEditorFiles(from, dir);
  return dir;
}

/**
 * A copy of a site's editor files in a subfolder (`under`, e.g. `sites/qinglan`) of a throw-away project
 * folder, as a site given by `--root` sits: the folder the editor works in (`cwd`) and the site's (`root`).
 */
export function copySiteUnder(under: string, from = ROOT): { cwd: string; root: string } {
  const cwd = tempDir('wp-project-');
  const root = join(cwd, under);
  copyEditorFiles(from, root);
  return { cwd, root };
}

const copyEditorFiles = (from: string, to: string) => {
  for (const name of ['content', 'data']) cpSync(join(from, name), join(to, name), { recursive: true });
};

export function removeSiteCopies(): void {
  for (const dir of siteCopies.splice(0)) rmSync(dir, { recursive: true, force: true });
}
