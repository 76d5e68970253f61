import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, errorCount, type Problem } from '../site/problems.ts';
import type { Indicator } from './indicator.ts';
import { COUNT_OVER_PLAN } from './input-words.ts';
import { perIndicator, rowTargets } from './ledger.ts';
import { isNoTarget, type Target } from './target.ts';

/**
 * A development plan (e.g. a district's “十四五”质量强区发展规划): its years, its source document, and
 * its table of indicators with targets — the end-year targets editions report against, and yearly
 * ones where the plan sets them. Written by editors as `data/plans/<id>.yaml` (what the plan is) and
 * `data/plans/<id>.csv` (its targets, in the plan's own words).
 */
export interface PlanMeta {
  name: string;
  /** How it is named in running text and tables, e.g. “十四五”. */
  short: string;
  start: number;
  end: number;
  /** The year progress is measured from (the year before the plan, unless the plan says otherwise). */
  base?: number;
  /** Stages with targets of their own, as the plan file writes them (start and name may be left out). */
  stages?: Array<{ start?: number; end: number; name?: string }>;
  source: { title: string; publisher?: string; date?: string; url?: string };
}

/**
 * A stage of a plan (铜陵's 纲要 sets 2014—2015 targets inside 2014—2020): the targets of the plan's
 * table for its end year are the stage's, and the edition of that year is the stage's completion table.
 */
export interface PlanStage {
  start: number;
  end: number;
  /** How the stage is named: the plan's words, else its years (2014—2015年). */
  name: string;
}

/**
 * What a plan target asks for: the end-year value (`end`), a stage's end-year value (`stage`), a year's
 * value (`annual`), a count over the plan's years (`cumulative`: 新增/累计), or a change against a base
 * year (`base`: 比2020年下降15%).
 */
export const PLAN_TARGET_KINDS = ['end', 'stage', 'annual', 'cumulative', 'base'] as const;
export type PlanTargetKind = (typeof PLAN_TARGET_KINDS)[number];

export interface PlanTarget {
  indicator: string;
  year: number;
  target: Target;
  kind: PlanTargetKind;
  /** The indicator's name in this plan's own words (plans rename indicators; the series continues). */
  name: string;
  note: string;
  file: string;
  line: number;
}

export interface Plan extends Omit<PlanMeta, 'stages'> {
  id: string;
  base: number;
  stages: PlanStage[];
  targets: PlanTarget[];
  file: string;
}

export const PLAN_TARGET_COLUMNS = ['indicator', 'target', 'year', 'name', 'note'] as const;

/** Plans mark counts over their years in the target (新增5个) or after the indicator's name (…（新增）). */
export function planTargetKind(
  target: Target,
  year: number,
  plan: Pick<PlanMeta, 'end' | 'stages'>,
  name: string,
): PlanTargetKind {
  if (target.kind === 'base') return 'base';
  if (('basis' in target && target.basis) || COUNT_OVER_PLAN.test(name)) return 'cumulative';
  if (year === plan.end) return 'end';
  return plan.stages?.some((stage) => stage.end === year) ? 'stage' : 'annual';
}

/** The stage a year closes, if any: that year's edition reports the stage's completion. */
export const stageEnding = (plan: Plan, year: number): PlanStage | undefined =>
  plan.stages.find((stage) => stage.end === year);

/**
 * A plan's target table, checked like a ledger: known indicators, readable targets in agreeing units. A
 * row may name several indicators sharing one target cell as the plan printed it (ledger.ts#rowTargets).
 */
export function parsePlanTargets(
  text: string,
  file: string,
  plan: Pick<PlanMeta, 'start' | 'end' | 'stages'>,
  catalogue: ReadonlyMap<string, Indicator>,
): { targets: PlanTarget[]; problems: Problem[] } {
  const say = diagnostics().plan;
  const ledgerSay = diagnostics().ledger;
  const table = parseCsvTable(text, file, ['indicator', 'target'], ['year', 'name', 'note']);
  const problems = [...table.problems];
  const targets: PlanTarget[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const c = row.cells;
    const { at } = row;
    const errorsBefore = errorCount(problems);
    const read = rowTargets(c.indicator!, c.target!, catalogue, file, at);
    problems.push(...read.idProblems);
    const yearText = c.year?.trim() || String(plan.end);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < plan.start || year > plan.end)
      problems.push(error(file, say.badYear(yearText, plan.start, plan.end), at('year', say.yearHint)));
    for (const id of new Set(read.ids)) {
      const key = `${id}|${year}`;
      if (seen.has(key)) problems.push(error(file, say.duplicate(id, year, seen.get(key)!), at('indicator')));
      else seen.set(key, row.line);
    }
    if (isNoTarget(c.target!)) problems.push(error(file, say.emptyTarget, at('target', say.emptyTargetHint)));
    problems.push(...read.targetProblems);
    const names = perIndicator(c.name ?? '', read.ids.length);
    if (!names)
      problems.push(error(file, ledgerSay.listCount('name', read.ids.length), at('name', ledgerSay.listHint)));
    if (errorCount(problems) > errorsBefore) continue;
    read.indicators.forEach((indicator, n) => {
      const parsed = read.targets[n];
      const target = parsed?.ok ? parsed.target : null;
      if (!indicator || !target) return;
      const name = names![n]!.trim() || indicator.name;
      targets.push({
        indicator: indicator.id,
        year,
        target,
        kind: planTargetKind(target, year, plan, name),
        name,
        note: c.note?.trim() ?? '',
        file,
        line: row.line,
      });
    });
  }
  return { targets, problems };
}

/**
 * Whether a plan's name already states its years (质量发展纲要（2014—2020年）), so that running text naming the
 * plan does not add them a second time. Full-width digits count as the years they read as.
 */
export const namesItsYears = (plan: Pick<PlanMeta, 'name' | 'start' | 'end'>): boolean => {
  const name = plan.name.normalize('NFKC');
  return name.includes(String(plan.start)) && name.includes(String(plan.end));
};

/** The plan a year belongs to. */
export const planOf = (plans: readonly Plan[], year: number): Plan | undefined =>
  plans.find((p) => p.start <= year && year <= p.end);

/** A plan's target for an indicator in a year (by default its end year). */
export const planTarget = (plan: Plan, id: string, year = plan.end): PlanTarget | undefined =>
  indexOf(plan).byKey.get(`${id}|${year}`);

/** Whether the plan sets any target for an indicator. */
export const inPlan = (plan: Plan, id: string): boolean => indexOf(plan).ids.has(id);

/**
 * A plan's targets by indicator and year, built once per plan: the evaluation looks one up for every
 * ledger row, so a scan of the plan's table each time would make large ledgers quadratic. First match
 * wins, as a scan would (duplicates are errors anyway).
 */
const indexes = new WeakMap<readonly PlanTarget[], { byKey: Map<string, PlanTarget>; ids: Set<string> }>();
function indexOf(plan: Plan) {
  let index = indexes.get(plan.targets);
  if (!index) {
    index = { byKey: new Map(), ids: new Set() };
    for (const t of plan.targets) {
      const key = `${t.indicator}|${t.year}`;
      if (!index.byKey.has(key)) index.byKey.set(key, t);
      index.ids.add(t.indicator);
    }
    indexes.set(plan.targets, index);
  }
  return index;
}
