/**
 * npm run import-chapter -- <year> <draft.docx> [--name 02-x] [--replace]: a Word draft becomes a chapter of
 * that year's edition — the chapter of the same title (the copy new-edition made), or a new one named by
 * --name — with its pictures copied beside it and its figures bound to the ledger. The work is
 * `importChapter`; this prints.
 */
import {
  parseCli,
  ROOT_OPTION,
  rootArgument,
  runScript,
  UsageError,
  yearArgument,
} from '../src/lib/commands/cli-args.ts';
import { importChapter } from '../src/lib/commands/import-chapter.ts';
import { visible } from '../src/lib/site/control-characters.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';

const d = diagnostics();
const say = d.cli.importChapter;

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), say.usage, {
    ...ROOT_OPTION,
    name: { type: 'string' },
    replace: { type: 'boolean' },
  });
  const year = yearArgument(positionals[0], say.usage);
  const draft = positionals[1];
  if (!draft) throw new UsageError(d.cli.withUsage(d.cli.missingFile, say.usage));
  const root = rootArgument(values.root);
  const result = await importChapter({
    root,
    year,
    draft,
    name: values.name,
    replace: values.replace,
    cwd: process.cwd(),
  });
  if (!result.ok) {
    if (result.usage) throw new UsageError(d.cli.withUsage(result.message, say.usage));
    console.error(result.message);
    process.exit(1);
  }
  const file = visible(result.file);
  // Words from the draft (title, picture descriptions, text not converted) shown with unseen characters visible.
  console.log(say.written(file, visible(result.title)) + (result.copied ? say.replacedCopy(file) : ''));
  // The chapter's one-line summary is not in the draft; the replaced file's would be last year's.
  if (result.summaryDropped) console.log(say.summaryDropped(visible(result.summaryDropped)));
  for (const image of result.images) console.log(say.image(visible(image.file), visible(image.alt)));
  console.log(result.bound.length > 0 ? say.bound(result.bound.length) : say.unbound);
  for (const b of result.bound) console.log(say.boundFigure(b.line, visible(b.name), visible(b.written), b.tag));
  if (result.unconverted.length > 0) {
    console.log(say.unconverted(result.unconverted.length));
    for (const u of result.unconverted)
      console.log(u.kind === 'missing' ? say.missing(visible(u.text)) : `  ${visible(u.text)}`);
  }
  console.log(say.next(file, visible(result.root)));
});
