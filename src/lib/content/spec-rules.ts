import { parseExpression } from 'vega';

import { diagnostics } from '../site/messages/index.ts';

/**
 * What an editor's custom Vega-Lite spec may ask of the renderer, checked before anything renders it.
 * A spec is data, but Vega does what it says: a backtracking regular expression, `sequence(0, 3e6)`, a
 * million axis ticks or a 1e8 px wide plot hang the build or exhaust its memory, and `blend` needs a style
 * attribute the site's CSP refuses. These rules refuse the known ways, each with the JSON path and line;
 * whatever they miss is caught by the trial render (charts/chart-trial.ts), bounded in time and memory.
 *
 * Every expression string (filter, calculate, expr, test, labelExpr, signal, and/or/not) is parsed with
 * Vega's own expression parser and may use only the constructs and functions listed here.
 */
export interface SpecFault {
  /** JSON path of the offending value, e.g. ['transform', '0', 'filter']. */
  path: string[];
  /** Why, in the editor's language, without the file or the place (the caller adds them). */
  reason: string;
}

/** A spec file is a few KB: no inline data is allowed, so anything far larger is not a chart. */
export const MAX_SPEC_BYTES = 200_000;
/** Deeper than any real spec (layers in concatenations in facets stay under 20). */
export const MAX_SPEC_DEPTH = 40;
const MAX_EXPRESSION_LENGTH = 2000;
/** Plot sizes and per-band steps in px: the phone design refits to 320 px anyway. */
const MAX_SIZE = 3000;
const MAX_STEP = 200;
const MAX_TICKS = 100;
const MAX_BINS = 200;
const MAX_STEPS = 1000;
const MAX_REGRESSION_ORDER = 10;
const MAX_REPEAT = 30;
const MAX_PAD = 200;
const TICK_INTERVALS = new Set(['year', 'quarter', 'month']);

/** Keys whose string value Vega reads as an expression (`and`/`or`/`not` inside a predicate). */
const EXPRESSION_KEYS = new Set(['filter', 'calculate', 'expr', 'test', 'labelExpr', 'signal', 'and', 'or', 'not']);

/** Functions an expression may call: pure, bounded by their input, the same on every build. */
const FUNCTIONS = new Set(
  [
    // Numbers
    'isNaN isFinite abs acos asin atan atan2 ceil clamp cos exp floor hypot log max min pow round sin sqrt tan',
    'cumulativeNormal cumulativeLogNormal cumulativeUniform densityNormal densityLogNormal densityUniform',
    'quantileNormal quantileLogNormal quantileUniform',
    // Types and control
    'isArray isBoolean isDate isDefined isNumber isObject isString isValid toBoolean toDate toNumber toString if',
    // Dates
    'datetime date day year month quarter week dayofyear hours minutes seconds milliseconds time timezoneoffset',
    'utc utcdate utcday utcyear utcmonth utcquarter utcweek utcdayofyear utchours utcminutes utcseconds',
    'utcmilliseconds timeOffset utcOffset',
    // Text and lists (split and replace take text: regular expressions cannot be written)
    'length lower upper parseFloat parseInt substring slice split trim truncate indexof lastindexof join replace',
    'pad extent clampRange inrange lerp peek reverse span',
    // Formatting and colours
    'format utcFormat utcParse timeFormat timeParse timeUnitSpecifier monthFormat monthAbbrevFormat dayFormat',
    'dayAbbrevFormat rgb hsl lab hcl luminance contrast',
  ]
    .join(' ')
    .split(' '),
);
/** Functions refused with their own reason. */
const REGEX_FUNCTIONS = new Set(['regexp', 'test']);
const LIST_FUNCTIONS = new Set(['sequence', 'timeSequence', 'utcSequence']);
const UNREPEATABLE_FUNCTIONS = new Set(['random', 'now', 'sampleNormal', 'sampleLogNormal', 'sampleUniform']);
/** Names an expression may read besides `datum.…`: the view's size and Vega's mathematical constants. */
const NAMES = new Set([
  'datum',
  'width',
  'height',
  'NaN',
  'E',
  'LN2',
  'LN10',
  'LOG2E',
  'LOG10E',
  'PI',
  'SQRT1_2',
  'SQRT2',
  'MIN_VALUE',
  'MAX_VALUE',
]);
/** Properties that reach an object's machinery rather than a field of the data. */
const MACHINERY = /^(constructor|prototype|__.*)$/;

interface Node {
  type: string;
  [key: string]: unknown;
}

/** The first rule a spec breaks, with where; null when it breaks none. */
export function specFault(spec: unknown): SpecFault | null {
  return walk(spec, []);
}

