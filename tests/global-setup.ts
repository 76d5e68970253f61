import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { ROOT } from './helpers/project-copy.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The phase timings file the demo build wrote (`--timings`), or null when the build was skipped. */
    demoBuildTimings: string | null;
  }
}

/** Build the demo once with the real command, as an editor would, before the site tests read dist/. */
export default function setup(project: TestProject): void {
  if (process.env.SKIP_DEMO_BUILD) {
    project.provide('demoBuildTimings', null);
    return;
  }
  const timings = join(mkdtempSync(join(tmpdir(), 'wp-timings-')), 'timings.json');
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--timings', timings], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  project.provide('demoBuildTimings', timings);
}
