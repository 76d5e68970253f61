/** Glue between the pure model in src/lib and Astro pages: one loaded project per build. */
import { build, chartCache, chartWorker, contentRoot, pdf, showDrafts } from 'virtual:white-paper/site';

import { drawChartsInThreads, useChartSvgCache } from './lib/charts/chart-svg.ts';
import { loadProject } from './lib/content/load-project.ts';
import { type Entry, entryOf } from './lib/ledger/evaluation.ts';
import type { Edition, Project } from './lib/model/project.ts';
import { type DataFile, dataFiles } from './lib/publish/downloads.ts';
import { handedOver } from './lib/site/hand-over.ts';
import { diagnostics, type Messages, messagesFor } from './lib/site/messages/index.ts';
import { formatReport, hasErrors } from './lib/site/problems.ts';
import { siteAddress, withBase } from './lib/site/urls.ts';

// Before any page draws a chart: unchanged charts come from the build's cache (chart-cache.ts), the others are
// drawn in worker threads.
useChartSvgCache(chartCache ?? undefined);
drawChartsInThreads(chartWorker ?? undefined);

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

/**
 * A site path under the site's folder. From site.yaml, not `import.meta.env.BASE_URL`: in server code Astro
 * lets an environment variable of that name replace it (a build spawned by Vitest inherits `BASE_URL=/`).
 */
export const url = (path: string): string => withBase(getProject().site.basePath, path);

/** Absolute URL on the published site, base path included (the feed). */
export const absoluteUrl = (path: string): string => siteAddress(getProject().site, path);

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
