/**
 * The target grammar used in Chinese quality plans (e.g. 洞头区“十三五”表1):
 *   ≥96  >=96  >90  ≤0.42  <=25      comparison
 *   100                               bare number: reach it in the indicator's direction
 *   90-95  90~95  90～95               inclusive range
 *   稳步下降 / 持续提升 / 不低于上年     trend against the previous period
 *   建成 / 创成 / 完成上级下达任务        qualitative: the editor states the status
 */
export type Direction = 'higher' | 'lower';
export type Comparator = '>=' | '>' | '<=' | '<';

export type Target =
  | { kind: 'compare'; op: Comparator; value: number; text: string }
  | { kind: 'reach'; value: number; text: string }
  | { kind: 'range'; min: number; max: number; text: string }
  | { kind: 'trend'; change: 'down' | 'up' | 'hold'; text: string }
  | { kind: 'qualitative'; text: string };

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
const COMPARE = new RegExp(String.raw`^(≥|>=|＞=|≧|>|＞|≤|<=|＜=|≦|<|＜)\s*(${NUMBER})\s*%?$`);
const REACH = new RegExp(String.raw`^(${NUMBER})\s*%?$`);
const RANGE = new RegExp(String.raw`^(${NUMBER})\s*%?\s*(?:-|~|～|—|–|至|到)\s*(${NUMBER})\s*%?$`);

const OPERATORS: Record<string, Comparator> = {
  '≥': '>=',
  '>=': '>=',
  '＞=': '>=',
  '≧': '>=',
  '>': '>',
  '＞': '>',
  '≤': '<=',
  '<=': '<=',
  '＜=': '<=',
  '≦': '<=',
  '<': '<',
  '＜': '<',
};

/** Trend words: the value is compared with the previous period's. */
const TRENDS: Array<[RegExp, 'down' | 'up' | 'hold']> = [
  [/^(稳步|持续|逐步|逐年|明显)?(下降|降低|减少)$/, 'down'],
  [/^(稳步|持续|逐步|逐年|明显)?(提升|提高|上升|增长|增加)$/, 'up'],
  [/^(保持稳定|稳中有升|不低于上年|不低于上年度|只增不减|不下降)$/, 'hold'],
];

/** Words of a qualitative target; anything else non-numeric is rejected as a likely typo. */
const QUALITATIVE =
  /^(建成|创成|完成|通过|获批|实现|保持|争创|创建|达到|完成上级下达任务|完成上级下达目标|按时完成|全覆盖|零发生|无重大事故).*$/;

export type TargetParse = { ok: true; target: Target | null } | { ok: false; message: string };

export function parseTarget(raw: string): TargetParse {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '' || text === '/' || text === '—' || text === '-') return { ok: true, target: null };

  const compare = COMPARE.exec(text);
  if (compare) {
    return { ok: true, target: { kind: 'compare', op: OPERATORS[compare[1]!]!, value: Number(compare[2]), text } };
  }
  const reach = REACH.exec(text);
  if (reach) return { ok: true, target: { kind: 'reach', value: Number(reach[1]), text } };
  const range = RANGE.exec(text);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (a > b) return { ok: false, message: `目标区间“${text}”的下限大于上限。` };
    return { ok: true, target: { kind: 'range', min: a, max: b, text } };
  }
  for (const [pattern, change] of TRENDS) {
    if (pattern.test(text)) return { ok: true, target: { kind: 'trend', change, text } };
  }
  if (QUALITATIVE.test(text)) return { ok: true, target: { kind: 'qualitative', text } };
  return {
    ok: false,
    message: `无法识别的目标“${text}”。`,
  };
}

export const TARGET_GRAMMAR_HINT =
  '目标可写成 ≥96、≤0.42、>90、100（按指标方向达到）、90-95（区间）、稳步下降 / 持续提升 / 不低于上年（与上期比较），或 建成、创成、完成上级下达任务 等定性目标（需在 status 列填写完成情况）。';

/** Whether a numeric value meets a numeric or trend target; null when it cannot be judged. */
export function meetsTarget(
  target: Target,
  value: number,
  direction: Direction,
  previous: number | null,
): boolean | null {
  switch (target.kind) {
    case 'compare':
      return target.op === '>='
        ? value >= target.value
        : target.op === '>'
          ? value > target.value
          : target.op === '<='
            ? value <= target.value
            : value < target.value;
    case 'reach':
      return direction === 'higher' ? value >= target.value : value <= target.value;
    case 'range':
      return value >= target.min && value <= target.max;
    case 'trend':
      if (previous === null) return null;
      if (target.change === 'down') return value < previous;
      if (target.change === 'up') return value > previous;
      return direction === 'higher' ? value >= previous : value <= previous;
    case 'qualitative':
      return null;
  }
}
