/** npm run new-site -- <folder> --region <地区> --year <年份>: a new site with a first draft edition (`createSite`; this prints). */
import { parseCli, runScript, UsageError, yearArgument } from '../src/lib/commands/cli-args.ts';
import { createSite } from '../src/lib/commands/create-site.ts';
import { contentRoot } from '../src/lib/site/content-root.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

const say = diagnostics().cli.newSite;

await runScript(() => {
  const { values, positionals } = parseCli(process.argv.slice(2), say.usage, {
    region: { type: 'string' },
    year: { type: 'string' },
    agency: { type: 'string' },
    url: { type: 'string' },
  });
  const folder = positionals[0];
  if (!folder) throw new UsageError(diagnostics().cli.withUsage(say.missingFolder, say.usage));
  if (!values.region?.trim()) throw new UsageError(diagnostics().cli.withUsage(say.missingRegion, say.usage));
  const result = createSite({
    root: contentRoot(folder),
    cwd: process.cwd(),
    year: yearArgument(values.year, say.usage),
    region: values.region.trim(),
    agency: values.agency?.trim() || undefined,
    siteUrl: values.url?.trim() || undefined,
  });
  if (result.outcome === 'refused') {
    console.error(result.message);
    process.exitCode = 1;
    return;
  }
  for (const line of result.lines) console.log(line);
});
