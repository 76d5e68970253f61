import { existsSync, lstatSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

import { CHAPTER_IMAGES, loadProject, PATHS } from '../content/load-project.ts';
import { copiedChapter } from '../content/new-edition.ts';
import { type BoundFigure, readWordDraft, type WordChapter, WordDraftError } from '../content/word-chapter.ts';
import { entryAt } from '../ledger/evaluation.ts';
import { previousEdition } from '../ledger/vintage.ts';
import { editorPaths } from '../site/content-root.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { formatReport, hasErrors, location, type Problem } from '../site/problems.ts';
import { writeAllWhole, WriteRefused } from '../site/write-whole.ts';
import { validateProject } from './validate.ts';

export interface ImportChapterOptions {
  /** The site's content root. */
  root: string;
  year: number;
  /** The Word draft (.docx), as the editor named it (relative to `cwd`). */
  draft: string;
  /** A new chapter's file name without .mdx (`07-new-topic`), or the chapter to rewrite. */
  name?: string;
  /** Rewrite a chapter (and its pictures) that is no longer new-edition's untouched copy. */
  replace?: boolean;
  /** The folder the editor works in: `draft` is relative to it, and every file is named relative to it. */
  cwd: string;
}

/**
 * What an import-chapter did. Not done: `message` says why in Chinese (names shown with unseen characters
 * made visible), `usage` when the command line itself was wrong; nothing was written. Done: the chapter
 * file and title, whether it replaced new-edition's copy, the replaced chapter's summary (not carried
 * over), the pictures written, the figures bound to the ledger, what did not convert, every file written;
 * files as the editor types them from the working directory, and the site's folder so typed (`root`, '' when
 * it is the working directory) for the command to run next.
 */
export type ImportChapterResult =
  | { ok: false; usage?: boolean; message: string }
  | {
      ok: true;
      file: string;
      root: string;
      title: string;
      copied: boolean;
      summaryDropped: string | null;
      images: Array<{ file: string; alt: string }>;
      bound: BoundFigure[];
      unconverted: WordChapter['unconverted'];
      written: string[];
    };

/** The chapter names --name accepts: two digits, then lowercase words joined by hyphens. */
export const CHAPTER_NAME = /^\d{2}-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * A Word draft converted into a chapter of `year`'s edition, in process: the chapter of the same title
 * (new-edition's copy), or the one `name` names. Its pictures are named after the chapter's whole file name
 * (`07-word-draft-1.png`), so they never take another chapter's; an existing picture or an edited chapter is
 * replaced only with `replace`. The result is checked by `validateProject` as check would check it, and any error
 * it brings (in the chapter or beside it, such as a second chapter of one address) writes nothing.
 */
export async function importChapter(options: ImportChapterOptions): Promise<ImportChapterResult> {
  const { root, year } = options;
  const d = diagnostics();
  const say = d.cli.importChapter;
  const typed = editorPaths(root, options.cwd);
  const shown = (file: string) => visible(typed.file(file));
  const draft = visible(options.draft);
  const path = resolve(options.cwd, options.draft);
  const usage = (message: string) => ({ ok: false as const, usage: true, message });
  const fail = (message: string) => ({ ok: false as const, message });
  if (!existsSync(path)) return usage(typed.notFound(options.draft));
  if (!/\.docx$/i.test(options.draft)) return usage(say.notDocx(draft));
  if (options.name !== undefined && !CHAPTER_NAME.test(options.name)) return usage(say.badName(visible(options.name)));
  const project = loadProject(root, { includeDrafts: true });
  const edition = project.editions.find((e) => e.year === year);
  if (!edition) return fail(say.noEdition(year, visible(typed.root)));
  if (!statSync(path).isFile()) return fail(say.unreadable(draft, d.files.notAFile));

  let word;
  try {
    word = await readWordDraft(new Uint8Array(readFileSync(path)));
  } catch (e) {
    if (e instanceof WordDraftError)
      return fail(e.kind === 'tooDeep' ? say.cannotConvert(draft, e.message) : say.unreadable(draft, e.message));
    throw e;
  }
  const title = word.title ?? basename(options.draft).replace(/\.docx$/i, '');

  // The draft's title finds the chapter it rewrites; --name names a new one (or picks one explicitly).
  const chapter = options.name
    ? edition.chapters.find((c) => basename(c.file, '.mdx') === options.name)
    : edition.chapters.find((c) => c.title === title);
  if (!options.name && !chapter)
    return fail(
      say.needName(
        visible(title),
        edition.chapters.map((c) => ({ name: visible(basename(c.file, '.mdx')), title: visible(c.title) })),
      ),
    );
  const file = chapter?.file ?? `${PATHS.editions}/${year}/${options.name}.mdx`;
  const order = chapter?.order ?? Number(options.name!.slice(0, 2));
  const existing = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : null;
  // Only a copy no one has touched since new-edition made it is replaced without --replace.
  // new-edition copied it from the previous edition's chapter of the same file name, if that one exists.
  const source = previousEdition(project.editions, year);
  const sourceFile = source && file.replace(`/${year}/`, `/${source.year}/`);
  const copied =
    !!existing &&
    !!source &&
    !!sourceFile &&
    existsSync(join(root, sourceFile)) &&
    existing === copiedChapter(readFileSync(join(root, sourceFile), 'utf8'), String(source.year), String(year));
  if (existing !== null && !copied && !options.replace) return fail(say.exists(shown(file)));

  const converted = word.chapter({
    title,
    order,
    // The whole file name, order included: two chapters never share a picture's name (98-a, 99-a).
    imagePrefix: basename(file, '.mdx'),
    imageFolder: CHAPTER_IMAGES,
    year,
    indicators: project.catalogue,
    ledgerValue: (id, period) => entryAt(project.editions, edition, id, period)?.value,
  });
  const images = converted.images.map((image) => ({
    ...image,
    file: `${PATHS.editions}/${year}/${CHAPTER_IMAGES}/${image.name}`,
  }));
  // A picture already there is the chapter's own from an earlier import, or someone else's: kept without --replace.
  if (!options.replace && !copied)
    for (const image of images) if (exists(join(root, image.file))) return fail(say.pictureExists(shown(image.file)));

  // The chapter and its pictures checked as `npm run check` would check them on disk, before anything is
  // written: their own errors, and any they bring elsewhere (a chapter of another's address is reported there).
  const before = new Set(project.problems.map(problemKey));
  const checked = validateProject(root, {
    includeDrafts: true,
    texts: new Map([[file, converted.mdx]]),
    pictures: new Map(images.map((image) => [image.file, image.bytes])),
  });
  const problems = checked.problems.filter(
    (p) => p.file === file || (p.severity === 'error' && !before.has(problemKey(p))),
  );
  if (hasErrors(problems)) return fail(`${say.refused(shown(file))}\n${formatReport(typed.problems(problems))}`);

  const files = new Map<string, string | Uint8Array>(images.map((image) => [image.file, image.bytes]));
  files.set(file, converted.mdx);
  try {
    writeAllWhole(root, files);
  } catch (e) {
    if (e instanceof WriteRefused) return fail(d.files.notWritten(e.message));
    throw e;
  }
  return {
    ok: true,
    file: typed.file(file),
    root: typed.root,
    title: converted.title,
    copied,
    summaryDropped: chapter?.summary ?? null,
    images: images.map(({ file, alt }) => ({ file: typed.file(file), alt })),
    bound: converted.bound,
    unconverted: converted.unconverted,
    written: [...files.keys()].map(typed.file),
  };
}

const problemKey = (p: Problem) => `${p.severity} ${location(p)} ${p.message}`;

/** Whether anything (a file, a folder, a link, even a broken one) is at the path. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
