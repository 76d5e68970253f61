import { z } from 'zod';

import { FIXED_COLUMNS, type MeasureRole } from '../ledger/breakdown.ts';
import { ID_PATTERN } from '../ledger/indicator.ts';
import { closestName } from '../site/closest-name.ts';
import { DEFAULT_LANGUAGE, diagnostics, LANGUAGES } from '../site/messages/index.ts';

/** Schemas of the editor-written YAML: one definition, used by the checker and by Astro's collections. */

const d = diagnostics().schema;

const parsedUrl = (url: string): URL | null => (URL.canParse(url) ? new URL(url) : null);

/**
 * A web address readers may follow: http or https only (never javascript:, data: …), with no user name or
 * password (`https://www.gov.cn@evil.example` is a link to evil.example) and no backslash or space, which
 * browsers silently rewrite into another address.
 */
const webUrl = z
  .url({ protocol: /^https?$/, error: d.webUrl })
  .refine((url) => !parsedUrl(url)?.username && !parsedUrl(url)?.password, d.urlCredentials)
  .refine((url) => !/[\\\s]/.test(url), d.urlCharacters);

/** The site's own address: the base of every absolute URL (feed, sitemap, data package), so no query or fragment. */
const siteUrl = webUrl.refine((url) => !/[?#]/.test(url), d.siteUrlQuery);

/**
 * The site's folder on its server: `/` or `/a/b/`, each part letters, digits, `-`, `_` and `.`, not starting
 * with a dot — `/../../` would put every page and the PDF printer's requests outside the site.
 */
const BASE_PATH = /^\/([A-Za-z0-9_-][\w.-]*\/)*$/;

/**
 * The site's folder, from its address and `basePath` together. Pages link to `/editions/…` under the folder,
 * so a site read at https://example.org/tongling/ works only with the folder /tongling/: a path in siteUrl
 * is the folder (basePath may be left out), and a basePath that says otherwise is an error — which of the
 * two is right only the editor knows. Without either, the site is at the root.
 */
function sitePath(url: string, basePath: string | undefined, ctx: z.RefinementCtx): string {
  const { origin, pathname } = new URL(url);
  const path = pathname.endsWith('/') ? pathname : `${pathname}/`;
  if (path === '/') return basePath ?? '/';
  if (!BASE_PATH.test(path)) ctx.addIssue({ code: 'custom', message: d.siteUrlPath, path: ['siteUrl'] });
  else if (basePath !== undefined && basePath !== path)
    ctx.addIssue({ code: 'custom', message: d.sitePathDisagrees(url, path, basePath, origin), path: ['basePath'] });
  return path;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, d.isoDate)
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), d.invalidDate)
  // 0000-01-01 is a valid ISO date but no white paper's: a feed would date it in year −1.
  .refine((s) => Number(s.slice(0, 4)) >= 1949 && Number(s.slice(0, 4)) <= 2100, d.dateRange);

/** YAML folds line breaks into spaces; Chinese text has none between characters and punctuation. */
const CJK_EDGE = String.raw`[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’]`;
export const joinChineseLines = (text: string): string =>
  text.replace(new RegExp(String.raw`(?<=${CJK_EDGE})\s+|\s+(?=${CJK_EDGE})`, 'gu'), '').trim();
const chineseText = z.string().min(1).transform(joinChineseLines);

/**
 * What the demo mark says (`demo` in site.yaml): `fictional` — region, agency and figures are all invented
 * (`true`, the older spelling, means this); `illustrative` — a real region whose figures were made up to
 * show the system; `false` — a real publication, no mark.
 */
const demo = z
  .union([z.boolean(), z.enum(['fictional', 'illustrative'])], { error: d.demo })
  .default(false)
  .transform((kind) => (kind === true ? 'fictional' : kind));

