import { createProcessor } from '@mdx-js/mdx';

import type { BreakdownDefinition } from '../ledger/breakdown.ts';
import { type Indicator, unknownIdMessage } from '../ledger/indicator.ts';
import type { ChartRef } from '../model/chart-ref.ts';
import { closestName } from '../site/closest-name.ts';
import { characterOf, unseenCharacter, unseenContext, unseenKind } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from '../site/problems.ts';
import { CHAPTER_LIMITS, chapterBoundsProblem, tooDeepNode } from './chapter-bounds.ts';
import { pictureBytesProblem, pictureFileProblem, picturePath, type PictureProblem } from './chapter-pictures.ts';
import {
  type ComponentProps,
  EDITOR_COMPONENTS,
  isEditorComponent,
  type ReadAttributes,
  readAttributes,
} from './editor-components.ts';

const d = diagnostics().mdx;

export interface FrontMatterSplit {
  yaml: string | null;
  /** The body with the front matter blanked out, so line numbers stay those of the file. */
  body: string;
}

export function splitFrontMatter(source: string): FrontMatterSplit {
  const text = source.replace(/^\uFEFF/, '');
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/.exec(text);
  if (!match) return { yaml: null, body: text };
  const blank = match[0].replace(/[^\n]/g, '');
  return { yaml: match[1]!, body: blank + text.slice(match[0].length) };
}

export interface JsxNode {
  type: string;
  name?: string | null;
  /** Image references and definitions: the label that ties them. */
  identifier?: string;
  /** Expressions: their source; links and images: `url`. */
  value?: string;
  url?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number } };
  children?: JsxNode[];
}

const processor = createProcessor({ format: 'mdx' });

/** A chapter body's MDX syntax tree (mdast with MDX nodes); throws a located VFileMessage on a syntax error. */
export const chapterTree = (body: string): JsxNode => processor.parse(body) as unknown as JsxNode;

/** What a chapter's folder holds, as the checks need it: custom chart specs and pictures. */
export interface ChapterFolder {
  /** Reads a chart spec file next to the chapter. */
  customSpec(name: string): { ok: true } | { ok: false; message: string; hint?: string };
  /** Checks the picture at `path` inside the edition folder (written `url` in the chapter). */
  picture(path: string, url: string): PictureProblem | null;
}

/**
 * The edition folder at `dir` as a chapter sees it (project.ts gives the spec reader, which records specs);
 * `given` has the bytes of pictures not yet on disk (import-chapter's), by path inside the folder.
 */
export const chapterFolder = (
  dir: string,
  customSpec: ChapterFolder['customSpec'],
  given: (path: string) => Uint8Array | undefined = () => undefined,
): ChapterFolder => ({
  customSpec,
  picture: (path, url) => {
    const bytes = given(path);
    return bytes ? pictureBytesProblem(bytes, path, url) : pictureFileProblem(dir, path, url);
  },
});

/** Without a folder (a chapter not yet on disk, unit tests): every spec reads, pictures are judged by address only. */
const NO_FOLDER: ChapterFolder = { customSpec: () => ({ ok: true }), picture: () => null };

export interface ChapterAnalysis {
  problems: Problem[];
  /** Every <Chart> and <Breakdown> of the chapter, in order of appearance. */
  charts: ChartRef[];
}

/** The breakdowns a chapter may show: every definition, and those with a table for the chapter's edition year. */
export interface ChapterBreakdowns {
  definitions: readonly BreakdownDefinition[];
  year: number;
  /** Ids of the breakdowns with a table for `year`. */
  tables: ReadonlySet<string>;
}

/** Without any breakdown (unit tests, a site without data/breakdowns/): every <Breakdown> names an unknown one. */
const NO_BREAKDOWNS: ChapterBreakdowns = { definitions: [], year: 0, tables: new Set() };

/**
 * Parses a chapter body and checks every editor component: known name, allowed attributes,
 * indicator ids that exist, domains that exist, pictures that are pictures of the edition folder, and
 * the bounds of CHAPTER_LIMITS. MDX syntax errors come back located and worded.
 */
