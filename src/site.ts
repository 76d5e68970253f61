/** Glue between the pure model in src/lib and Astro pages: one loaded project per build. */
import { build, contentRoot, pdf, showDrafts } from 'virtual:white-paper/site';
import { dataFiles, type DataFile } from './lib/publish/downloads.ts';
import { formatReport, hasErrors } from './lib/content/problems.ts';
import { loadProject, type Edition, type Project } from './lib/content/project.ts';
import { entryOf, type Entry } from './lib/ledger/evaluation.ts';
import { withBase } from './lib/site/urls.ts';
import { diagnostics, messagesFor, type Messages } from './lib/site/messages/index.ts';
import { handedOver } from './lib/site/hand-over.ts';

let cached: { build: string; project: Project } | undefined;

/**
 * The project of this build: the one `npm run build` validated and handed over (src/build-site.ts), else
 * (Astro run directly) loaded from the configured site; drafts are visible only in `astro dev`. Kept for
 * this build only (`build` is the site module's id of it).
 */
export function getProject(): Project {
  if (cached?.build !== build) {
    const project = handedOver<Project>() ?? loadProject(contentRoot, { includeDrafts: showDrafts });
    if (hasErrors(project.problems)) {
      const report = formatReport(project.problems.filter((p) => p.severity === 'error'));
      throw new Error(diagnostics().build.hasErrors(report));
    }
    cached = { build, project };
  }
  return cached.project;
}
/** The message catalogue of the site's language (content/site.yaml `language`). */
export const ui: Messages = messagesFor(getProject().site.language);

/** The PDF edition is printed (and its download shown on the edition page): the build's `pdf` option. */
export const pdfEdition: boolean = pdf;

export const url = (path: string): string => withBase(import.meta.env.BASE_URL, path);

/** Absolute URL on the published site (permalinks, citations). */
export const absoluteUrl = (path: string): string => new URL(url(path), getProject().site.siteUrl).href;

let files: Promise<DataFile[]> | undefined;
/** The /data/ downloads, generated once per build (the endpoint and the /data/ page share them). */
export function getDataFiles(): Promise<DataFile[]> {
  files ??= dataFiles(getProject());
  return files;
}

/** The edition an MDX component is rendered in (set by the page in Astro.locals). */
export function editionInContext(locals: App.Locals, component: string): Edition {
  if (!locals.edition) throw new Error(diagnostics().build.onlyInEdition(component));
  return locals.edition;
}

/** The evaluated entry of an indicator in the current edition; a clear error if it has none. */
export function entryInContext(locals: App.Locals, component: string, id: string): Entry {
  const edition = editionInContext(locals, component);
  const entry = entryOf(edition, id);
  if (!entry) throw new Error(diagnostics().build.noEntry(component, id, edition.year));
  return entry;
}