/** Every settings object is strict: a misspelt key (`notic:`) would otherwise be dropped without a word. */
export const siteSchema = z
  .strictObject({
    region: z.string().min(1),
    agency: z.string().min(1),
    siteTitle: z.string().min(1),
    siteUrl,
    basePath: z.string().regex(BASE_PATH, d.basePath).optional(),
    contact: z.strictObject({ address: z.string(), phone: z.string(), email: z.string() }).partial().default({}),
    dataLicence: z.strictObject({ name: z.string().min(1), url: webUrl }),
    footerIds: z
      .strictObject({ siteCode: z.string(), icp: z.string(), publicSecurity: z.string() })
      .partial()
      .default({}),
    demo,
    /** A sentence shown on every page and the PDF cover, e.g. that an example site is not the official publication. */
    notice: z.string().min(1).optional(),
    /** The language of the site's words (a message catalogue in src/lib/site/messages). */
    language: z.enum(LANGUAGES as [string, ...string[]]).default(DEFAULT_LANGUAGE),
  })
  .transform((site, ctx) => ({ ...site, basePath: sitePath(site.siteUrl, site.basePath, ctx) }));
export type SiteConfig = z.infer<typeof siteSchema>;

export const correctionSchema = z.strictObject({
  date: isoDate,
  indicator: z.string().optional(),
  /** What was corrected. */
  text: z.string().min(1),
  /** Why (optional). */
  reason: z.string().optional(),
});
export type Correction = z.infer<typeof correctionSchema>;

export const editionSchema = z.strictObject({
  year: z.number().int().min(1990).max(2100),
  title: z.string().min(1),
  period: z.string().min(1),
  published: isoDate,
  status: z.enum(['published', 'draft']).default('draft'),
  summary: chineseText,
  corrections: z
    .array(correctionSchema)
    .nullish()
    .transform((c) => c ?? []),
  /** Indicator ids shown as headline figures on the home page; default: one per domain. */
  headline: z.array(z.string()).optional(),
  /** Indicator ids the edition's 一图读懂 shows under their domains; default: up to three numeric figures per domain. */
  digest: z.array(z.string()).optional(),
});
export type EditionMeta = z.infer<typeof editionSchema>;

export const planSchema = z
  .object({
    name: z.string().min(1),
    short: z.string().min(1),
    start: z.number().int().min(1990).max(2100),
    end: z.number().int().min(1990).max(2100),
    base: z.number().int().min(1990).max(2100).optional(),
    /** Stages inside the plan with targets of their own (铜陵's 2014—2015 inside 2014—2020), in order. */
    stages: z
      .array(
        z.strictObject({
          start: z.number().int().min(1990).max(2100).optional(),
          end: z.number().int().min(1990).max(2100),
          name: z.string().min(1).optional(),
        }),
      )
      .optional(),
    source: z.object({
      title: z.string().min(1),
      publisher: z.string().optional(),
      date: isoDate.optional(),
      url: webUrl.optional(),
    }),
  })
  .strict();

// A chapter's front matter is its own small module (Astro's content configuration loads it); named here with the others.
export { chapterSchema } from './chapter-schema.ts';

const say = diagnostics().breakdown;

/** A measure's id is its column's name in every year's CSV: lowercase, as indicator ids are. */
const measureId = z.string().regex(ID_PATTERN, say.measureId);
/** `rate: passed / batches`: numerator and denominator, each a measure of the table. */
const RATE = /^\s*([a-z][a-z0-9_]*)\s*\/\s*([a-z][a-z0-9_]*)\s*$/;
/** What a measure may say of itself besides being a figure: at most one of them. */
const ROLE_KEYS = ['sums', 'rate', 'share', 'change'] as const;

const breakdownMeasureSchema = z.strictObject({
  id: measureId,
  name: z.string().min(1),
  unit: z.string(),
  decimals: z.number().int().min(0).max(6).optional(),
  /** true: a count whose categories add up; false: a count that does not (an enterprise sampled in two). */
  sums: z.boolean().optional(),
  rate: z.string().regex(RATE, say.rateSyntax).optional(),
  share: measureId.optional(),
  change: measureId.optional(),
});
type WrittenMeasure = z.infer<typeof breakdownMeasureSchema>;

