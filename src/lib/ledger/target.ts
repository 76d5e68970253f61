import { halfWidth } from './unit.ts';

/**
 * The grammar of targets as Chinese plans write them (the five seed plans are its specification):
 *
 *   ≥96 · 95%以上 · 5个以上 · 不低于98% · 不少于5 · 达到96%以上 · 提高到35% · 力争1个以上   at least
 *   ≤0.42 · 0.5以下 · 30%以内 · 不超过25 · 控制在25微克/立方米以内 · 降至0.4             at most
 *   >90 · 超过60% · 高于 · 多于           <0.5 · 低于 · 少于 · 不足 · 不满                    strictly
 *   100 · 达到100% · 保持在97% · 98%左右                     reach it in the indicator's direction
 *   90-95 · 1～2个 · 90%至95%                                                   inclusive range
 *   新增5个以上 · 累计3家                                   a count over the plan years so far
 *   在2010年基础上下降15.2% · 比2020年下降15% · 较2020年提高2个百分点           against a base year
 *   稳步下降 · 持续提升 · 不低于上年 · 持续改善                         against the previous period
 *   高线：≤25 低线：稳定达标                                       a stretch and a floor target
 *   基本建成 · 稳定达标 · 保持全省前列 · 完成上级下达任务 (no number)  qualitative: the editor judges
 *
 * 以上、以下、以内 include the number and 超过、不满 do not (《民法典》第一千二百五十九条). A remark in
 * brackets after the target (`≥57.5（“十四五”均值）`) is kept apart and shown with it. The written words
 * are kept for display: what is judged is shown the way the plan wrote it.
 */
export type Direction = 'higher' | 'lower';
export type Comparator = '>=' | '>' | '<=' | '<';
/** A count target over the plan years (新增: added since the plan began; 累计: running total). */
export type Basis = 'added' | 'cumulative';
export type Trend = 'down' | 'up' | 'hold' | 'better';

interface Written {
  /** The target as written, tidied (half-width digits, ≥ for >=), without its remark. */
  text: string;
  /** The bracketed remark after the target, e.g. “十四五”均值. */
  remark: string | null;
  /** The unit written after the number, e.g. % or 个; null when none was written. */
  unit: string | null;
}

export type NumericTarget = Written &
  (
    | { kind: 'compare'; op: Comparator; value: number; basis: Basis | null }
    | { kind: 'reach'; value: number; basis: Basis | null }
    | { kind: 'range'; min: number; max: number; basis: Basis | null }
  );

export type Target =
  | NumericTarget
  | (Written & { kind: 'base'; base: string; change: 'down' | 'up'; amount: number; points: boolean })
  | (Written & { kind: 'trend'; change: Trend })
  | (Written & { kind: 'tiered'; high: Target; low: Target })
  | (Written & { kind: 'qualitative' });

export type TargetProblem = 'no_number' | 'conflict' | 'reversed_range' | 'unreadable';
export type TargetParse = { ok: true; target: Target | null } | { ok: false; problem: TargetProblem; text: string };

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
/** Words before the number that fix the comparison. */
const COMPARATOR_WORDS: Array<[string, Comparator]> = [
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不超过', '<='],
  ['不高于', '<='],
  ['不大于', '<='],
  ['不多于', '<='],
  ['低于', '<'],
  ['少于', '<'],
  ['小于', '<'],
  ['不足', '<'],
  ['不满', '<'],
  ['不到', '<'],
  ['高于', '>'],
  ['超过', '>'],
  ['多于', '>'],
  ['大于', '>'],
  ['≥', '>='],
  ['>=', '>='],
  ['≧', '>='],
  ['≤', '<='],
  ['<=', '<='],
  ['≦', '<='],
  ['>', '>'],
  ['<', '<'],
];
/** Verbs plans put before a number. Those that say which way to go fix the comparison; the others
 * (达到, 保持在) leave it to the indicator's direction. */
