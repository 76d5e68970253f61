/**
 * npm run build [-- --root <site>] [--timings <file.json>]: the site built by `buildSite` (validate, lock,
 * Astro build into .build-tmp/, swap into dist/; the previous dist/ kept on any failure). This only parses
 * the arguments, prints and sets the exit code. `WHITE_PAPER_PDF=off` (the editor's switch) turns the PDF off.
 */
import { buildSite } from '../src/build-site.ts';
import { parseCli, ROOT_OPTION, rootArgument, runScript } from '../src/lib/commands/cli-args.ts';
import { timingsFile } from '../src/lib/publish/build-timings.ts';
import { pdfSwitch } from '../src/lib/publish/chrome.ts';
import { editorPaths } from '../src/lib/site/content-root.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { formatReport } from '../src/lib/site/problems.ts';

await runScript(async () => {
  const { values } = parseCli(process.argv.slice(2), diagnostics().cli.build.usage, {
    ...ROOT_OPTION,
    // Phase seconds as JSON, for npm run bench and the test suite's record of the demo build.
    timings: { type: 'string' },
  });
  const root = rootArgument(values.root);
  const result = await buildSite({
    root,
    pdf: pdfSwitch(process.env),
    timings: values.timings ? timingsFile(values.timings) : undefined,
    logLevel: process.env.CI ? 'warn' : 'info',
    onValidated: (problems) => {
      // Files named as the editor types them, as every command names them (`editorPaths`).
      if (problems.length > 0) console.error(formatReport(editorPaths(root, process.cwd()).problems(problems)));
    },
  });
  if (result.outcome !== 'built') {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  console.log(result.message);
});
