/**
 * npm run import-chapter -- <year> <draft.docx> [--name 02-x] [--replace]: a Word draft becomes a chapter of
 * that year's edition — the chapter of the same title (the copy new-edition made), or a new one named by
 * --name — with its pictures copied beside it and its figures bound to the ledger.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  parseCli,
  ROOT_OPTION,
  runScript,
  UsageError,
  useContentRoot,
  yearArgument,
} from '../src/lib/site/cli-args.ts';
import { formatReport, hasErrors } from '../src/lib/content/problems.ts';
import { CHAPTER_IMAGES, chapterSlug, loadProject, PATHS } from '../src/lib/content/project.ts';
import { copiedChapter } from '../src/lib/content/new-edition.ts';
import { readWordDraft } from '../src/lib/content/word-chapter.ts';
import { entryAt } from '../src/lib/ledger/evaluation.ts';
import { diagnostics } from '../src/lib/site/messages/index.ts';
import { writeWhole } from '../src/lib/site/write-whole.ts';

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
  if (!existsSync(draft)) throw new UsageError(d.cli.withUsage(say.notFound(draft), say.usage));
  if (!/\.docx$/i.test(draft)) throw new UsageError(d.cli.withUsage(say.notDocx(draft), say.usage));
  if (values.name !== undefined && !/^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/.test(values.name))
    throw new UsageError(d.cli.withUsage(say.badName(values.name), say.usage));
  const root = useContentRoot(values.root);
  const project = loadProject(root, { includeDrafts: true });
  const edition = project.editions.find((e) => e.year === year);
  if (!edition) fail(say.noEdition(year));

  const word = await readWordDraft(new Uint8Array(readFileSync(draft))).catch((e: Error) =>
    fail(say.unreadable(draft, e.message)),
  );
  const title = word.title ?? basename(draft).replace(/\.docx$/i, '');

  // The draft's title finds the chapter it rewrites; --name names a new one (or picks one explicitly).
  const chapter = values.name
    ? edition.chapters.find((c) => basename(c.file, '.mdx') === values.name)
    : edition.chapters.find((c) => c.title === title);
  if (!values.name && !chapter)
    fail(
      say.needName(
        title,
        edition.chapters.map((c) => c.title),
      ),
    );
  const file = chapter?.file ?? `${PATHS.editions}/${year}/${values.name}.mdx`;
  const order = chapter?.order ?? Number(values.name!.slice(0, 2));
  const existing = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : null;
  // Only a copy no one has touched since new-edition made it is replaced without --replace.
  const sourceOf = (from: number) => file.replace(`/${year}/`, `/${from}/`);
  const source = project.editions.filter((e) => e.year < year && existsSync(join(root, sourceOf(e.year)))).at(-1);
  const copied =
    !!existing &&
    !!source &&
    existing ===
      copiedChapter(readFileSync(join(root, sourceOf(source.year)), 'utf8'), String(source.year), String(year));
  if (existing !== null && !copied && !values.replace) fail(say.exists(file));

  const converted = word.chapter({
    title,
    order,
    imagePrefix: chapterSlug(basename(file)),
    imageFolder: CHAPTER_IMAGES,
    year,
    indicators: project.catalogue,
    ledgerValue: (id, period) => entryAt(project.editions, edition, id, period)?.value,
  });
  // The chapter checked as `npm run check` would check it on disk, before anything is written.
  const checked = loadProject(root, { includeDrafts: true, texts: new Map([[file, converted.mdx]]) });
  const problems = checked.problems.filter((p) => p.file === file);
  if (hasErrors(problems)) fail(`${say.refused(file)}\n${formatReport(problems)}`);

  const folder = join(root, PATHS.editions, String(year), CHAPTER_IMAGES);
  if (converted.images.length > 0) mkdirSync(folder, { recursive: true });
  for (const image of converted.images) writeFileSync(join(folder, image.name), image.bytes);
  writeWhole(join(root, file), converted.mdx);

  console.log(say.written(file, converted.title) + (copied ? say.replacedCopy(file) : ''));
  // The chapter's one-line summary is not in the draft; the replaced file's would be last year's.
  if (chapter?.summary) console.log(say.summaryDropped(chapter.summary));
  for (const image of converted.images)
    console.log(say.image(`${PATHS.editions}/${year}/${CHAPTER_IMAGES}/${image.name}`, image.alt));
  console.log(converted.bound.length > 0 ? say.bound(converted.bound.length) : say.unbound);
  for (const b of converted.bound) console.log(say.boundFigure(b.line, b.name, b.written, b.tag));
  if (converted.unconverted.length > 0) {
    console.log(say.unconverted(converted.unconverted.length));
    for (const u of converted.unconverted) console.log(u.kind === 'missing' ? say.missing(u.text) : `  ${u.text}`);
  }
  console.log(say.next(file));
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
