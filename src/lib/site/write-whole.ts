import { renameSync, writeFileSync } from 'node:fs';

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a process
 * stopped mid-write never leaves a half-written ledger, chapter or cached PDF behind.
 */
export function writeWhole(path: string, data: string | Uint8Array): void {
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
}