const VERBS: Array<[string, Comparator | null]> = [
  ['力争达到', null],
  ['力争', null],
  ['确保', null],
  ['达到', null],
  ['达', null],
  ['提高到', '>='],
  ['提高至', '>='],
  ['提升到', '>='],
  ['提升至', '>='],
  ['增加到', '>='],
  ['增长到', '>='],
  ['上升到', '>='],
  ['降至', '<='],
  ['降到', '<='],
  ['降低到', '<='],
  ['降低至', '<='],
  ['下降到', '<='],
  ['下降至', '<='],
  ['减少到', '<='],
  ['减少至', '<='],
  ['控制在', '<='],
  ['保持在', null],
  ['稳定在', null],
  ['维持在', null],
];
/** Words after the number (and unit). 左右 (about) is judged like a bare number. */
const SUFFIXES: Array<[string, Comparator | null]> = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['左右', null],
];
const BASES: Array<[string, Basis]> = [
  ['新增', 'added'],
  ['累计', 'cumulative'],
];
const TRENDS: Array<[RegExp, Trend]> = [
  [/^(稳步|持续|逐步|逐年|明显|有所)?(下降|降低|减少)$/, 'down'],
  [/^(稳步|持续|逐步|逐年|明显|有所)?(提升|提高|上升|增长|增加)$/, 'up'],
  [/^(保持稳定|稳中有升|不低于上年|不低于上年度|只增不减|不下降|不降低)$/, 'hold'],
  [/^(稳步|持续|逐步|逐年|明显|有所)?(改善|好转|向好)$/, 'better'],
];
const RANGE_SEPARATOR = String.raw`(?:-|~|—|–|至|到)`;
const UNIT = String.raw`[^\d\s.~—–至到-][^\d]*?`;
const BASE_YEAR = new RegExp(
  String.raw`^(?:在|比|较|相比|与)?\s*(\d{4})\s*年?(?:的)?(?:基础上|水平上|相比)?\s*(?:分别)?\s*(下降|降低|减少|提高|提升|增长|增加|上升)\s*(\d+(?:\.\d+)?)\s*(%|个百分点)\s*(?:以上)?$`,
);
/** Comparison words left over after the number are not a unit (`96以上左右`). */
const NOT_A_UNIT = /以上|以下|以内|左右|低于|高于|超过|不足|[≥≤<>]/;
/** A phrase with a number that is not a numeric target, e.g. 创成国家5A级景区: qualitative. */
const QUALITATIVE_VERB = /^(基本)?(建成|创成|创建|争创|完成|通过|获批|获评|实现|保持|打造|培育|引进|入选)/;
const TIERED = /^高线[:：]?\s*(.+?)[\s;；,，]+低线[:：]?\s*(.+)$/;
const REMARK = /^(.+?)\s*[(（]([^()（）]+)[)）]$/;

/** Half-width digits and signs, ≥/≤ for >=/<=, single spaces: the written target as displayed. */
export function tidyTarget(raw: string): string {
  return halfWidth(raw).trim().replace(/\s+/g, ' ').replace('>=', '≥').replace('<=', '≤');
}

const startsWith = <T>(text: string, words: Array<[string, T]>): [string, T] | undefined =>
  words.find(([w]) => text.startsWith(w));
const endsWith = <T>(text: string, words: Array<[string, T]>): [string, T] | undefined =>
  words.find(([w]) => text.endsWith(w));

/** Parses a target cell. Empty, `/` and `—` mean “no target”. */
export function parseTarget(raw: string): TargetParse {
  const tidy = tidyTarget(raw);
  if (['', '/', '—', '-', '无'].includes(tidy)) return { ok: true, target: null };
  const remarked = REMARK.exec(tidy);
  const text = remarked ? remarked[1]! : tidy;
  const remark = remarked ? remarked[2]!.trim() : null;
  const parsed = parseWords(text);
  return 'problem' in parsed
    ? { ok: false, problem: parsed.problem, text: tidy }
    : { ok: true, target: { ...parsed, remark } };
}

type Parsed = Target | { problem: TargetProblem };

function parseWords(text: string): Parsed {
  const tiered = TIERED.exec(text);
  if (tiered) {
    const high = parseWords(tiered[1]!);
    const low = parseWords(tiered[2]!);
    if ('problem' in high) return high;
    if ('problem' in low) return low;
    return { kind: 'tiered', high, low, text, remark: null, unit: high.unit };
  }
  const base = BASE_YEAR.exec(text);
  if (base) {
    const down = ['下降', '降低', '减少'].includes(base[2]!);
    const points = base[4] === '个百分点';
    return {
      kind: 'base',
      base: base[1]!,
      change: down ? 'down' : 'up',
      amount: Number(base[3]),
      points,
      text,
      remark: null,
      unit: points ? null : '%',
    };
  }
  for (const [pattern, change] of TRENDS) {
    if (pattern.test(text)) return { kind: 'trend', change, text, remark: null, unit: null };
  }
  if (!/\d/.test(text)) {
    // No number: qualitative, unless it is a comparison whose number is missing (`≥`).
    return /[≥≤≧≦<>]/.test(text) ? { problem: 'no_number' } : { kind: 'qualitative', text, remark: null, unit: null };
  }
  const numeric = parseNumeric(text);
  if ('problem' in numeric && numeric.problem === 'unreadable' && QUALITATIVE_VERB.test(text))
    return { kind: 'qualitative', text, remark: null, unit: null };
  return numeric;
}