export function analyseChapterBody(
  body: string,
  file: string,
  catalogue: ReadonlyMap<string, Indicator>,
  periods: ReadonlySet<string>,
  folder: ChapterFolder = NO_FOLDER,
  /** The chapter's edition: its year and the indicators its ledger has a row for in that year. */
  edition?: EditionRows,
  breakdowns: ChapterBreakdowns = NO_BREAKDOWNS,
): ChapterAnalysis {
  const charts: ChartRef[] = [];
  const bounds = chapterBoundsProblem(body);
  if (bounds)
    return { charts, problems: [error(file, bounds.message, { line: bounds.line, column: 1, hint: bounds.hint })] };
  const unseen = unseenInBody(body, file);
  if (unseen) return { charts, problems: [unseen] };
  let tree: JsxNode;
  try {
    tree = chapterTree(body);
  } catch (e) {
    if (e instanceof RangeError) return { charts, problems: [tooDeepProblem(file)] };
    const err = e as { line?: number; column?: number; reason?: string; message: string };
    return {
      charts,
      problems: [
        error(file, d.syntax(err.reason ?? err.message), {
          line: err.line ?? undefined,
          column: err.column ?? undefined,
          hint: d.syntaxHint,
        }),
      ],
    };
  }
  const deepNode = tooDeepNode(tree);
  if (deepNode)
    return {
      charts,
      problems: [error(file, d.tooDeepInLine(CHAPTER_LIMITS.tree), { line: deepNode.line, hint: d.tooDeepHint })],
    };
  const problems: Problem[] = [];
  const domains = new Set([...catalogue.values()].map((i) => i.domain));
  const pictureLabels = new Set<string>();
  const collectLabels = (node: JsxNode) => {
    if (node.type === 'imageReference' && node.identifier) pictureLabels.add(node.identifier);
    node.children?.forEach(collectLabels);
  };
  const visit = (node: JsxNode) => {
    const documentProblem = notADocument(node, file);
    const isPicture = node.type === 'image' || (node.type === 'definition' && pictureLabels.has(node.identifier ?? ''));
    if (documentProblem && !isPicture) problems.push(documentProblem);
    else if (isPicture) {
      const problem = pictureProblem(node.url ?? '', folder);
      if (problem) problems.push(error(file, problem.message, { ...at(node), hint: problem.hint }));
    } else if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name &&
      /^[A-Z]/.test(node.name)
    ) {
      const checked = checkComponent(node, node.name, file, { catalogue, domains, periods, edition, breakdowns });
      problems.push(...checked.problems);
      if (checked.chart) {
        const problem = chartProblem(checked.chart, catalogue, folder.customSpec);
        if (problem) problems.push(error(file, problem.message, { ...at(node), hint: problem.hint }));
        else charts.push(checked.chart);
      }
    }
    node.children?.forEach(visit);
  };
  collectLabels(tree);
  visit(tree);
  return { problems, charts };
}

/** A parser recursion the bounds did not foresee: said as nesting, never as a JavaScript stack trace. */
const tooDeepProblem = (file: string) => error(file, d.tooDeepInLine(CHAPTER_LIMITS.tree), { hint: d.tooDeepHint });

/**
 * The first character of the body a reader would not see as written (a bidi override that turns
 * "90.6" into "6.09", a zero-width space inside a figure), at its line and column.
 */
function unseenInBody(body: string, file: string): Problem | null {
  for (const [i, line] of body.split('\n').entries()) {
    const code = unseenCharacter(line);
    if (code === null) continue;
    const column = line.indexOf(characterOf(code)) + 1;
    return error(file, diagnostics().unseen.text(code, unseenKind(code), unseenContext(line)), {
      line: i + 1,
      column,
      hint: diagnostics().unseen.hint,
    });
  }
  return null;
}

/** A picture's address, then its file: both as the build would meet them. */
function pictureProblem(url: string, folder: ChapterFolder): PictureProblem | null {
  const path = picturePath(url);
  return 'path' in path ? folder.picture(path.path, url) : path;
}

/** What the catalogue or the spec file says against a well-formed chart. */
function chartProblem(
  ref: ChartRef,
  catalogue: ReadonlyMap<string, Indicator>,
  customSpec: ChapterFolder['customSpec'],
): { message: string; hint?: string } | undefined {
  if (ref.kind === 'trend' && catalogue.get(ref.id)?.type === 'text') return { message: d.textTrend(ref.id) };
  if (ref.kind === 'compare') {
    const units = new Set(ref.ids.map((id) => catalogue.get(id)?.unit));
    if (units.size > 1) return { message: d.compareUnits([...units]), hint: d.compareUnitsHint };
  }
  if (ref.kind === 'custom') {
    const read = customSpec(ref.spec);
    if (!read.ok) return { message: read.message, hint: read.hint ?? d.customSpecHint };
  }
  return undefined;
}

export interface EditionRows {
  year: number;
  reported: ReadonlySet<string>;
}

/**
 * HTML elements a chapter may use, without attributes: what Markdown cannot say. Anything else —
 * <script>, <img onerror>, <iframe>, <a href> — is refused; links and images are written in Markdown.
 */
