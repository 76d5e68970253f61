import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { domainsInOrder, parseCatalogue, unknownIdMessage, type Indicator } from '../ledger/indicator.ts';
import { parseLedger, type LedgerRow } from '../ledger/ledger.ts';
import { analyseChapterBody, splitFrontMatter, TODO_MARK } from './mdx-chapter.ts';
import type { ChartRef } from '../charts/chart-ref.ts';
import { error, warning, type Problem } from './problems.ts';
import {
  chapterSchema,
  editionSchema,
  FIELD_LABELS,
  siteSchema,
  type EditionMeta,
  type SiteConfig,
} from './schemas.ts';
import { evaluateLedgers, type Entry } from '../ledger/evaluation.ts';
import { readText } from './text-file.ts';
import { parseYamlData } from './yaml-data.ts';

/** The fixed places of the editor's files, relative to the project root. */
export const PATHS = {
  site: 'content/site.yaml',
  editions: 'content/editions',
  catalogue: 'data/indicators.csv',
  ledgers: 'data/ledgers',
} as const;

export interface Chapter {
  slug: string;
  /** Path of the MDX file relative to the project root. */
  file: string;
  /** Id of the entry in Astro's `chapters` collection. */
  collectionId: string;
  title: string;
  order: number;
  summary?: string;
  /** The chapter's <Chart> usages (their CSV downloads are generated from this list). */
  charts: ChartRef[];
}

export interface Edition extends EditionMeta {
  chapters: Chapter[];
  /** Custom Vega-Lite specs in the edition folder, by file name (for <Chart kind="custom">). */
  customSpecs: Record<string, unknown>;
  /** The evaluated entries of the edition's own year, in catalogue order. */
  entries: Entry[];
  /** Every evaluated entry of the edition: all periods it reports (baseline years included). */
  ledger: Entry[];
  /** The ledger rows as the editor wrote them (with file and line, for warnings). */
  rows: LedgerRow[];
  ledgerFile: string;
}

export interface Project {
  site: SiteConfig;
  /** Every indicator of data/indicators.csv (for check and for scaffolding a new edition's ledger). */
  catalogue: Indicator[];
  /**
   * The indicators the loaded editions report, in catalogue order: what the site publishes. An
   * indicator only a draft edition uses stays off the public site (pages, index, downloads, search).
   */
  indicators: Indicator[];
  indicatorById: Map<string, Indicator>;
  domains: string[];
  /** Editions in ascending year; drafts only when asked for. */
  editions: Edition[];
  problems: Problem[];
}

export interface LoadOptions {
  includeDrafts?: boolean;
}

const rel = (...parts: string[]) => parts.join('/');

/** An editor's text file (relative to root), or null with the problem recorded: missing, or not UTF-8. */
function readEditorFile(root: string, file: string, problems: Problem[]): string | null {
  const abs = join(root, file);
  if (!existsSync(abs)) {
    problems.push(error(file, '找不到文件。'));
    return null;
  }
  const result = readText(abs, file);
  if ('problem' in result) {
    problems.push(result.problem);
    return null;
  }
  return result.text;
}

/** content/site.yaml alone, validated: for build hooks and the Astro config, which need only the site's settings. */
export function readSiteConfig(root: string): { site: SiteConfig | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const text = readEditorFile(root, PATHS.site, problems);
  const parsed = text === null ? null : parseYamlData(text, PATHS.site, siteSchema, FIELD_LABELS);
  if (parsed) problems.push(...parsed.problems);
  return { site: parsed?.data ?? null, problems };
}

