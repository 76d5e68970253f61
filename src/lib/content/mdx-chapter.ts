import { createProcessor } from '@mdx-js/mdx';
import { unknownIdMessage, type Indicator } from '../ledger/indicator.ts';
import { error, type Problem } from './problems.ts';
import type { ChartRef } from '../charts/chart-ref.ts';
import { chartRefOf, EDITOR_COMPONENTS, splitIds } from './editor-components.ts';
import { diagnostics } from '../site/messages/index.ts';

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

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  position?: { start: { line: number; column: number } };
  children?: JsxNode[];
}

const processor = createProcessor({ format: 'mdx' });

export interface ChapterAnalysis {
  problems: Problem[];
  /** Every <Chart> of the chapter, in order of appearance. */
  charts: ChartRef[];
}

/**
 * Parses a chapter body and checks every editor component: known name, allowed attributes,
 * indicator ids that exist, domains that exist. MDX syntax errors come back located and worded.
 * `customSpec` reads a chart spec file next to the chapter (null when missing or invalid JSON).
 */
export function analyseChapterBody(
  body: string,
  file: string,
  catalogue: ReadonlyMap<string, Indicator>,
  periods: ReadonlySet<string>,
  customSpec: (name: string) => { ok: true } | { ok: false; message: string } = () => ({ ok: true }),
): ChapterAnalysis {
  const charts: ChartRef[] = [];
  let tree: JsxNode;
  try {
    tree = processor.parse(body) as unknown as JsxNode;
  } catch (e) {
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
  const problems: Problem[] = [];
  const domains = new Set([...catalogue.values()].map((i) => i.domain));
  const visit = (node: JsxNode) => {
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name &&
      /^[A-Z]/.test(node.name)
    ) {
      const checked = checkComponent(node, file, catalogue, domains, periods);
      problems.push(...checked.problems);
      if (node.name === 'Chart' && checked.problems.length === 0) {
        const chart = chartRef(checked.attrs, node, file, catalogue, customSpec);
        if ('problem' in chart) problems.push(chart.problem);
        else charts.push(chart);
      }
    } else if (node.type === 'mdxjsEsm') {
      problems.push(error(file, d.noImports, at(node)));
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return { problems, charts };
}

function chartRef(
  attrs: Map<string, string>,
  node: JsxNode,
  file: string,
  catalogue: ReadonlyMap<string, Indicator>,
  customSpec: (name: string) => { ok: true } | { ok: false; message: string },
): ChartRef | { problem: Problem } {
  const fail = (message: string, hint?: string) => ({ problem: error(file, message, { ...at(node), hint }) });
  const parsed = chartRefOf(Object.fromEntries(attrs));
  if ('message' in parsed) return fail(parsed.message, parsed.hint);
  const { ref } = parsed;
  if (ref.kind === 'trend' && catalogue.get(ref.id)?.type === 'text')
    return fail(d.textTrend(ref.id));
  if (ref.kind === 'compare') {
    const units = new Set(ref.ids.map((id) => catalogue.get(id)?.unit));
    if (units.size > 1)
      return fail(d.compareUnits([...units]), d.compareUnitsHint);
  }
  if (ref.kind === 'custom') {
    const read = customSpec(ref.spec);
    if (!read.ok) return fail(read.message, d.customSpecHint);
  }
  return ref;
}

const at = (node: JsxNode) => ({ line: node.position?.start.line, column: node.position?.start.column });

function checkComponent(
  node: JsxNode,
  file: string,
  catalogue: ReadonlyMap<string, Indicator>,
  domains: ReadonlySet<string>,
  periods: ReadonlySet<string>,
): { problems: Problem[]; attrs: Map<string, string> } {
  const attrs = new Map<string, string>();
  const spec = EDITOR_COMPONENTS[node.name!];
  if (!spec) {
    return {
      attrs,
      problems: [
        error(file, d.unknownComponent(node.name!), { ...at(node), hint: d.components(Object.keys(EDITOR_COMPONENTS)) }),
      ],
    };
  }
  const problems: Problem[] = [];
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
      problems.push(error(file, d.spread(node.name!), at(node)));
      continue;
    }
    if (![...spec.required, ...spec.optional].includes(attr.name)) {
      problems.push(
        error(file, d.unknownAttribute(node.name!, attr.name), {
          ...at(node),
          hint: d.attributes([...spec.required, ...spec.optional]),
        }),
      );
      continue;
    }
    if (typeof attr.value !== 'string') {
      problems.push(error(file, d.unquoted(node.name!, attr.name), at(node)));
      continue;
    }
    attrs.set(attr.name, attr.value);
  }
  for (const name of spec.required) {
    if (!attrs.has(name) && !problems.length) problems.push(error(file, d.missingAttribute(node.name!, name), at(node)));
  }
  const ids = [attrs.get('id'), ...splitIds(attrs.get('ids'))].filter((x): x is string => !!x);
  for (const id of ids) {
    if (!catalogue.has(id)) {
      const { message, hint } = unknownIdMessage(id, catalogue.keys());
      problems.push(error(file, d.unknownReference(node.name!, message), { ...at(node), hint }));
    }
  }
  const domain = attrs.get('domain');
  if (domain !== undefined && !domains.has(domain)) {
    problems.push(
      error(file, d.unknownDomain(node.name!, domain), { ...at(node), hint: d.domains([...domains]) }),
    );
  }
  const period = attrs.get('period');
  if (period !== undefined && !periods.has(period)) {
    problems.push(
      error(file, d.noPeriod(node.name!, period), { ...at(node), hint: d.periods([...periods].sort()) }),
    );
  }
  return { problems, attrs };
}