function parseNumeric(text: string): Parsed {
  if (/\d\s+\d/.test(text)) return { problem: 'unreadable' };
  let rest = text.replace(/\s+/g, '');
  const basis = startsWith(rest, BASES);
  if (basis) rest = rest.slice(basis[0].length);
  const ops: Comparator[] = [];
  const verb = startsWith(rest, VERBS);
  if (verb) {
    rest = rest.slice(verb[0].length);
    if (verb[1]) ops.push(verb[1]);
  }
  const word = startsWith(rest, COMPARATOR_WORDS);
  if (word) {
    rest = rest.slice(word[0].length);
    ops.push(word[1]);
  }
  const suffix = endsWith(rest, SUFFIXES);
  if (suffix) {
    rest = rest.slice(0, -suffix[0].length);
    if (suffix[1]) ops.push(suffix[1]);
  }
  // A verb's direction gives way to an explicit comparison (控制在…以内, 降至…以下).
  const explicit = [...(word ? [word[1]] : []), ...(suffix?.[1] ? [suffix[1]] : [])];
  if (new Set(explicit).size > 1) return { problem: 'conflict' };
  const op = explicit[0] ?? ops[0] ?? null;
  const written = { text, remark: null, basis: basis?.[1] ?? null };

  const range = new RegExp(String.raw`^(${NUMBER})(${UNIT})?${RANGE_SEPARATOR}(${NUMBER})(${UNIT})?$`).exec(rest);
  if (range && !word && !suffix?.[1]) {
    const [min, max] = [Number(range[1]), Number(range[3])];
    if (min > max) return { problem: 'reversed_range' };
    const units = [range[2], range[4]].filter(Boolean);
    if (new Set(units).size > 1) return { problem: 'unreadable' };
    return { kind: 'range', min, max, ...written, unit: units[0] ?? null };
  }
  const single = new RegExp(String.raw`^(${NUMBER})(${UNIT})?$`).exec(rest);
  if (!single || NOT_A_UNIT.test(single[2] ?? '')) return { problem: 'unreadable' };
  const value = Number(single[1]);
  if (!(Math.abs(value) < 1e15)) return { problem: 'unreadable' };
  const unit = single[2] ?? null;
  return op ? { kind: 'compare', op, value, ...written, unit } : { kind: 'reach', value, ...written, unit };
}

const EPSILON = 1e-9;
function compare(value: number, op: Comparator, threshold: number): boolean {
  // Values computed from a base year carry float noise (0.85 × 40 = 33.99999…); allow for it.
  const d = value - threshold;
  const tolerance = EPSILON * Math.max(1, Math.abs(threshold));
  if (op === '>=') return d >= -tolerance;
  if (op === '<=') return d <= tolerance;
  if (op === '>') return d > tolerance;
  return d < -tolerance;
}

/** The value a base-year target asks for, given the base year's value (比2020年下降15% of 40 → 34). */
export function baseGoal(target: Extract<Target, { kind: 'base' }>, base: number): number {
  const sign = target.change === 'down' ? -1 : 1;
  return target.points ? base + sign * target.amount : base * (1 + (sign * target.amount) / 100);
}

/** What judging a target may need besides the value: the previous period's and the base year's. */
export interface Context {
  direction: Direction;
  previous: number | null;
  base: number | null;
}

/** Whether a numeric value meets a target; null when it cannot be judged (qualitative, no base…). */
export function meetsTarget(target: Target, value: number, context: Context): boolean | null {
  const { direction, previous, base } = context;
  switch (target.kind) {
    case 'compare':
      return compare(value, target.op, target.value);
    case 'reach':
      return compare(value, direction === 'higher' ? '>=' : '<=', target.value);
    case 'range':
      return compare(value, '>=', target.min) && compare(value, '<=', target.max);
    case 'base':
      return base === null ? null : compare(value, target.change === 'down' ? '<=' : '>=', baseGoal(target, base));
    case 'trend':
      if (previous === null) return null;
      if (target.change === 'down') return compare(value, '<', previous);
      if (target.change === 'up') return compare(value, '>', previous);
      if (target.change === 'better') return compare(value, direction === 'higher' ? '>' : '<', previous);
      return compare(value, direction === 'higher' ? '>=' : '<=', previous);
    case 'tiered': {
      const high = meetsTarget(target.high, value, context);
      return high === true ? true : meetsTarget(target.low, value, context);
    }
    case 'qualitative':
      return null;
  }
}

/** The number a chart draws as the target line, if the target has one. */
export function targetLine(target: Target | null): number | null {
  if (!target) return null;
  if (target.kind === 'compare' || target.kind === 'reach') return target.value;
  if (target.kind === 'tiered') return targetLine(target.high);
  return null;
}

/** Whether the status of a target has to come from the editor (no number to judge by). */
export const isQualitative = (target: Target | null): boolean =>
  target?.kind === 'qualitative' ||
  (target?.kind === 'tiered' && isQualitative(target.low) && isQualitative(target.high));

/** The units written in a target (a tiered target may write one per tier). */
export function writtenUnits(target: Target): string[] {
  if (target.kind === 'tiered') return [...writtenUnits(target.high), ...writtenUnits(target.low)];
  return target.kind === 'base' || !target.unit ? [] : [target.unit];
}
