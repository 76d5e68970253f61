import type { Indicator } from './indicator.ts';
import { isYear, type LedgerRow, periodEnd } from './ledger.ts';
import { type Plan, planOf, type PlanTarget, planTarget } from './plan.ts';
import { judgePace, meetsGoal, type Progress } from './progress.ts';
import { evaluateStatus, type Status, type StatusSource } from './status.ts';
import { baseGoal, baseOp, type Target, targetLine } from './target.ts';
import { firstPublished, type Published, quoted, restatements } from './vintage.ts';

/**
 * The one evaluation of the ledger. Every (edition, indicator, period) record is evaluated here, once:
 * value, previous value, change, target and status. Pages, components, charts, downloads, the PDF,
 * `npm run ledger` and the plausibility warnings all read these entries, so they cannot disagree.
 */
export interface Entry {
  indicator: Indicator;
  /** The edition (vintage) that published this record. */
  edition: number;
  period: string;
  value: number | string | null;
  target: Target | null;
  status: Status;
  statusBy: StatusSource;
  /** The previous period's numeric value as this edition quotes it (the vintage rule, `vintage.ts#quoted`). */
  previous: number | null;
  change: number | null;
  /** The base the target is measured from, when it is against a base year or period (else null). */
  baseline: Baseline | null;
  /** In a plan's middle years: its end-year target for the indicator, with progress by pace. */
  plan: PlanEntry | null;
  note: string;
  /** The row's source, else the catalogue's. */
  source: string;
  /** Where the editor wrote it (for warnings). */
  file: string;
  line: number;
}

export interface PlanEntry {
  plan: Plan;
  target: PlanTarget;
  /** What is measured against the target: the year's value, or the sum so far of a count over the plan. */
  value: number | null;
  progress: Progress | null;
  /** The base the plan's target is measured from, when it is against a base year or period (else null). */
  baseline: Baseline | null;
  /**
   * The year the pace is measured from: the plan's base year, or — when the ledgers hold no value for it —
   * the first later year that has one (a plan whose data begin in its first year); null when none does.
   */
  paceFrom: number | null;
}

/**
 * What a reader needs to check a verdict on a target against a base year or period
 * (`在2010年基础上下降15.2%`, `较“十一五”时期增加15%`): base 10 万吨, 下降15.2% → value ≤ 8.48 万吨.
 * The target itself (`Entry.target`, `PlanTarget.target`) names the base as the plan wrote it
 * (`baseName`: 2010年, “十一五”时期); the value is in the indicator's unit.
 */
export interface Baseline {
  /** The base as the ledger keys it: a year (`2010`; `2015` for “十二五”末; the year before for 较上年) or a period (`2006-2010`). */
  period: string;
  /** The base's value as this edition quotes it; null when the ledger has none (then only the editor's status judges). */
  value: number | null;
  /** The value the target allows: base ± the change (10 × (1 − 15.2%) = 8.48); null without a base value. */
  limit: number | null;
  /** How the judged value must stand to `limit`: `<=` for a fall (下降), `>=` for a rise (提高, 增加). */
  op: '<=' | '>=';
}

/** An edition's ledger as read from its CSV. */
export interface EditionLedger {
  year: number;
  rows: readonly LedgerRow[];
}

/**
 * The first record of an (indicator, period) in a list, through an index built once per list: every
 * row's previous value and every chart point looks one up, so a linear search would make large
 * ledgers quadratic. The lists are not changed after loading.
 */
const indexes = new WeakMap<readonly object[], Map<string, object>>();
function findRecord<T extends object>(records: readonly T[], key: (r: T) => string, wanted: string): T | undefined {
  let index = indexes.get(records) as Map<string, T> | undefined;
  if (!index) {
    index = new Map();
    for (const r of records) if (!index.has(key(r))) index.set(key(r), r);
    indexes.set(records, index);
  }
  return index.get(wanted);
}
const recordKey = (id: string, period: string) => `${id}\u0000${period}`;
const rowKey = (r: LedgerRow) => recordKey(r.indicator, r.period);
const entryKey = (e: Entry) => recordKey(e.indicator.id, e.period);

