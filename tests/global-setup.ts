import { spawnSync } from 'node:child_process';
import { ROOT } from './helpers/project-copy.ts';

/** Build the demo once with the real command, as an editor would, before the site tests read dist/. */
export default function setup(): void {
  if (process.env.SKIP_DEMO_BUILD) return;
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1' },
  });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}
