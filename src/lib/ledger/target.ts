import { FIVE_YEAR_PLANS, PERIOD_END, PERIOD_WHOLE, PROSE_WORDS } from './input-words.ts';
import { halfWidth, leadingUnit } from './unit.ts';

/**
 * The grammar of targets as Chinese plans write them (the seed plans are its specification;
 * tests/fixtures/seed-targets.csv holds every target cell of four of them, verbatim):
 *
 *   ≥96 · 95%以上 · 5个以上 · 不低于98% · 不少于5 · 达到96%以上 · 提高到35% · 力争1个以上   at least
 *   ≤0.42 · 0.5以下 · 30%以内 · 不超过25 · 控制在25微克/立方米以内 · 降至0.4             at most
 *   >90 · 超过60% · 高于 · 多于           <0.5 · 低于 · 少于 · 不足 · 不满                    strictly
 *   100 · 达到100% · 保持在97% · 98%左右 · 建成5个                reach it in the indicator's direction
 *   90-95 · 1～2个 · 90%至95%                                                   inclusive range
 *   新增5个以上 · 累计3家                                   a count over the plan years so far
 *   在2010年基础上下降15.2% · 较2020年提高2个百分点 · 较“十一五”时期增加15% · 比“十二五”末提高5%
 *   · 较上年提高2个百分点                                 against a base year, period or the year before
 *   稳步下降 · 持续提升 · 不低于上年 · 持续改善                         against the previous period
 *   高线：≤25 低线：稳定达标                                       a stretch and a floor target
 *   基本建成 · 培育一批 · 力争2015年前全面实施 (no target number)   qualitative: the editor judges
 *
 * Around the number the plan's own words stay as written and are not judged: a subject before it
 * (主要农产品质量安全产地抽检合格率达到97%以上, 县(区)100%开展), a verb (建成5个以上, 打造1个以上),
 * words after its unit (100%通过GMP、GSP认证, 2个无公害农产品基地). Years (2015年), numbers inside
 * names (PM2.5, 5A级) and ordinals are not target numbers. A cell with several target numbers and
 * no word saying which is the target, or a change with no base to change from, cannot be judged: it
 * is qualitative, with the reason. 以上、以下、以内 include the number and 超过、不满 do not
 * (《民法典》第一千二百五十九条). A remark in brackets after the target (`≥57.5（“十四五”均值）`) is
 * kept apart and shown with it.
 */
export type Direction = 'higher' | 'lower';
export type Comparator = '>=' | '>' | '<=' | '<';
/** A count target over the plan years (新增: added since the plan began; 累计: running total). */
export type Basis = 'added' | 'cumulative';
export type Trend = 'down' | 'up' | 'hold' | 'better';
/**
 * Why a target cannot be judged from figures: it has no target number (基本建成; a year is none), it
 * has several and does not say which one is the target, or it gives a change without what it is a
 * change from (下降15%). The diagnostics catalogue words each for `npm run check`.
 */
export type QualitativeReason = 'no_number' | 'several_numbers' | 'change_without_base';

interface Written {
  /** The target as written, tidied (half-width digits, ≥ for >=), without its remark. */
  text: string;
  /** The bracketed remark after the target, e.g. “十四五”均值. */
  remark: string | null;
  /** The unit written after the number, e.g. % or 个; null when none was written. */
  unit: string | null;
  /**
   * The whole cell as the plan printed it, tidied, when it held several targets for several
   * indicators and this target is one of them (`县(区)100%开展;规模以上企业90%开展。`, target-cell.ts);
   * null when the target is the whole cell. Pages show the cell, so a reader sees what the plan wrote.
   */
  cell: string | null;
}

export type NumericTarget = Written &
  (
    | { kind: 'compare'; op: Comparator; value: number; basis: Basis | null }
    | { kind: 'reach'; value: number; basis: Basis | null }
    | { kind: 'range'; min: number; max: number; basis: Basis | null }
  );

export type BaseTarget = Written & {
  kind: 'base';
  /**
   * The base as the ledger keys its value: a year (`2010`; `2015` for “十二五”末) or years (`2006-2010`);
   * null for the year before the one judged (较上年提高2个百分点).
   */
  base: string | null;
  /** The base as the target names it: `2010年`, `“十一五”时期`, `“十二五”末`, `上年`. */
  baseName: string;
  change: 'down' | 'up';
  amount: number;
  /** The amount is in percentage points (提高2个百分点), else a percentage of the base value. */
  points: boolean;
};