const rowAt = (ledgers: readonly EditionLedger[], edition: EditionLedger, id: string, period: string) =>
  quoted(ledgers, edition, period, (e) => findRecord(e.rows, rowKey, recordKey(id, period)));

/** Evaluates one ledger row in its edition, against its own target or its plan's. */
function evaluateRow(
  ledgers: readonly EditionLedger[],
  edition: EditionLedger,
  row: LedgerRow,
  indicator: Indicator,
  plans: readonly Plan[],
): Entry {
  const numberAt = (period: string | number) => {
    const value = rowAt(ledgers, edition, row.indicator, String(period))?.value;
    return typeof value === 'number' ? value : null;
  };
  const year = Number(row.period);
  const previous = numberAt(year - 1);
  const plan = planOf(plans, year);
  const ofYear = plan && planTarget(plan, indicator.id, year);
  const ofEnd = plan && year < plan.end ? planTarget(plan, indicator.id) : undefined;
  // The row's own target first; else the plan's for this year (its end year, or a yearly target it sets).
  const target = row.target ?? ofYear?.target ?? null;
  const judged = !row.target && ofYear ? planValue(ofYear, plan!, year, row.value, numberAt) : row.value;
  const baseline = baselineOf(target, year, numberAt);
  const verdict = evaluateStatus({
    value: judged,
    target,
    direction: indicator.direction,
    previous,
    base: baseline?.value ?? null,
    editorStatus: row.editorStatus,
  });
  return {
    indicator,
    edition: edition.year,
    period: row.period,
    value: row.value,
    target,
    status: verdict.status,
    statusBy: verdict.by,
    previous,
    change: typeof row.value === 'number' && previous !== null ? row.value - previous : null,
    baseline,
    plan: ofEnd ? planProgress(ofEnd, plan!, year, row.value, indicator, numberAt) : null,
    note: row.note,
    source: row.source || indicator.source,
    file: row.file,
    line: row.line,
  };
}

/** The base of a target against a base year or period, with its value in the ledger and the limit it implies. */
function baselineOf(target: Target | null, year: number, numberAt: (period: string) => number | null): Baseline | null {
  if (target?.kind !== 'base') return null;
  const period = target.base ?? String(year - 1);
  const value = numberAt(period);
  // The limit as published, to at most 6 decimals: one rounding for the pages, the downloads and the pace.
  const limit = value === null ? null : Number(baseGoal(target, value).toFixed(6));
  return { period, value, limit, op: baseOp(target) };
}