export const ALLOWED_HTML = ['br', 'sup', 'sub'] as const;
/** Schemes a link or image may use; a URL without a scheme is relative to the site. */
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);
export const isSafeUrl = (url: string) => {
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`): so does this check.
  const compact = [...url].filter((c) => c.charCodeAt(0) > 0x20).join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase());
};
/** An MDX comment `{/* … *\/}` is an expression too, but runs nothing. */
const isComment = (source: string | undefined) => /^\s*\/\*[\s\S]*\*\/\s*$/.test(source ?? '');

/**
 * What makes a chapter a program instead of a document: an import or export, a { } expression (in text
 * or as an attribute value), an HTML element outside the allow-list or with attributes, a link or image
 * whose URL could run script. Checked before anything else, so nothing of it ever reaches the build.
 */
function notADocument(node: JsxNode, file: string): Problem | null {
  const located = (message: string, hint?: string) => error(file, message, { ...at(node), hint });
  switch (node.type) {
    case 'mdxjsEsm':
      return located(d.noImports);
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return isComment(node.value) ? null : located(d.noExpression, d.noExpressionHint);
    case 'link':
    case 'image':
    case 'definition':
      return isSafeUrl(node.url ?? '') ? null : located(d.unsafeUrl(node.url ?? ''), d.unsafeUrlHint);
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      const expression = node.attributes?.find(
        (a) => a.type !== 'mdxJsxAttribute' || (typeof a.value === 'object' && a.value !== null),
      );
      if (expression && expression.type === 'mdxJsxAttribute')
        return located(d.attributeExpression(name, expression.name ?? ''), d.attributeExpressionHint);
      if (/^[A-Z]/.test(name)) return null;
      const allowed = (ALLOWED_HTML as readonly string[]).includes(name) && !node.attributes?.length;
      return allowed ? null : located(d.htmlElement(name || '…'), d.htmlElementHint(ALLOWED_HTML));
    }
    default:
      return null;
  }
}

/** The indicators, domain and period a component refers to (a <Breakdown>'s id names a breakdown, not an indicator). */
function references(read: ReadAttributes): { ids: string[]; domain?: string; period?: string } {
  if (read.name === 'Breakdown') return { ids: [] };
  const { props } = read;
  return {
    ids: [...('id' in props ? [props.id] : []), ...('ids' in props ? (props.ids ?? []) : [])],
    domain: 'domain' in props ? props.domain : undefined,
    period: 'period' in props ? props.period : undefined,
  };
}

const at = (node: JsxNode) => ({ line: node.position?.start.line, column: node.position?.start.column });

/**
 * One editor component: its attributes read through the component's schema (editor-components.ts),
 * then what they refer to checked against the catalogue and the ledgers' periods.
 */
function checkComponent(
  node: JsxNode,
  name: string,
  file: string,
  project: {
    catalogue: ReadonlyMap<string, Indicator>;
    domains: ReadonlySet<string>;
    periods: ReadonlySet<string>;
    edition: EditionRows | undefined;
    breakdowns: ChapterBreakdowns;
  },
): { problems: Problem[]; chart?: ChartRef } {
  const { catalogue, domains, periods, edition } = project;
  const located = (message: string, hint?: string) => error(file, message, { ...at(node), hint });
  if (!isEditorComponent(name))
    return { problems: [located(d.unknownComponent(name), d.components(Object.keys(EDITOR_COMPONENTS)))] };
  const attributes: Record<string, unknown> = {};
  for (const attr of node.attributes ?? []) {
    // A spread may supply any attribute: nothing else about the tag can be judged until it is written out.
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) return { problems: [located(d.spread(name))] };
    attributes[attr.name] = attr.value;
  }
  const read = readAttributes(name, attributes);
  if ('problems' in read) return { problems: read.problems.map((p) => located(p.message, p.hint)) };

  const problems: Problem[] = [];
  const { ids, domain, period } = references(read);
  for (const id of ids) {
    if (!catalogue.has(id)) {
      const { message, hint } = unknownIdMessage(id, catalogue.keys());
      problems.push(located(d.unknownReference(name, message), hint));
    }
  }
  if (domain !== undefined && !domains.has(domain))
    problems.push(located(d.unknownDomain(name, domain), d.domains([...domains])));
  if (period !== undefined && !periods.has(period))
    problems.push(located(d.noPeriod(name, period), d.periods([...periods].sort())));
  // Value, Change and Target show the edition's own figure: its ledger must have the row (a new edition
  // leaves out indicators that ended, while the copied prose may still name them).
  const ownYear = ['Value', 'Change', 'Target'].includes(name) && period === undefined;
  for (const id of ownYear && edition ? ids : [])
    if (catalogue.has(id) && !edition!.reported.has(id))
      problems.push(located(d.notInLedger(name, id, edition!.year), d.notInLedgerHint(edition!.year)));
  if (read.name === 'Breakdown')
    problems.push(...breakdownProblems(read.props, project.breakdowns).map((p) => located(p.message, p.hint)));
  const chart = read.name === 'Chart' || read.name === 'Breakdown' ? read.props : undefined;
  return { problems, chart: problems.length === 0 ? chart : undefined };
}

/** A <Breakdown>'s breakdown, its table for the chapter's year and its measure, against the project. */
function breakdownProblems(
  { id, measure }: ComponentProps<'Breakdown'>,
  breakdowns: ChapterBreakdowns,
): Array<{ message: string; hint: string }> {
  const definition = breakdowns.definitions.find((b) => b.id === id);
  if (!definition) {
    const ids = breakdowns.definitions.map((b) => b.id);
    return [{ message: d.unknownBreakdown(id), hint: d.breakdownHint(id, closestName(id, ids), ids) }];
  }
  const problems = [];
  if (!breakdowns.tables.has(id))
    problems.push({
      message: d.breakdownNotInYear(id, breakdowns.year),
      hint: d.breakdownNotInYearHint(id, breakdowns.year),
    });
  const measures = definition.measures.map((m) => m.id);
  if (measure !== undefined && !measures.includes(measure))
    problems.push({ message: d.unknownMeasure(id, measure), hint: d.measures(measures) });
  return problems;
}
