import { z } from 'zod';

import { ID_PATTERN } from '../ledger/indicator.ts';
import type { ChartRef } from '../model/chart-ref.ts';
import { diagnostics } from '../site/messages/index.ts';

/** An id list as editors write it: commas (half- or full-width) or spaces. */
const splitIds = (ids: string): string[] => ids.split(/[,，\s]+/).filter(Boolean);

const indicatorId = z.string().regex(ID_PATTERN);
/** Breakdown and measure ids are written like indicator ids. */
const breakdownId = z.string().regex(ID_PATTERN);
const idList = z.string().transform(splitIds).pipe(z.array(indicatorId));

/**
 * The components editors may use in chapters, one schema each: the attributes, which are required,
 * what a valid value looks like; the output is what the component renders from. `npm run check`
 * (mdx-chapter.ts) reports what a schema refuses at the tag, and the components read their props
 * through the same schema, so nothing check refuses can render. Whether an indicator, domain or
 * period exists is project data: mdx-chapter.ts checks that against the catalogue and ledgers.
 */
export const EDITOR_COMPONENTS = {
  Value: z.strictObject({
    id: indicatorId,
    period: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
  }),
  Change: z.strictObject({ id: indicatorId }),
  Target: z.strictObject({ id: indicatorId }),
  IndicatorTable: z.strictObject({
    domain: z.string().optional(),
    ids: idList.refine((ids) => ids.length > 0).optional(),
  }),
  StatusSummary: z.strictObject({}),
  Chart: z
    .strictObject({
      kind: z.enum(['trend', 'domains', 'compare', 'custom']),
      id: indicatorId.optional(),
      ids: idList.optional(),
      spec: z.string().optional(),
      title: z.string().optional(),
    })
    // The chart asked for, if the kind has what it needs (other attributes are not used by that kind).
    .transform((a, ctx): ChartRef => {
      if (a.kind === 'domains') return { kind: a.kind };
      if (a.kind === 'trend' && a.id) return { kind: a.kind, id: a.id };
      if (a.kind === 'compare' && a.ids?.length) return { kind: a.kind, ids: a.ids };
      if (a.kind === 'custom' && a.spec && a.title) return { kind: a.kind, spec: a.spec, title: a.title };
      ctx.issues.push({ code: 'custom', input: a, params: { chartNeeds: a.kind } });
      return z.NEVER;
    }),
  // A breakdown's table, chart and summary; `measure` picks the measure its chart draws.
  Breakdown: z
    .strictObject({ id: breakdownId, measure: breakdownId.optional() })
    .transform(({ id, measure }): Extract<ChartRef, { kind: 'breakdown' }> =>
      measure ? { kind: 'breakdown', id, measure } : { kind: 'breakdown', id },
    ),
};

/** A <Value> as a chapter writes it; without a period it shows the edition's own year. */
export const valueTag = (id: string, period?: string): string =>
  `<Value id="${id}"${period ? ` period="${period}"` : ''} />`;

export type ComponentName = keyof typeof EDITOR_COMPONENTS;
/** A component's attributes as written (its Props in Astro). */
export type ComponentAttributes<N extends ComponentName> = z.input<(typeof EDITOR_COMPONENTS)[N]>;
/** What a component renders from. */
export type ComponentProps<N extends ComponentName> = z.output<(typeof EDITOR_COMPONENTS)[N]>;
export interface AttributeProblem {
  message: string;
  hint?: string;
}
/** The props read, named by their component so a caller can tell a chart's from a value's. */
export type ReadAttributes = { [N in ComponentName]: { name: N; props: ComponentProps<N> } }[ComponentName];

export const isEditorComponent = (name: string): name is ComponentName => Object.hasOwn(EDITOR_COMPONENTS, name);

const attributeNames = (name: ComponentName): string[] => {
  const schema = EDITOR_COMPONENTS[name];
  return Object.keys(('in' in schema ? schema.in : schema).shape);
};

/** An editor component's attributes read through its schema: the props, or what is wrong in the editor's words. */
export function readAttributes(
  name: ComponentName,
  attributes: Record<string, unknown>,
): ReadAttributes | { problems: AttributeProblem[] } {
  const result = (EDITOR_COMPONENTS[name] as z.ZodType).safeParse(attributes);
  if (result.success) return { name, props: result.data } as ReadAttributes;
  const worded = result.error.issues.flatMap((issue) => wordIssue(name, issue, attributes));
  // A missing attribute is often a misspelt one: say it is missing only when nothing else is wrong.
  const others = worded.filter((w) => !w.missing);
  return { problems: (others.length > 0 ? others : worded).map(({ message, hint }) => ({ message, hint })) };
}

function wordIssue(
  component: ComponentName,
  issue: z.core.$ZodIssue,
  attributes: Record<string, unknown>,
): Array<AttributeProblem & { missing?: boolean }> {
  const d = diagnostics().mdx;
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      message: d.unknownAttribute(component, key),
      hint: d.attributes(attributeNames(component)),
    }));
  const chartNeeds =
    issue.code === 'custom' ? (issue.params?.chartNeeds as 'trend' | 'compare' | 'custom' | undefined) : undefined;
  if (chartNeeds) {
    const message = { trend: d.trendNeedsId, compare: d.compareNeedsIds, custom: d.customNeedsSpec }[chartNeeds];
    return [{ message, hint: d.chartUsage, missing: true }];
  }
  const [attribute = '', index] = issue.path.map(String);
  const value = attributes[attribute];
  if (value === undefined) return [{ message: d.missingAttribute(component, attribute), missing: true }];
  if (typeof value !== 'string') return [{ message: d.unquoted(component, attribute) }];
  if (attribute === 'kind') return [{ message: d.badChartKind(value), hint: d.chartKinds }];
  if (attribute === 'period') return [{ message: d.badYear(component, attribute, value), hint: d.yearHint(attribute) }];
  if (attribute === 'ids' && index === undefined) return [{ message: d.noIds(component), hint: d.idsHint }];
  if (component === 'Breakdown')
    return attribute === 'measure'
      ? [{ message: d.badMeasure(value), hint: d.measureHint }]
      : [{ message: d.badBreakdownId(value), hint: d.breakdownIdHint }];
  // What is left to refuse in a written value: an indicator id, as `id` or one of `ids`.
  const id = attribute === 'ids' ? splitIds(value)[Number(index)]! : value;
  return [{ message: d.badId(component, id), hint: d.idHint }];
}

/**
 * A component's props when it renders, read as `npm run check` reads the tag; what check would refuse
 * stops the build with the same message.
 */
export function componentProps<N extends ComponentName>(
  name: N,
  attributes: Record<string, unknown>,
): ComponentProps<N> {
  const read = readAttributes(name, attributes);
  if ('problems' in read) throw new Error(read.problems.map((p) => p.message).join('\n'));
  return read.props as ComponentProps<N>;
}
