/**
 * npm run js-budget [-- --root <site>]: gzip bytes of JavaScript each page type of dist/ loads before any
 * interaction (`jsBudget`). Budget: ≤ 20 KB (README). Exits non-zero when a page is over.
 */
import { parseCli, ROOT_OPTION, rootArgument, runScript } from '../src/lib/commands/cli-args.ts';
import { jsBudget } from '../src/lib/commands/js-budget.ts';

await runScript(() => {
  const { values } = parseCli(process.argv.slice(2), 'npm run js-budget [-- --root <site>]', ROOT_OPTION);
  const { pages, over } = jsBudget({ root: rootArgument(values.root) });
  console.log('page type   path                                  HTML gz   CSS gz   JS gz (before interaction)');
  for (const p of pages)
    console.log(
      `${p.type.padEnd(11)} ${p.path.padEnd(37)} ${String(p.html).padStart(7)}  ${String(p.css).padStart(7)}  ${String(p.js).padStart(7)}  ${p.over ? 'OVER BUDGET' : 'ok'}`,
    );
  if (over) process.exitCode = 1;
});
