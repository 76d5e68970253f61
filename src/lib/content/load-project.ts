import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import type { BreakdownDefinition, BreakdownTable } from '../ledger/breakdown.ts';
import { parseBreakdownTable } from '../ledger/breakdown-table.ts';
import { evaluateLedgers } from '../ledger/evaluation.ts';
import { domainsInOrder, ID_PATTERN, type Indicator, parseCatalogue, unknownIdMessage } from '../ledger/indicator.ts';
import { type LedgerRow, parseLedger } from '../ledger/ledger.ts';
import { parsePlanTargets, type Plan, type PlanMeta, type PlanStage } from '../ledger/plan.ts';
import { unitAgrees } from '../ledger/unit.ts';
import type { Chapter, Edition, Project } from '../model/project.ts';
import {
  breakdownSchema,
  chapterSchema,
  editionSchema,
  planSchema,
  type SiteConfig,
  siteSchema,
} from '../model/schemas.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem, warning } from '../site/problems.ts';
import { readCustomSpec } from './custom-spec.ts';
import {
  breakdownFile,
  CHAPTER_EXTENSION,
  CHAPTER_GLOB,
  CHAPTER_IMAGES,
  chapterCollectionId,
  chapterSlug,
  PATHS,
} from './editor-files.ts';
import {
  analyseChapterBody,
  type ChapterBreakdowns,
  chapterFolder,
  type EditionRows,
  splitFrontMatter,
} from './mdx-chapter.ts';
import { nameProblem } from './names.ts';
import { symlinkOnPath } from './site-paths.ts';
import { readText } from './text-file.ts';
import { parseYamlData } from './yaml-data.ts';

// Where the files are, for the loader and for the commands that import them from here.
export { breakdownFile, CHAPTER_EXTENSION, CHAPTER_GLOB, CHAPTER_IMAGES, chapterCollectionId, chapterSlug, PATHS };

const d = diagnostics();

export interface LoadOptions {
  includeDrafts?: boolean;
  /** Texts to check in place of files on disk, by path relative to the root: a ledger before it is written. */
  texts?: ReadonlyMap<string, string>;
  /** Pictures to check in place of files on disk, by path relative to the root: a chapter's before they are written. */
  pictures?: ReadonlyMap<string, Uint8Array>;
}

const rel = (...parts: string[]) => parts.join('/');

/** The line (1-based) of a top-level YAML key, to locate what is wrong with its value; undefined when absent. */
const keyLine = (yaml: string, key: string): number | undefined =>
  yaml.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1 || undefined;

/** An editor's text file (relative to root), or null with the problem recorded: missing, a link, or not UTF-8. */
function readEditorFile(root: string, file: string, problems: Problem[]): string | null {
  const abs = join(root, file);
  const link = symlinkOnPath(root, file);
  if (link) {
    problems.push(error(file, d.project.symlink(link), { hint: d.project.symlinkHint }));
    return null;
  }
  if (!existsSync(abs)) {
    problems.push(error(file, d.project.fileNotFound));
    return null;
  }
  const result = readText(abs, file);
  if ('problem' in result) {
    problems.push(result.problem);
    return null;
  }
  return result.text;
}

/** Placeholders for a site.yaml that could not be read (its problems are reported; nothing is published). */
const fallbackSite = (): SiteConfig =>
  siteSchema.parse({
    region: '—',
    agency: '—',
    siteTitle: '—',
    siteUrl: 'https://example.org',
    dataLicence: { name: '—', url: 'https://example.org' },
  });

/** What a project is when its catalogue cannot be read: its site and its problems, nothing else. */
function emptyProject(site: SiteConfig | null, problems: Problem[]): Project {
  return {
    site: site ?? fallbackSite(),
    catalogue: [],
    publishedIndicators: [],
    catalogueById: new Map(),
    plans: [],
    breakdowns: [],
    domains: [],
    editions: [],
    problems,
  };
}

/** content/site.yaml alone, validated: for build hooks and the Astro config, which need only the site's settings. */
/** The address `npm run new-site` writes until the bureau gives the real one: example.gov.cn is never anyone's site. */
export const PLACEHOLDER_SITE_URL = 'https://example.gov.cn/';