/** What a plan target is compared with: the year's value, or for a count over the plan its sum so far. */
function planValue(
  target: PlanTarget,
  plan: Plan,
  year: number,
  value: number | string | null,
  numberAt: (period: number) => number | null,
): number | string | null {
  if (target.kind !== 'cumulative') return value;
  const years = Array.from({ length: year - plan.start + 1 }, (_, n) => numberAt(plan.start + n));
  return years.every((v) => v === null) ? null : years.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/** The plan's end-year target seen from a middle year: the value so far and the pace towards it. */
function planProgress(
  target: PlanTarget,
  plan: Plan,
  year: number,
  value: number | string | null,
  indicator: Indicator,
  numberAt: (period: string | number) => number | null,
): PlanEntry {
  const current = planValue(target, plan, year, value, numberAt);
  const t = target.target;
  const baseline = baselineOf(t, year, numberAt);
  // Pace runs from the base's last year (2010 for “十一五”时期), else from the plan's base year — or, when no
  // ledger holds that year (铜陵's data begin in 2014, the plan's first year), from the first year that has a value.
  const paceFrom = baseline
    ? periodEnd(baseline.period)
    : target.kind === 'cumulative'
      ? plan.start - 1
      : (Array.from({ length: Math.max(0, year - plan.base) }, (_, n) => plan.base + n).find(
          (y) => numberAt(y) !== null,
        ) ?? null);
  const base =
    target.kind === 'cumulative' ? 0 : baseline ? baseline.value : paceFrom === null ? null : numberAt(paceFrom);
  const goal = baseline ? baseline.limit : targetLine(t);
  const direction = t.kind === 'compare' ? (t.op.startsWith('>') ? 'higher' : 'lower') : indicator.direction;
  const pace =
    typeof current === 'number' && goal !== null
      ? base !== null && paceFrom !== null
        ? judgePace({
            base: { year: paceFrom, value: base },
            current: { year, value: current },
            goal,
            goalYear: target.year,
            direction,
          })
        : // Without a base there is no pace, but a value that already meets the end-year goal has met it.
          meetsGoal(current, goal, direction)
          ? { progress: 'achieved' as const }
          : null
      : null;
  return {
    plan,
    target,
    value: typeof current === 'number' ? current : null,
    progress: pace?.progress ?? null,
    baseline,
    paceFrom: base === null ? null : paceFrom,
  };
}

/**
 * Every row of every edition evaluated, by edition year; within an edition sorted by period, then
 * catalogue order. Rows of unknown indicators (already reported as errors) are left out, and so are the
 * values of periods of years (2006-2010), which are bases, found by the entries whose target names them.
 */
export function evaluateLedgers(
  indicators: readonly Indicator[],
  ledgers: readonly EditionLedger[],
  plans: readonly Plan[] = [],
): Map<number, Entry[]> {
  const order = new Map(indicators.map((indicator, n) => [indicator.id, n]));
  const result = new Map<number, Entry[]>();
  for (const edition of ledgers) {
    const entries = edition.rows
      .filter((row) => order.has(row.indicator) && isYear(row.period))
      .map((row) => evaluateRow(ledgers, edition, row, indicators[order.get(row.indicator)!]!, plans))
      .sort((a, b) => Number(a.period) - Number(b.period) || order.get(a.indicator.id)! - order.get(b.indicator.id)!);
    result.set(edition.year, entries);
  }
  return result;
}

/** What `entryAt` needs of an edition: its year and its evaluated entries of every period. */
export interface EvaluatedEdition {
  year: number;
  allEntries: readonly Entry[];
}

/** The evaluated entry of a period as `edition` quotes it (the vintage rule above). */
export function entryAt(
  editions: readonly EvaluatedEdition[],
  edition: EvaluatedEdition,
  id: string,
  period: string,
): Entry | undefined {
  return quoted(editions, edition, period, (e) => findRecord(e.allEntries, entryKey, recordKey(id, period)));
}

/** The edition's entry for an indicator in the edition's own year. */
export function entryOf(edition: EvaluatedEdition, id: string): Entry | undefined {
  return findRecord(edition.allEntries, entryKey, recordKey(id, String(edition.year)));
}

/**
 * An indicator's entry of a period as first published (`vintage.ts#firstPublished`): by the period's own
 * edition, else by the first later edition that reported it as a baseline.
 */
export function firstPublishedEntry(
  editions: readonly EvaluatedEdition[],
  id: string,
  period: string,
): Entry | undefined {
  return firstPublished(editions, period, (e) => findRecord(e.allEntries, entryKey, recordKey(id, period)))?.record;
}

/** The later editions' entries that restated an entry's value (`vintage.ts#restatements`), in year order. */
export function restatedEntries<E extends EvaluatedEdition>(
  editions: readonly E[],
  entry: Entry,
): Array<Published<E, Entry>> {
  const edition = editions.find((e) => e.year === entry.edition);
  if (!edition) return [];
  const find = (e: E) => findRecord(e.allEntries, entryKey, entryKey(entry));
  return restatements(editions, edition, find, (later) => later.value !== entry.value);
}