function walk(value: unknown, path: string[]): SpecFault | null {
  const say = diagnostics().customSpec.rules;
  if (path.length > MAX_SPEC_DEPTH) return { path, reason: say.tooDeep(MAX_SPEC_DEPTH) };
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = walk(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const object = value as Record<string, unknown>;
  // A quantile transform's probabilities are every `step` from 0 to 1.
  if (
    'quantile' in object &&
    object.step !== undefined &&
    !(typeof object.step === 'number' && object.step >= 1 / MAX_STEPS)
  )
    return { path: [...path, 'step'], reason: say.quantileStep(1 / MAX_STEPS) };
  for (const [key, item] of Object.entries(object)) {
    const here = [...path, key];
    const rule = ruleFor(key, item, path.at(-1));
    if (rule) return { path: [...here, ...rule.under], reason: rule.reason };
    const found = walk(item, here);
    if (found) return found;
  }
  return null;
}

interface Rule {
  /** Where below the key, e.g. ['step'] for `bin.step`. */
  under: string[];
  reason: string;
}

/** What a key's own value breaks; `within` is the key of the object holding it. */
function ruleFor(key: string, value: unknown, within: string | undefined): Rule | null {
  const say = diagnostics().customSpec.rules;
  const fault = (reason: string, under: string[] = []): Rule => ({ under, reason });
  const numberAtMost = (max: number) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max
      ? null
      : fault(say.numberAtMost(key, max));
  if (EXPRESSION_KEYS.has(key)) {
    const items = Array.isArray(value) ? value.map((v, i) => [[String(i)], v] as const) : [[[], value] as const];
    for (const [under, item] of items) {
      const reason = typeof item === 'string' ? expressionFault(item) : null;
      if (reason) return fault(reason, [...under]);
    }
    return null;
  }
  switch (key) {
    case 'blend':
      return fault(say.blend);
    case 'formatType':
      return ['number', 'time', 'utc'].includes(value as string) ? null : fault(say.formatType);
    case 'width':
    case 'height':
    case 'continuousWidth':
    case 'continuousHeight':
    case 'discreteWidth':
    case 'discreteHeight':
      if (typeof value === 'object' && value !== null && 'step' in value) return null; // the `step` rule below
      return value === 'container' ? null : numberAtMost(MAX_SIZE);
    case 'step':
      // A band's width in px (width/height: {step}, config.view.step); a bin's or a quantile's step is
      // bounded through the count it makes.
      return within &&
        /^(width|height|view|continuousWidth|continuousHeight|discreteWidth|discreteHeight)$/.test(within)
        ? numberAtMost(MAX_STEP)
        : null;
    case 'tickCount':
      // A number of ticks, or a calendar interval a ledger's years cannot make too many of.
      if (TICK_INTERVALS.has(value as string)) return null;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const { interval, step = 1, ...rest } = value as Record<string, unknown>;
        if (
          TICK_INTERVALS.has(interval as string) &&
          typeof step === 'number' &&
          step >= 1 &&
          Object.keys(rest).length === 0
        )
          return null;
      }
      return fault(say.tickCount(MAX_TICKS, [...TICK_INTERVALS]));
    case 'labelCount':
      return numberAtMost(MAX_TICKS);
    case 'maxbins':
      return numberAtMost(MAX_BINS);
    case 'steps':
    case 'minsteps':
    case 'maxsteps':
      return numberAtMost(MAX_STEPS);
    case 'order':
      // A polynomial regression's degree (elsewhere `order` is an encoding or a sort's direction).
      return typeof value === 'number' ? numberAtMost(MAX_REGRESSION_ORDER) : null;
    case 'keyvals':
      return sequenceFault(value) ? fault(say.keyvals(MAX_STEPS)) : null;
    case 'bin':
      return binFault(value);
    case 'repeat': {
      const fields = Array.isArray(value) ? value : Object.values((value as Record<string, unknown>) ?? {}).flat();
      return fields.length > MAX_REPEAT ? fault(say.repeat(MAX_REPEAT)) : null;
    }
  }
  return null;
}

/** `{start, stop, step}` (impute's keyvals) making more than MAX_STEPS values; a written list is bounded by the file. */
function sequenceFault(value: unknown): boolean {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return false;
  const { start = 0, stop, step = 1 } = value as Record<string, unknown>;
  const count =
    typeof start === 'number' && typeof stop === 'number' && typeof step === 'number'
      ? (stop - start) / step
      : Infinity;
  return !(Number.isFinite(count) && count >= 0 && count <= MAX_STEPS);
}