export function readSiteConfig(root: string): { site: SiteConfig | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = readEditorFile(root, PATHS.site, problems);
  const parsed = text === null ? null : parseYamlData(text, PATHS.site, siteSchema);
  if (parsed) problems.push(...parsed.problems);
  // Every permanent link, citation and the sitemap would name the placeholder: said until it is replaced.
  if (text !== null && parsed?.data?.siteUrl === PLACEHOLDER_SITE_URL) {
    problems.push(
      warning(PATHS.site, d.project.placeholderUrl, {
        line: keyLine(text, 'siteUrl'),
        hint: d.project.placeholderUrlHint,
      }),
    );
  }
  return { site: parsed?.data ?? null, problems };
}

export function loadProject(root: string, options: LoadOptions = {}): Project {
  const siteConfig = readSiteConfig(root);
  const problems: Problem[] = [...siteConfig.problems];
  const readFile = (file: string): string | null => options.texts?.get(file) ?? readEditorFile(root, file, problems);

  const catalogueText = readFile(PATHS.catalogue);
  const catalogue =
    catalogueText === null ? { indicators: [], problems: [] } : parseCatalogue(catalogueText, PATHS.catalogue);
  problems.push(...catalogue.problems);
  const catalogueById = new Map(catalogue.indicators.map((i) => [i.id, i]));
  // Root cause first: without a readable catalogue (missing, empty, mis-encoded, no header) every ledger
  // row and chapter figure would be reported as an unknown indicator. Say what is wrong and stop there.
  const catalogueUnreadable =
    catalogueText === null || catalogue.problems.some((p) => p.severity === 'error' && (p.line ?? 1) <= 1);

  const editionEntries = existsSync(join(root, PATHS.editions))
    ? readdirSync(join(root, PATHS.editions), { withFileTypes: true })
    : [];
  // A linked edition folder is reported, not followed (it could lead out of the site) nor left out unsaid.
  for (const entry of editionEntries.filter((e) => e.isSymbolicLink()))
    problems.push(
      error(rel(PATHS.editions, entry.name), d.project.symlink(rel(PATHS.editions, entry.name)), {
        hint: d.project.symlinkHint,
      }),
    );
  const editionDirs = editionEntries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (editionDirs.length === 0) problems.push(error(PATHS.editions, d.project.noEditions));
  // A ledger no edition reads (a year without its folder, 2024.CSV, a saved .xlsx) would be left out unsaid.
  const ledgerNames = existsSync(join(root, PATHS.ledgers)) ? readdirSync(join(root, PATHS.ledgers)) : [];
  for (const name of ledgerNames.filter((n) => !editionDirs.some((dir) => n === `${dir}.csv`) && !n.startsWith('.')))
    problems.push(
      warning(rel(PATHS.ledgers, name), d.project.unreadLedger(name), { hint: d.project.unreadLedgerHint }),
    );

  if (catalogueUnreadable) {
    // The ledgers' own file problems (encoding, missing) are causes too; what they say of indicators is not.
    for (const dir of editionDirs) readFile(rel(PATHS.ledgers, `${dir}.csv`));
    return emptyProject(siteConfig.site, problems);
  }

  // Ledgers first: chapters are checked against the periods that have data.
  const ledgers = new Map<string, { file: string; rows: LedgerRow[] }>();
  for (const dir of editionDirs) {
    const file = rel(PATHS.ledgers, `${dir}.csv`);
    const text = readFile(file);
    if (text === null) continue;
    const ledger = parseLedger(text, file, catalogueById);
    problems.push(...ledger.problems);
    ledgers.set(dir, { file, rows: ledger.rows });
  }
  const periods = new Set([...ledgers.values()].flatMap((l) => l.rows.map((r) => r.period)));
  const plans = loadPlans(root, readFile, problems, catalogueById);
  const breakdowns = loadBreakdowns(root, readFile, problems, catalogueById, editionDirs, [
    ...(options.texts?.keys() ?? []),
  ]);
  const evaluated = evaluateLedgers(
    catalogue.indicators,
    [...ledgers].map(([dir, l]) => ({ year: Number(dir), rows: l.rows })),
    plans,
  );

  const editions: Edition[] = [];
  for (const dir of editionDirs) {
    const metaFile = rel(PATHS.editions, dir, 'edition.yaml');
    const metaText = readFile(metaFile);
    const meta = metaText === null ? null : parseYamlData(metaText, metaFile, editionSchema);
    if (meta) problems.push(...meta.problems);
    if (meta?.data && String(meta.data.year) !== dir) {
      problems.push(
        error(metaFile, d.project.yearMismatch(meta.data.year, dir), {
          line: 1,
          hint: d.project.yearMismatchHint,
        }),
      );
    }
    if (meta?.data?.summary.includes(d.newEdition.todoMark)) {
      problems.push(warning(metaFile, d.project.summaryTodo, { hint: d.project.summaryTodoHint }));
    }
    const customSpecs: Record<string, unknown> = {};
    const ledger = ledgers.get(dir);
    const reported = new Set(ledger?.rows.filter((r) => r.period === dir).map((r) => r.indicator));
    // A ledger with errors lost its bad rows: headline and chapters are not also blamed for citing them.
    const ledgerSound = !!ledger && !problems.some((p) => p.file === ledger.file && p.severity === 'error');
    for (const list of ['headline', 'digest'] as const) {
      const { label, shownOn } = d.project.figureLists[list];
      for (const [i, id] of (meta?.data?.[list] ?? []).entries()) {
        if (!catalogueById.has(id))
          problems.push(
            error(
              metaFile,
              d.project.unknownListedFigure(label, i + 1, unknownIdMessage(id, catalogueById.keys()).message),
              {
                hint: unknownIdMessage(id, catalogueById.keys()).hint,
              },
            ),
          );
        // A listed figure the year's ledger has no row for would silently not be shown.
        else if (ledgerSound && !reported.has(id))
          problems.push(
            error(metaFile, d.project.listedFigureNotInLedger(label, i + 1, id, Number(dir), shownOn), {
              hint: d.mdx.notInLedgerHint(Number(dir)),
            }),
          );
      }
    }
    const chapters = loadChapters(
      root,
      dir,
      readFile,
      problems,
      catalogueById,
      periods,
      customSpecs,
      ledgerSound ? { year: Number(dir), reported } : undefined,
      // Chapters' <Breakdown>s are checked against the breakdowns and the tables of their year.
      {
        definitions: breakdowns.definitions,
        year: Number(dir),
        tables: new Set(breakdowns.tables.get(dir)?.map((t) => t.definition.id)),
      },
      options,
    );
    if (!meta?.data || !ledger) continue;

    const ledgerEntries = evaluated.get(meta.data.year) ?? [];
    const entries = ledgerEntries.filter((e) => e.period === String(meta.data!.year));
    editions.push({
      ...meta.data,
      chapters,
      customSpecs,
      yearEntries: entries,
      allEntries: ledgerEntries,
      ledgerRows: ledger.rows,
      ledgerFile: ledger.file,
      breakdowns: breakdowns.tables.get(dir) ?? [],
    });
  }

  const loaded = editions
    .filter((e) => options.includeDrafts || e.status === 'published')
    .sort((a, b) => a.year - b.year);
  // Published: what the loaded editions report, and what the plans (public documents) set targets for.
  const reported = new Set([
    ...loaded.flatMap((e) => e.allEntries.map((entry) => entry.indicator.id)),
    ...plans.flatMap((p) => p.targets.map((t) => t.indicator)),
  ]);
  const indicators = catalogue.indicators.filter((i) => reported.has(i.id));
  return {
    site: siteConfig.site ?? fallbackSite(),
    catalogue: catalogue.indicators,
    publishedIndicators: indicators,
    catalogueById,
    plans,
    breakdowns: breakdowns.definitions,
    domains: domainsInOrder(indicators),
    editions: loaded,
    problems,
  };
}