export function loadProject(root: string, options: LoadOptions = {}): Project {
  const siteConfig = readSiteConfig(root);
  const problems: Problem[] = [...siteConfig.problems];
  const readFile = (file: string): string | null => readEditorFile(root, file, problems);

  const catalogueText = readFile(PATHS.catalogue);
  const catalogue =
    catalogueText === null ? { indicators: [], problems: [] } : parseCatalogue(catalogueText, PATHS.catalogue);
  problems.push(...catalogue.problems);
  const indicatorById = new Map(catalogue.indicators.map((i) => [i.id, i]));

  const editionDirs = existsSync(join(root, PATHS.editions))
    ? readdirSync(join(root, PATHS.editions), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  if (editionDirs.length === 0)
    problems.push(error(PATHS.editions, '没有任何年度版本（应有 content/editions/<年份>/edition.yaml）。'));

  // Ledgers first: chapters are checked against the periods that have data.
  const ledgers = new Map<string, { file: string; rows: LedgerRow[] }>();
  for (const dir of editionDirs) {
    const file = rel(PATHS.ledgers, `${dir}.csv`);
    const text = readFile(file);
    if (text === null) continue;
    const ledger = parseLedger(text, file, indicatorById);
    problems.push(...ledger.problems);
    ledgers.set(dir, { file, rows: ledger.rows });
  }
  const periods = new Set([...ledgers.values()].flatMap((l) => l.rows.map((r) => r.period)));
  const evaluated = evaluateLedgers(
    catalogue.indicators,
    [...ledgers].map(([dir, l]) => ({ year: Number(dir), rows: l.rows })),
  );

  const editions: Edition[] = [];
  for (const dir of editionDirs) {
    const metaFile = rel(PATHS.editions, dir, 'edition.yaml');
    const metaText = readFile(metaFile);
    const meta = metaText === null ? null : parseYamlData(metaText, metaFile, editionSchema, FIELD_LABELS);
    if (meta) problems.push(...meta.problems);
    if (meta?.data && String(meta.data.year) !== dir) {
      problems.push(
        error(metaFile, `年份 ${meta.data.year} 与所在文件夹“${dir}”不一致。`, {
          line: 1,
          hint: '文件夹名必须是该版本的年份。',
        }),
      );
    }
    if (meta?.data?.summary.includes(TODO_MARK)) {
      problems.push(
        warning(metaFile, `摘要（summary）中仍有“${TODO_MARK}”标记。`, {
          hint: '按本年情况改写摘要后删除该标记再发布。',
        }),
      );
    }
    for (const [i, id] of (meta?.data?.headline ?? []).entries()) {
      if (!indicatorById.has(id))
        problems.push(
          error(metaFile, `主要指标（headline）第 ${i + 1} 项：${unknownIdMessage(id, indicatorById.keys()).message}`, {
            hint: unknownIdMessage(id, indicatorById.keys()).hint,
          }),
        );
    }
    const customSpecs: Record<string, unknown> = {};
    const chapters = loadChapters(root, dir, readFile, problems, indicatorById, periods, customSpecs);
    const ledger = ledgers.get(dir);
    if (!meta?.data || !ledger) continue;

    const ledgerEntries = evaluated.get(meta.data.year) ?? [];
    const entries = ledgerEntries.filter((e) => e.period === String(meta.data!.year));
    editions.push({
      ...meta.data,
      chapters,
      customSpecs,
      entries,
      ledger: ledgerEntries,
      rows: ledger.rows,
      ledgerFile: ledger.file,
    });
  }

  const loaded = editions
    .filter((e) => options.includeDrafts || e.status === 'published')
    .sort((a, b) => a.year - b.year);
  const reported = new Set(loaded.flatMap((e) => e.ledger.map((entry) => entry.indicator.id)));
  const indicators = catalogue.indicators.filter((i) => reported.has(i.id));
  return {
    site:
      siteConfig.site ??
      siteSchema.parse({
        region: '—',
        agency: '—',
        siteTitle: '—',
        siteUrl: 'https://example.org',
        dataLicence: { name: '—', url: 'https://example.org' },
      }),
    catalogue: catalogue.indicators,
    indicators,
    indicatorById,
    domains: domainsInOrder(indicators),
    editions: loaded,
    problems,
  };
}

function loadChapters(
  root: string,
  dir: string,
  readFile: (file: string) => string | null,
  problems: Problem[],
  catalogue: ReadonlyMap<string, Indicator>,
  periods: ReadonlySet<string>,
  customSpecs: Record<string, unknown>,
): Chapter[] {
  const chapters: Chapter[] = [];
  const names = readdirSync(join(root, PATHS.editions, dir))
    .filter((n) => n.endsWith('.mdx') || n.endsWith('.md'))
    .sort();
  for (const name of names) {
    const file = rel(PATHS.editions, dir, name);
    const slug = chapterSlug(name);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
      problems.push(
        error(file, `文件名“${name}”不合规。`, {
          hint: '章节文件名用序号加英文小写和连字符，例如 02-product-quality.mdx（会成为网址的一部分）。',
        }),
      );
      continue;
    }
    const text = readFile(file);
    if (text === null) continue;
    const { yaml, body } = splitFrontMatter(text);
    if (yaml === null) {
      problems.push(
        error(file, '缺少文件开头的 --- 前言区（title、order）。', {
          line: 1,
          column: 1,
          hint: '文件第一行写 ---，随后 title: 章节标题、order: 序号，再以 --- 结束。',
        }),
      );
      continue;
    }
    const meta = parseYamlData(yaml, file, chapterSchema, FIELD_LABELS, 1);
    const readSpec = (specName: string) => {
      const specFile = rel(PATHS.editions, dir, specName);
      if (!existsSync(join(root, specFile)))
        return { ok: false as const, message: `找不到自定义图表文件 ${specFile}。` };
      try {
        const spec = JSON.parse(readFileSync(join(root, specFile), 'utf8')) as { data?: { name?: string } };
        if (spec.data?.name !== 'ledger')
          return { ok: false as const, message: `${specFile} 的数据来源应为 "data": {"name": "ledger"}。` };
        customSpecs[specName] = spec;
        return { ok: true as const };
      } catch (e) {
        return { ok: false as const, message: `${specFile} 不是有效的 JSON：${(e as Error).message}` };
      }
    };
    const analysis = analyseChapterBody(body, file, catalogue, periods, readSpec);
    problems.push(...meta.problems, ...analysis.problems);
    const todo = body.split('\n').findIndex((l) => l.includes(TODO_MARK));
    if (todo >= 0)
      problems.push(
        warning(file, `章节中仍有“${TODO_MARK}”标记。`, { line: todo + 1, hint: '改写完成后删除该提示再发布。' }),
      );
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

/** `02-product-quality.mdx` → `product-quality`: the number orders chapters, the rest is the URL. */
export const chapterSlug = (fileName: string): string => fileName.replace(/\.mdx?$/, '').replace(/^\d+[-_]/, '');

/** `2024/02-product-quality.mdx` → `2024/product-quality`, the id Astro's chapters collection uses. */
export const chapterCollectionId = (pathInEditions: string): string => {
  const [year, name] = pathInEditions.split('/');
  return `${year}/${chapterSlug(name ?? '')}`;
};

export const latestEdition = (project: Project): Edition | undefined => project.editions.at(-1);