/** A bin's step must be positive; with an extent given, it makes (extent) / step bins. Without one, the trial render bounds it. */
function binFault(value: unknown): Rule | null {
  if (typeof value !== 'object' || value === null) return null;
  const { step, extent, minstep } = value as Record<string, unknown>;
  const say = diagnostics().customSpec.rules;
  for (const [name, given] of [
    ['step', step],
    ['minstep', minstep],
  ] as const)
    if (given !== undefined && !(typeof given === 'number' && given > 0))
      return { under: [name], reason: say.positive(`bin.${name}`) };
  if (typeof step === 'number' && Array.isArray(extent) && extent.every((e) => typeof e === 'number')) {
    const count = ((extent[1] as number) - (extent[0] as number)) / step;
    if (!(count <= MAX_STEPS)) return { under: ['step'], reason: say.bins(MAX_STEPS) };
  }
  return null;
}

/** Why an expression is refused, or null: parsed with Vega's parser, only the constructs listed. */
export function expressionFault(text: string): string | null {
  const say = diagnostics().customSpec.rules;
  if (text.length > MAX_EXPRESSION_LENGTH) return say.expressionTooLong(MAX_EXPRESSION_LENGTH);
  let ast: Node;
  try {
    ast = parseExpression(text) as unknown as Node;
  } catch {
    return say.expressionSyntax;
  }
  return nodeFault(ast);
}

function nodeFault(node: Node): string | null {
  const say = diagnostics().customSpec.rules;
  const all = (nodes: unknown[]) => {
    for (const n of nodes) {
      const found = n ? nodeFault(n as Node) : null;
      if (found) return found;
    }
    return null;
  };
  switch (node.type) {
    case 'Literal':
      return node.regex ? say.regex : null;
    case 'Identifier':
      return NAMES.has(node.name as string) ? null : say.unknownName(node.name as string);
    case 'MemberExpression': {
      const property = node.property as Node;
      // (Vega's parser turns datum['constructor'] into an identifier: the name is checked either way.)
      const name = String(property.type === 'Literal' ? property.value : property.name);
      if (MACHINERY.test(name)) return say.machinery(name);
      if (node.computed && (property.type !== 'Literal' || property.regex)) return say.computedMember;
      return nodeFault(node.object as Node);
    }
    case 'CallExpression': {
      const callee = node.callee as Node;
      if (callee.type !== 'Identifier') return nodeFault(callee) ?? say.memberCall;
      const name = callee.name as string;
      if (REGEX_FUNCTIONS.has(name)) return say.regex;
      if (LIST_FUNCTIONS.has(name)) return say.unboundedList(name);
      if (UNREPEATABLE_FUNCTIONS.has(name)) return say.unrepeatable(name);
      if (!FUNCTIONS.has(name)) return say.unknownFunction(name);
      const args = node.arguments as Node[];
      if (
        name === 'pad' &&
        !(args[1]?.type === 'Literal' && typeof args[1].value === 'number' && args[1].value <= MAX_PAD)
      )
        return say.pad(MAX_PAD);
      return all(args);
    }
    case 'ArrayExpression':
      return all(node.elements as Node[]);
    case 'ObjectExpression':
      return all((node.properties as Node[]).map((p) => p.value));
    case 'UnaryExpression':
      return nodeFault(node.argument as Node);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return all([node.left, node.right]);
    case 'ConditionalExpression':
      return all([node.test, node.consequent, node.alternate]);
    default:
      return say.construct;
  }
}

/**
 * Line and column (1-based) of the value at `path` in JSON text that parses; the last of duplicate keys,
 * as JSON.parse keeps. Falls back to the deepest part of the path found.
 */
export function jsonPosition(text: string, path: readonly string[]): { line: number; column: number } {
  let i = skipSpace(text, 0);
  for (const segment of path) {
    const open = text[i];
    if (open === '{') {
      let found = -1;
      i = skipSpace(text, i + 1);
      while (text[i] === '"') {
        const keyEnd = skipValue(text, i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
        if (key === segment) found = valueStart;
        i = skipSpace(text, skipValue(text, valueStart));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
      if (found < 0) break;
      i = found;
    } else if (open === '[') {
      i = skipSpace(text, i + 1);
      for (let n = Number(segment); n > 0 && text[i] !== ']'; n--) {
        i = skipSpace(text, skipValue(text, i));
        if (text[i] === ',') i = skipSpace(text, i + 1);
      }
    } else break;
  }
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

const skipSpace = (text: string, i: number) => {
  while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  return i;
};

/** The index just after the JSON value starting at i (strings, objects and arrays without recursion). */
function skipValue(text: string, i: number): number {
  let depth = 0;
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (depth === 0 && (c === ',' || ' \t\r\n'.includes(c))) return i;
  }
  return i;
}