/** data/plans/<id>.yaml (what the plan is) with data/plans/<id>.csv (its targets), in order of years. */
function loadPlans(
  root: string,
  readFile: (file: string) => string | null,
  problems: Problem[],
  catalogue: ReadonlyMap<string, Indicator>,
): Plan[] {
  const say = diagnostics().plan;
  const dir = join(root, PATHS.plans);
  // Every file of the folder is looked at: a plan file that would not be read is reported, never dropped
  // unsaid (2021-2025.YAML, a .csv without its .yaml, a name with a zero-width space or in NFD).
  const entries = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => !n.startsWith('.'))
        .sort()
    : [];
  const sound: string[] = [];
  for (const name of entries) {
    const file = rel(PATHS.plans, name);
    const badName = nameProblem(name);
    if (badName) problems.push(error(file, badName.message, { hint: badName.hint }));
    else if (/\.(ya?ml|csv)$/i.test(name) && !/\.(ya?ml|csv)$/.test(name))
      problems.push(
        error(file, say.badExtension(name), {
          hint: say.extensionHint(name.replace(/\.(ya?ml|csv)$/i, (e) => e.toLowerCase().replace('.yml', '.yaml'))),
        }),
      );
    else sound.push(name);
  }
  const metaOf = new Map<string, string>();
  for (const name of sound.filter((n) => /\.ya?ml$/.test(n))) {
    const id = name.replace(/\.ya?ml$/, '');
    if (metaOf.has(id))
      problems.push(error(rel(PATHS.plans, name), say.twoMeta(name, metaOf.get(id)!), { hint: say.noTargetsHint }));
    else metaOf.set(id, name);
  }
  for (const name of sound.filter((n) => n.endsWith('.csv'))) {
    const id = name.slice(0, -'.csv'.length);
    if (!metaOf.has(id))
      problems.push(error(rel(PATHS.plans, name), say.loneTargets(name, `${id}.yaml`), { hint: say.noTargetsHint }));
  }
  const plans: Plan[] = [];
  for (const [id, name] of metaOf) {
    const file = rel(PATHS.plans, name);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
      problems.push(error(file, say.badId(name), { hint: say.idHint }));
      continue;
    }
    const text = readFile(file);
    const meta = text === null ? null : parseYamlData(text, file, planSchema);
    if (meta) problems.push(...meta.problems);
    if (!meta?.data) continue;
    const { start, end } = meta.data;
    if (start > end) {
      problems.push(error(file, say.badRange(start, end), { line: 1 }));
      continue;
    }
    const targetsFile = rel(PATHS.plans, `${id}.csv`);
    if (!existsSync(join(root, targetsFile))) {
      problems.push(error(file, say.noTargets(targetsFile), { hint: say.noTargetsHint }));
      continue;
    }
    const targetsText = readFile(targetsFile);
    if (targetsText === null) continue;
    const stages = planStages(meta.data, file, text!, problems);
    if (!stages) continue;
    const parsed = parsePlanTargets(targetsText, targetsFile, meta.data, catalogue);
    problems.push(...parsed.problems);
    plans.push({ ...meta.data, id, base: meta.data.base ?? start - 1, stages, targets: parsed.targets, file });
  }
  plans.sort((a, b) => a.start - b.start);
  for (const [n, plan] of plans.entries()) {
    const next = plans[n + 1];
    if (next && next.start <= plan.end)
      problems.push(error(next.file, say.overlap(next.name, plan.name), { line: 1, hint: say.overlapHint }));
  }
  return plans;
}

