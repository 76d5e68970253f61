import { createProcessor } from '@mdx-js/mdx';
import { unknownIdMessage, type Indicator } from '../ledger/indicator.ts';
import { error, type Problem } from './problems.ts';
import type { ChartRef } from '../charts/chart-ref.ts';
import { chartRefOf, EDITOR_COMPONENTS, splitIds } from './editor-components.ts';

/** Marker put into chapters copied for a new edition; the checker warns while it remains. */
export const TODO_MARK = '待更新';

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
 * indicator ids that exist, domains that exist. MDX syntax errors come back located, in Chinese.
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
        error(file, `MDX 语法错误：${err.reason ?? err.message}`, {
          line: err.line ?? undefined,
          column: err.column ?? undefined,
          hint: '正文中的 < 和 { 会被当作组件或表达式；请写成“小于”或全角符号，组件标签要闭合，例如 <Value id="food_pass_rate" />。',
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
      problems.push(error(file, '章节中不需要 import/export 语句，组件可直接使用。', at(node)));
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
    return fail(`指标“${ref.id}”是定性指标，不能画趋势图。`);
  if (ref.kind === 'compare') {
    const units = new Set(ref.ids.map((id) => catalogue.get(id)?.unit));
    if (units.size > 1)
      return fail(
        `对比图中的指标单位不一致（${[...units].join('、')}），无法放在同一坐标轴上。`,
        '请只对比单位相同的指标，或拆成多张图。',
      );
  }
  if (ref.kind === 'custom') {
    const read = customSpec(ref.spec);
    if (!read.ok)
      return fail(read.message, '自定义图表的数据写成 "data": {"name": "ledger"}，由系统从台账填入，不要手抄数字。');
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
        error(file, `未知组件 <${node.name}>。`, {
          ...at(node),
          hint: `可用的组件：${Object.keys(EDITOR_COMPONENTS)
            .map((n) => `<${n}>`)
            .join('、')}。`,
        }),
      ],
    };
  }
  const problems: Problem[] = [];
  for (const attr of node.attributes ?? []) {
    if (attr.type !== 'mdxJsxAttribute' || !attr.name) {
      problems.push(error(file, `<${node.name}> 中不支持 {…} 展开写法。`, at(node)));
      continue;
    }
    if (![...spec.required, ...spec.optional].includes(attr.name)) {
      problems.push(
        error(file, `<${node.name}> 没有属性“${attr.name}”。`, {
          ...at(node),
          hint: `可用属性：${[...spec.required, ...spec.optional].join('、') || '（无）'}。`,
        }),
      );
      continue;
    }
    if (typeof attr.value !== 'string') {
      problems.push(
        error(file, `<${node.name}> 的属性 ${attr.name} 要用英文双引号写，例如 ${attr.name}="…"。`, at(node)),
      );
      continue;
    }
    attrs.set(attr.name, attr.value);
  }
  for (const name of spec.required) {
    if (!attrs.has(name) && !problems.length) problems.push(error(file, `<${node.name}> 缺少属性 ${name}。`, at(node)));
  }
  const ids = [attrs.get('id'), ...splitIds(attrs.get('ids'))].filter((x): x is string => !!x);
  for (const id of ids) {
    if (!catalogue.has(id)) {
      const { message, hint } = unknownIdMessage(id, catalogue.keys());
      problems.push(error(file, `<${node.name}> 引用的${message}`, { ...at(node), hint }));
    }
  }
  const domain = attrs.get('domain');
  if (domain !== undefined && !domains.has(domain)) {
    problems.push(
      error(file, `<${node.name}> 的领域“${domain}”不存在。`, {
        ...at(node),
        hint: `现有领域：${[...domains].join('、')}。`,
      }),
    );
  }
  const period = attrs.get('period');
  if (period !== undefined && !periods.has(period)) {
    problems.push(
      error(file, `<${node.name}> 的年份“${period}”在台账中没有数据。`, {
        ...at(node),
        hint: `有数据的年份：${[...periods].sort().join('、')}。`,
      }),
    );
  }
  return { problems, attrs };
}