export type Target =
  | NumericTarget
  | BaseTarget
  | (Written & { kind: 'trend'; change: Trend })
  | (Written & { kind: 'tiered'; high: Target; low: Target })
  | (Written & { kind: 'qualitative'; reason: QualitativeReason });

export type TargetProblem = 'no_number' | 'conflict' | 'reversed_range' | 'unreadable';
export type TargetParse = { ok: true; target: Target | null } | { ok: false; problem: TargetProblem; text: string };

/** Words right before the number that fix the comparison. */
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
/**
 * Verbs plans put right before a number. Those that say which way to go fix the comparison; the others
 * (达到, 保持在, 建成, 打造 …) leave it to the indicator's direction. They begin a target's own words,
 * so in `使用登记率、定期检验率达到100%` the two names share `达到100%`.
 */
const VERBS: Array<[string, Comparator | null]> = [
  ['力争达到', null],
  ['力争', null],
  ['确保', null],
  ['达到', null],
  ['达', null],
  ['为', null],
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
  ['保持', null],
  ['稳定在', null],
  ['维持在', null],
  ['建设', null],
  ['建成', null],
  ['新建', null],
  ['打造', null],
  ['培育', null],
  ['新创建', null],
  ['创建', null],
  ['创成', null],
  ['争创', null],
  ['引进', null],
  ['实现', null],
  ['完成', null],
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
/** Before a list of numbers, each for one of the names before it: 排放量分别下降15.2%、11.2% (target-cell.ts). */
export const RESPECTIVELY = '分别';
const BASES: Array<[string, Basis]> = [
  ['新增', 'added'],
  ['累计', 'cumulative'],
];
/** Words of a change: against a base (比2020年下降15%), a trend at the end (稳步下降), or with no base (下降15%). */
const CHANGE_DOWN = ['下降', '降低', '减少', '削减', '压减'];
const CHANGE_UP = ['提升', '提高', '上升', '增长', '增加'];
const CHANGES = [...CHANGE_DOWN, ...CHANGE_UP];
const ADVERBS = '稳步|持续|逐步|逐年|明显|有所|显著|不断|进一步|大幅';
/** Trend words end the target; a subject before them needs an adverb (万元GDP能耗逐年下降). */
const TRENDS: Array<[RegExp, Trend]> = [
  [new RegExp(`^(.*?)(${ADVERBS})?(${CHANGE_DOWN.join('|')})$`), 'down'],
  [new RegExp(`^(.*?)(${ADVERBS})?(${CHANGE_UP.join('|')})$`), 'up'],
  [new RegExp(`^(.*?)(${ADVERBS})?(改善|好转|向好)$`), 'better'],
];
const HOLD = /^(.*?)(保持稳定|稳中有升|不低于上年度|不低于上年|只增不减|不下降|不降低)$/;
const PLAN_NAMES = Object.keys(FIVE_YEAR_PLANS).sort((a, b) => b.length - a.length);
const BASE = new RegExp(
  String.raw`^(.*?)(?:在|比|较|相比|与|同)?((\d{4})年?(?:底|末)?|[“"‘']?(${PLAN_NAMES.join('|')})[”"’']?(${[...PERIOD_END, ...PERIOD_WHOLE].join('|')})?|(?:${PROSE_WORDS.lastYear.join('|')})度?)(?:的)?(?:基础上|水平上|相比)?(?:${RESPECTIVELY})?(${CHANGES.join('|')})(\d+(?:\.\d+)?)(%|个百分点)(?:以上)?$`,
);
const RANGE_SEPARATOR = /^(.*?)(?:-|~|—{1,2}|–|至|到)$/;
/** Comparison words left over after the number are not a unit (`96以上左右`). */
const NOT_A_UNIT = /以上|以下|以内|左右|低于|高于|超过|不足|[≥≤<>]/;
/** After the unit and its suffix, the plan's words may follow, but not another comparison or a unit's rest. */
const NOT_WORDS = /^(?:[/／]|及?以上|及?以下|以内|左右|[≥≤<>])/;
const SYMBOLS = /[≥≤≧≦<>]/;
const TIERED = /^高线[:：]?\s*(.+?)[\s;；,，]+低线[:：]?\s*(.+)$/;
const REMARK = /^(.+?)\s*[(（]([^()（）]+)[)）]$/;
/** The end of a sentence or list item after a target is punctuation, not words. */
const TRAILING_MARKS = /[。；;，,、]+$/;
const NO_TARGET = ['', '/', '—', '-', '无'];

/** Half-width digits and signs, ≥/≤ for >=/<=, single spaces: the written target as displayed. */
export function tidyTarget(raw: string): string {
  return halfWidth(raw).trim().replace(/\s+/g, ' ').replace('>=', '≥').replace('<=', '≤');
}

const longestFirst = <T>(words: Array<[string, T]>) => [...words].sort((a, b) => b[0].length - a[0].length);
const [COMPARATORS_BY_LENGTH, VERBS_BY_LENGTH, SUFFIXES_BY_LENGTH, BASES_BY_LENGTH] = [
  longestFirst(COMPARATOR_WORDS),
  longestFirst(VERBS),
  longestFirst(SUFFIXES),
  longestFirst(BASES),
];
const CHANGES_BY_LENGTH = longestFirst(CHANGES.map((w) => [w, w] as [string, string]));
const startsWith = <T>(text: string, words: Array<[string, T]>): [string, T] | undefined =>
  words.find(([w]) => text.startsWith(w));
const endsWith = <T>(text: string, words: Array<[string, T]>): [string, T] | undefined =>
  words.find(([w]) => text.endsWith(w));

/** Whether a target cell says there is no target: empty, `/`, `—`, `无`. */
export const isNoTarget = (raw: string): boolean => NO_TARGET.includes(tidyTarget(raw));

/**
 * Parses a target cell. Empty, `/` and `—` mean “no target”. `unit` is the indicator's, so a long unit
 * (`吨/万元GDP`) is read whole rather than as a shorter one followed by words.
 */
export function parseTarget(raw: string, unit = ''): TargetParse {
  const tidy = tidyTarget(raw);
  if (isNoTarget(tidy)) return { ok: true, target: null };
  const remarked = REMARK.exec(tidy);
  const text = remarked ? remarked[1]! : tidy;
  const remark = remarked ? remarked[2]!.trim() : null;
  const parsed = read(text, unit).target;
  return 'problem' in parsed
    ? { ok: false, problem: parsed.problem, text: tidy }
    : { ok: true, target: { ...parsed, remark } };
}

/**
 * A target's words split into the subject the plan put before them (what is measured, kept as
 * written) and the target itself: `企业重点监控设备使用登记率、重点监控设备定期检验率` | `达到100%`,
 * `“鲁班奖”、“黄山杯”等优质工程` | `较“十一五”时期增加15%`. The target is the whole text when no subject
 * can be told apart.
 */
export function splitSubject(text: string): { subject: string; target: string } {
  const at = read(text, '').subject;
  return { subject: text.slice(0, at), target: text.slice(at) };
}

/** Whether a text holds a number a target could be judged by (a year, PM2.5 or 5A级 is none). */
export const hasTargetNumber = (text: string): boolean => figures(compact(text).words, '').length > 0;

type Parsed = Target | { problem: TargetProblem };
/** What was read, and where (in the text read) the target's own words begin after its subject. */
interface Reading {
  target: Parsed;
  subject: number;
}

const shape = (text: string, unit: string | null) => ({ text, remark: null, unit, cell: null });
const problem = (p: TargetProblem): Reading => ({ target: { problem: p }, subject: 0 });

function read(text: string, unit: string): Reading {
  const tiered = TIERED.exec(text);
  if (tiered) {
    const high = read(tiered[1]!, unit).target;
    const low = read(tiered[2]!, unit).target;
    if ('problem' in high) return { target: high, subject: 0 };
    if ('problem' in low) return { target: low, subject: 0 };
    return { target: { kind: 'tiered', high, low, ...shape(text, high.unit) }, subject: 0 };
  }
  if (/\d\s+\d/.test(text)) return problem('unreadable');
  const { words, at } = compact(text);
  const reading = againstBase(words, text) ?? trend(words, text) ?? byNumber(words, text, unit);
  return { target: reading.target, subject: at(reading.subject) };
}

/** The text without spaces (and its closing punctuation), with where each of its characters was. */
function compact(text: string): { words: string; at: (index: number) => number } {
  const positions: number[] = [];
  let words = '';
  for (let i = 0; i < text.length; i++)
    if (!/\s/.test(text[i]!)) {
      positions.push(i);
      words += text[i];
    }
  positions.push(text.length);
  const closing = TRAILING_MARKS.exec(words);
  if (closing) words = words.slice(0, closing.index);
  return { words, at: (index) => positions[index]! };
}

function againstBase(words: string, text: string): Reading | null {
  const m = BASE.exec(words);
  if (!m) return null;
  const [, subject, baseName, year, plan, after, change, amount, unit] = m;
  const start = plan ? FIVE_YEAR_PLANS[plan]! : 0;
  const ofPlan = PERIOD_END.includes(after ?? '') ? String(start + 4) : `${start}-${start + 4}`;
  const base = year ?? (plan ? ofPlan : null);
  const points = unit === '个百分点';
  return {
    target: {
      kind: 'base',
      base,
      baseName: baseName!,
      change: CHANGE_DOWN.includes(change!) ? 'down' : 'up',
      amount: Number(amount),
      points,
      ...shape(text, points ? null : '%'),
    },
    subject: subject!.length,
  };
}

function trend(words: string, text: string): Reading | null {
  for (const [pattern, change] of [...TRENDS, [HOLD, 'hold'] as const]) {
    const m = pattern.exec(words);
    // A subject needs an adverb before the trend word (逐年下降); a bare trend word does not.
    if (m && (m[1] === '' || m[2]))
      return { target: { kind: 'trend', change, ...shape(text, null) }, subject: m[1]!.length };
  }
  return null;
}

/** A number in a target: where it stands, and a range's second number and the unit between them. */
interface Figure {
  start: number;
  end: number;
  value: number;
  max: number | null;
  between: string | null;
}

/** The numbers a target could be judged by, ranges joined: not years, not parts of names or ordinals. */
function figures(words: string, unit: string): Figure[] {
  const found: Figure[] = [];
  for (const m of words.matchAll(/\d+(?:\.\d+)?/g)) {
    const [start, end] = [m.index, m.index + m[0].length];
    const before = words[start - 1] ?? '';
    const after = words.slice(end);
    if (/[A-Za-z.第]/.test(before) || /^[A-Z]/.test(after)) continue; // PM2.5, ISO9001, 5A级, 第1
    if (/^\d{4}$/.test(m[0]) && /^(?:年|(?:-|~|—{1,2}|–|至|到)\d{4}年)/.test(after)) continue; // 2015年, 2014—2015年
    const signed = (before === '-' || before === '+') && (start === 1 || SYMBOLS.test(words[start - 2]!));
    found.push({
      start: signed ? start - 1 : start,
      end,
      value: Number(signed ? before + m[0] : m[0]),
      max: null,
      between: null,
    });
  }
  // 90-95, 90%~95%, 1—2家: two numbers joined by a range word, with at most a unit between them.
  return found.reduce<Figure[]>((joined, figure) => {
    const last = joined.at(-1);
    const range = last && last.max === null ? RANGE_SEPARATOR.exec(words.slice(last.end, figure.start)) : null;
    const between = range?.[1] ?? '';
    if (range && (between === '' || leadingUnit(between, unit) === between || /^[^\u4e00-\u9fff]+$/.test(between)))
      joined[joined.length - 1] = { ...last!, end: figure.end, max: figure.value, between: between || null };
    else joined.push(figure);
    return joined;
  }, []);
}

/** Whether a word right before or after a number says it is the target's (达到96%, 9个以上). */
function marked(words: string, figure: Figure, unit: string): boolean {
  const before = words.slice(0, figure.start);
  let after = words.slice(figure.end);
  after = after.slice(leadingUnit(after, unit)?.length ?? 0);
  return (
    !!endsWith(before, COMPARATORS_BY_LENGTH) ||
    !!endsWith(before, VERBS_BY_LENGTH) ||
    !!endsWith(before, BASES_BY_LENGTH) ||
    !!startsWith(after, SUFFIXES_BY_LENGTH)
  );
}

/** Where the words of a target without a number begin: at its first verb (二氧化氮|控制在二级标准内). */
function qualitativeSubject(words: string): number {
  const at = VERBS.filter(([w]) => w.length > 1)
    .map(([w]) => words.indexOf(w))
    .filter((i) => i >= 0);
  return at.length ? Math.min(...at) : 0;
}

function byNumber(words: string, text: string, unit: string): Reading {
  const all = figures(words, unit);
  if (all.length === 0) {
    // No number: qualitative, unless it is a comparison whose number is missing (`≥`).
    if (SYMBOLS.test(words)) return problem('no_number');
    return {
      target: { kind: 'qualitative', reason: 'no_number', ...shape(text, null) },
      subject: qualitativeSubject(words),
    };
  }
  const chosen = all.length === 1 ? all : all.filter((f) => marked(words, f, unit));
  if (chosen.length !== 1)
    return { target: { kind: 'qualitative', reason: 'several_numbers', ...shape(text, null) }, subject: 0 };
  const figure = chosen[0]!;

  let subject = words.slice(0, figure.start);
  const word = endsWith(subject, COMPARATORS_BY_LENGTH);
  if (word) subject = subject.slice(0, -word[0].length);
  const verb = endsWith(subject, VERBS_BY_LENGTH);
  if (verb) subject = subject.slice(0, -verb[0].length);
  const adjacent = endsWith(subject, BASES_BY_LENGTH);
  if (adjacent) subject = subject.slice(0, -adjacent[0].length);
  const basis = adjacent ?? startsWith(words, BASES_BY_LENGTH);
  const change = !word && !verb && endsWith(subject, CHANGES_BY_LENGTH);
  if (change)
    return {
      target: { kind: 'qualitative', reason: 'change_without_base', ...shape(text, null) },
      subject: subject.length - change[0].length,
    };
  // Around a number, a second comparison is a slip (`≥≥96`), not a subject.
  if (SYMBOLS.test(subject) || endsWith(subject, COMPARATORS_BY_LENGTH)) return problem('unreadable');

  let rest = words.slice(figure.end);
  if (/^[.\d]/.test(rest)) return problem('unreadable'); // 9.6.5
  let written = leadingUnit(rest, unit);
  rest = rest.slice(written?.length ?? 0);
  let suffix = startsWith(rest, SUFFIXES_BY_LENGTH);
  rest = rest.slice(suffix?.[0].length ?? 0);
  if (!written && !suffix && rest) {
    // Text after the number that is no unit the grammar knows is the written unit up to a comparison
    // word (`5xx以上`), so the check against the catalogue names it rather than passing it over.
    const unknown = /^(.+?)(及以上|以上|及以下|以下|以内|左右)(.*)$/.exec(rest);
    written = unknown ? unknown[1]! : rest;
    suffix = unknown ? startsWith(unknown[2]!, SUFFIXES_BY_LENGTH) : undefined;
    rest = unknown ? unknown[3]! : '';
  }
  if (NOT_WORDS.test(rest) || (written && NOT_A_UNIT.test(written))) return problem('unreadable');

  // A verb's direction gives way to an explicit comparison (控制在…以内, 降至…以下).
  const explicit = [...(word ? [word[1]] : []), ...(suffix?.[1] ? [suffix[1]] : [])];
  if (new Set(explicit).size > 1) return problem('conflict');
  const op = explicit[0] ?? verb?.[1] ?? null;
  const common = { basis: basis?.[1] ?? null };
  const reading = (target: Parsed): Reading => ({ target, subject: subject.length });

  if (figure.max !== null) {
    if (explicit.length > 0) return problem('unreadable');
    if (figure.value > figure.max) return problem('reversed_range');
    const units = [figure.between, written].filter((u): u is string => !!u);
    if (new Set(units).size > 1) return problem('unreadable');
    const range = { kind: 'range', min: figure.value, max: figure.max, ...common } as const;
    return reading({ ...range, ...shape(text, units[0] ?? null) });
  }
  if (!(Math.abs(figure.value) < 1e15)) return problem('unreadable');
  const value = { value: figure.value, ...common };
  return reading(
    op
      ? { kind: 'compare', op, ...value, ...shape(text, written) }
      : { kind: 'reach', ...value, ...shape(text, written) },
  );
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

/**
 * The value a base target allows, given the base's value (比2020年下降15% of 40 → 34; 下降15.2% of 10 →
 * 8.48), to 12 significant digits so a reader is not shown the float noise of the product.
 */
export function baseGoal(target: BaseTarget, base: number): number {
  const sign = target.change === 'down' ? -1 : 1;
  const goal = target.points ? base + sign * target.amount : base * (1 + (sign * target.amount) / 100);
  return Number(goal.toPrecision(12));
}

/** How a value must stand to `baseGoal`: at most it after a fall, at least it after a rise. */
export const baseOp = (target: BaseTarget): '<=' | '>=' => (target.change === 'down' ? '<=' : '>=');

/** What judging a target may need besides the value: the previous period's and the base's. */
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
      return base === null ? null : compare(value, baseOp(target), baseGoal(target, base));
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

/** Why the status of a target has to come from the editor, or null when figures can judge it. */
export function qualitativeReason(target: Target | null): QualitativeReason | null {
  if (target?.kind === 'qualitative') return target.reason;
  if (target?.kind !== 'tiered') return null;
  const [high, low] = [qualitativeReason(target.high), qualitativeReason(target.low)];
  return high && low ? high : null;
}

/** The units written in a target (a tiered target may write one per tier). */
export function writtenUnits(target: Target): string[] {
  if (target.kind === 'tiered') return [...writtenUnits(target.high), ...writtenUnits(target.low)];
  return target.kind === 'base' || !target.unit ? [] : [target.unit];
}