/**
 * data/breakdowns/<id>.yaml (what a breakdown is: its dimension and measures) with <id>/<year>.csv (its
 * table as the edition of that year publishes it): the definitions in file-name order, and each edition
 * folder's tables in definition order. Every entry of the folders is looked at, as for plans and ledgers:
 * a file that would not be read is said, never dropped unsaid (a .yml, a folder without its definition,
 * a year no edition has, a saved .xlsx).
 */
function loadBreakdowns(
  root: string,
  readFile: (file: string) => string | null,
  problems: Problem[],
  catalogue: ReadonlyMap<string, Indicator>,
  editionDirs: readonly string[],
  texts: readonly string[] | undefined,
): { definitions: BreakdownDefinition[]; tables: Map<string, BreakdownTable[]> } {
  const say = d.breakdown;
  const listing = (folder: string) =>
    readdirSync(join(root, folder), { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const folders = new Set<string>();
  const definitionFiles: string[] = [];
  for (const entry of existsSync(join(root, PATHS.breakdowns)) ? listing(PATHS.breakdowns) : []) {
    const file = rel(PATHS.breakdowns, entry.name);
    const badName = nameProblem(entry.name);
    if (badName) problems.push(error(file, badName.message, { hint: badName.hint }));
    // A link is reported, not followed: it could lead out of the site (a folder's tables are never listed).
    else if (entry.isSymbolicLink())
      problems.push(error(file, d.project.symlink(file), { hint: d.project.symlinkHint }));
    else if (entry.isDirectory()) folders.add(entry.name);
    else if (entry.name.endsWith('.yaml')) definitionFiles.push(entry.name);
    else if (/\.ya?ml$/i.test(entry.name))
      problems.push(
        error(file, say.badExtension(entry.name), {
          hint: say.extensionHint(entry.name.replace(/\.ya?ml$/i, '.yaml')),
        }),
      );
    else problems.push(warning(file, say.unreadFile(entry.name), { hint: say.layoutHint }));
  }
  for (const folder of folders)
    if (!definitionFiles.includes(`${folder}.yaml`))
      problems.push(
        error(rel(PATHS.breakdowns, folder), say.loneFolder(rel(PATHS.breakdowns, folder), `${folder}.yaml`), {
          hint: say.layoutHint,
        }),
      );

  const definitions: BreakdownDefinition[] = [];
  const tables = new Map<string, BreakdownTable[]>();
  for (const name of definitionFiles) {
    const id = name.slice(0, -'.yaml'.length);
    const file = rel(PATHS.breakdowns, name);
    if (!ID_PATTERN.test(id)) {
      problems.push(error(file, say.badId(id), { hint: say.idHint }));
      continue;
    }
    const text = readFile(file);
    const parsed = text === null ? null : parseYamlData(text, file, breakdownSchema);
    if (parsed) problems.push(...parsed.problems);
    if (!parsed?.data) continue;
    const definition: BreakdownDefinition = { id, ...parsed.data, file };
    problems.push(...breakdownIndicatorProblems(definition, keyLine(text!, 'indicator'), catalogue));
    definitions.push(definition);
    const folder = rel(PATHS.breakdowns, id);
    const onDisk = folders.has(id) ? listing(folder) : [];
    // A year's table an import is about to write is checked as if it were there (`LoadOptions.texts`).
    const pending = (texts ?? []).filter((f) => f.startsWith(`${folder}/`)).map((f) => f.slice(folder.length + 1));
    const names = [...new Set([...onDisk.map((e) => e.name), ...pending])].sort();
    for (const name of names) {
      const tableFile = rel(folder, name);
      const badName = nameProblem(name);
      const year = name.slice(0, -'.csv'.length);
      const isFolder = onDisk.find((e) => e.name === name)?.isDirectory() ?? false;
      if (badName) problems.push(error(tableFile, badName.message, { hint: badName.hint }));
      else if (isFolder || !name.endsWith('.csv') || !editionDirs.includes(year))
        problems.push(warning(tableFile, say.unreadTable(name, folder), { hint: say.unreadTableHint }));
      else {
        const tableText = readFile(tableFile);
        if (tableText === null) continue;
        const read = parseBreakdownTable(tableText, tableFile, definition, Number(year));
        problems.push(...read.problems);
        tables.set(year, [...(tables.get(year) ?? []), read.table]);
      }
    }
  }
  return { definitions, tables };
}

/**
 * What is wrong with the indicator a breakdown's total is checked against (at the `indicator:` line): not
 * in the catalogue, qualitative, or in another unit than the measure charts plot (the one compared).
 */
function breakdownIndicatorProblems(
  definition: BreakdownDefinition,
  line: number | undefined,
  catalogue: ReadonlyMap<string, Indicator>,
): Problem[] {
  const say = d.breakdown;
  if (definition.indicator === null) return [];
  const indicator = catalogue.get(definition.indicator);
  if (!indicator) {
    const { message, hint } = unknownIdMessage(definition.indicator, catalogue.keys());
    return [error(definition.file, say.unknownIndicator(message), { line, hint })];
  }
  if (indicator.type === 'text') return [error(definition.file, say.textIndicator(indicator.name), { line })];
  const chart = definition.measures.find((m) => m.id === definition.chart)!;
  if (unitAgrees(chart.unit, indicator.unit)) return [];
  return [
    error(definition.file, say.unitDisagrees(chart.name, chart.unit, indicator.name, indicator.unit), {
      line,
      hint: say.unitDisagreesHint,
    }),
  ];
}

/**
 * A plan's stages with their years filled in (a stage starts the year after the one before, the first with
 * the plan) and named by their years unless the plan names them; null with the problem recorded when one
 * lies outside the plan, ends with it (that is the plan's own end) or overlaps another.
 */
function planStages(meta: PlanMeta, file: string, text: string, problems: Problem[]): PlanStage[] | null {
  const say = d.plan;
  const line = keyLine(text, 'stages');
  const stages: PlanStage[] = [];
  for (const written of meta.stages ?? []) {
    const start = written.start ?? (stages.at(-1)?.end ?? meta.start - 1) + 1;
    const { end } = written;
    const previousEnd = stages.at(-1)?.end ?? meta.start - 1;
    if (start > end || start <= previousEnd || end >= meta.end) {
      problems.push(error(file, say.badStage(start, end, meta.start, meta.end), { line, hint: say.stageHint }));
      return null;
    }
    stages.push({ start, end, name: written.name ?? say.stageName(start, end) });
  }
  return stages;
}

function loadChapters(
  root: string,
  dir: string,
  readFile: (file: string) => string | null,
  problems: Problem[],
  catalogue: ReadonlyMap<string, Indicator>,
  periods: ReadonlySet<string>,
  customSpecs: Record<string, unknown>,
  edition: EditionRows | undefined,
  breakdowns: ChapterBreakdowns,
  { texts, pictures }: Pick<LoadOptions, 'texts' | 'pictures'>,
): Chapter[] {
  const chapters: Chapter[] = [];
  // A chapter given as text (not yet written, e.g. by import-chapter) is checked as if it were on disk.
  const given = [...(texts?.keys() ?? [])].filter((f) => f.startsWith(`${rel(PATHS.editions, dir)}/`));
  const onDisk = readdirSync(join(root, PATHS.editions, dir));
  const files = [...new Set([...onDisk, ...given.map((f) => f.slice(f.lastIndexOf('/') + 1))])].sort();
  // A chapter in another spelling (.MDX, .markdown) would be left out of the site without a word; a plain
  // Markdown file (.md) would be rendered by another pipeline, which publishes the HTML inside it.
  for (const name of files.filter(
    (n) => /\.(mdx?|markdown|mdown|mkdn?|htm|html)$/i.test(n) && !n.endsWith(CHAPTER_EXTENSION),
  ))
    problems.push(
      error(rel(PATHS.editions, dir, name), d.project.chapterExtension(name), {
        hint: /\.md$/i.test(name) ? d.project.plainMarkdownHint : d.project.chapterNameHint,
      }),
    );
  const names = files.filter((n) => n.endsWith(CHAPTER_EXTENSION));
  const slugs = new Map<string, string>();
  for (const name of names) {
    const file = rel(PATHS.editions, dir, name);
    const slug = chapterSlug(name);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      problems.push(error(file, d.project.badChapterName(name), { hint: d.project.chapterNameHint }));
      continue;
    }
    // Two files of one slug (02-x.mdx, 07-x.mdx) would be one page: one chapter lost.
    if (slugs.has(slug)) {
      problems.push(error(file, d.project.duplicateSlug(name, slugs.get(slug)!), { hint: d.project.chapterNameHint }));
      continue;
    }
    slugs.set(slug, name);
    const text = readFile(file);
    if (text === null) continue;
    const { yaml, body } = splitFrontMatter(text);
    if (yaml === null) {
      problems.push(
        error(file, d.project.noFrontMatter, {
          line: 1,
          column: 1,
          hint: d.project.frontMatterHint,
        }),
      );
      continue;
    }
    const meta = parseYamlData(yaml, file, chapterSchema, 1);
    const readSpec = (specName: string) => {
      const read = readCustomSpec(join(root, PATHS.editions, dir), specName, rel(PATHS.editions, dir, specName));
      if (read.ok) customSpecs[specName] = read.spec;
      return read.ok ? { ok: true as const } : read;
    };
    const folder = chapterFolder(join(root, PATHS.editions, dir), readSpec, (path) =>
      pictures?.get(rel(PATHS.editions, dir, path)),
    );
    const analysis = analyseChapterBody(body, file, catalogue, periods, folder, edition, breakdowns);
    problems.push(...meta.problems, ...analysis.problems);
    const todo = body.split('\n').findIndex((l) => l.includes(d.newEdition.todoMark));
    if (todo >= 0)
      problems.push(warning(file, d.project.chapterTodo, { line: todo + 1, hint: d.project.chapterTodoHint }));
    if (!meta.data) continue;
    chapters.push({
      slug,
      file,
      collectionId: chapterCollectionId(`${dir}/${name}`),
      ...meta.data,
      charts: analysis.charts,
    });
  }
  return chapters.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}
