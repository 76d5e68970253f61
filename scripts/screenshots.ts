/**
 * npm run screenshots -- [path…] [--root <site>]: full-page PNGs of built pages at phone (390 px) and desktop
 * (1280 px) widths in the system Chromium, into screenshots/ — for looking at what we ship (`screenshots`).
 */
import { relative } from 'node:path';

import { parseCli, ROOT_OPTION, rootArgument, runScript } from '../src/lib/commands/cli-args.ts';
import { screenshots } from '../src/lib/commands/screenshots.ts';

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), 'npm run screenshots -- [path…]', ROOT_OPTION);
  const root = rootArgument(values.root);
  const files = await screenshots({ root, pages: positionals.length ? positionals : undefined });
  for (const file of files) console.log(relative(process.cwd(), file));
});