function roleOf(measure: WrittenMeasure): MeasureRole {
  if (measure.rate !== undefined) {
    const [, numerator, denominator] = RATE.exec(measure.rate)!;
    return { kind: 'rate', numerator: numerator!, denominator: denominator! };
  }
  if (measure.share !== undefined) return { kind: 'share', of: measure.share };
  if (measure.change !== undefined) return { kind: 'change', of: measure.change };
  if (measure.sums !== undefined) return { kind: 'count', sums: measure.sums };
  return { kind: 'value' };
}

/**
 * A breakdown's definition (`data/breakdowns/<id>.yaml`), read into the shape of `BreakdownDefinition`
 * without its id and file. Every reference is checked here, at its key: a rate's numerator and
 * denominator, what a share or a change is of, the chart's measure — a misspelt one would otherwise
 * leave a column unchecked or a chart empty.
 */
export const breakdownSchema = z
  .strictObject({
    title: z.string().min(1),
    /** What the categories are: 产品类别, 行业, 县区, 企业规模 … */
    dimension: z.string().min(1),
    indicator: z.string().min(1).optional(),
    /** The department that reports the table, when not the catalogue `source` of its indicator. */
    source: z.string().min(1).optional(),
    measures: z.array(breakdownMeasureSchema).min(1),
    chart: z.string().min(1).optional(),
    bands: z.array(z.number()).optional(),
  })
  .superRefine((definition, ctx) => {
    const ids = definition.measures.map((m) => m.id);
    const known = (id: string, path: PropertyKey[]) => {
      if (!ids.includes(id))
        ctx.addIssue({ code: 'custom', path, message: say.unknownMeasure(id, closestName(id, ids), ids) });
    };
    definition.measures.forEach((measure, n) => {
      const at = (key: string) => ['measures', n, key];
      if (FIXED_COLUMNS.includes(measure.id))
        ctx.addIssue({ code: 'custom', path: at('id'), message: say.reservedId(measure.id) });
      else if (ids.indexOf(measure.id) < n)
        ctx.addIssue({ code: 'custom', path: at('id'), message: say.duplicateMeasure(measure.id) });
      const roles = ROLE_KEYS.filter((key) => measure[key] !== undefined);
      if (roles.length > 1) ctx.addIssue({ code: 'custom', path: at(roles[1]!), message: say.oneRole });
      // Refinements run over values that broke a pattern too (zod stops only at a wrong type): a rate not
      // written as a / b is already said, and refers to nothing.
      const references = [
        ...(RATE.exec(measure.rate ?? '')?.slice(1) ?? []).map((id) => ['rate', id] as const),
        ...(['share', 'change'] as const).flatMap((key) =>
          measure[key] === undefined ? [] : [[key, measure[key]] as const],
        ),
      ];
      for (const [key, id] of references) {
        if (id === measure.id) ctx.addIssue({ code: 'custom', path: at(key), message: say.selfReference(id) });
        else known(id, at(key));
      }
      const of = definition.measures.find((m) => m.id === measure.change);
      if (of?.change !== undefined)
        ctx.addIssue({ code: 'custom', path: at('change'), message: say.changeOfChange(of.id) });
    });
    if (definition.chart !== undefined) known(definition.chart, ['chart']);
    const bands = definition.bands ?? [];
    if (bands.some((edge, n) => n > 0 && edge >= bands[n - 1]!))
      ctx.addIssue({ code: 'custom', path: ['bands'], message: say.bandsOrder });
  })
  .transform(({ title, dimension, indicator, measures, chart, bands }) => ({
    title,
    dimension,
    indicator: indicator ?? null,
    measures: measures.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      decimals: m.decimals ?? null,
      role: roleOf(m),
    })),
    // Charts plot a rate when there is one (合格率 by category), else the first column.
    chart: chart ?? (measures.find((m) => m.rate !== undefined) ?? measures[0]!).id,
    bands: bands ?? [],
  }));
export type BreakdownSpec = z.infer<typeof breakdownSchema>;
