import { LIST_SEPARATOR } from './input-words.ts';
import { hasTargetNumber, RESPECTIVELY, splitSubject } from './target.ts';

/**
 * One target cell as a plan prints it, split into the targets of the several indicators a ledger or
 * plan row names, in their order. Plans' tables put a domain's targets in one cell; the editor copies
 * the cell whole and lists the ids, and each indicator is judged by its own part:
 *
 *   县(区)100%开展;规模以上企业90%开展。                    clauses: 县(区)100%开展 | 规模以上企业90%开展
 *   排放量分别在2010年基础上下降15.2%、11.2%          分别: 在2010年基础上下降15.2% | 在2010年基础上下降11.2%
 *   主导或参与制修订国家标准10项以上、行业标准20项以上      each its own number: both pieces as printed
 *   使用登记率、定期检验率达到100%                       names sharing a target: 达到100% | 达到100%
 *
 * Clauses are cut at ；; and 。, then at commas (not inside a number: 1,500), then a clause is cut by
 * 分别, by 、 between pieces that each have a number, or by 、 between the names before a shared target.
 * Each clause may also stay whole (`县(区)100%开展;规模以上企业90%开展` for one indicator is one
 * target, with several numbers). The one way that gives as many targets as ids is taken.
 */
export type CellSplit =
  | { ok: true; parts: string[] }
  /** No way gives as many targets as ids; `parts` is the finest split, to show which part is which. */
  | { ok: false; problem: 'mismatch'; parts: string[] }
  /** Several ways give that many targets. */
  | { ok: false; problem: 'ambiguous'; ways: string[][] };

export function splitTargetCell(cell: string, count: number): CellSplit {
  if (count <= 1) return { ok: true, parts: [cell] };
  const fitting = unique(ways(cell, 0, count)).filter((way) => way.length === count);
  if (fitting.length === 1) return { ok: true, parts: fitting[0]! };
  return fitting.length > 1
    ? { ok: false, problem: 'ambiguous', ways: fitting }
    : { ok: false, problem: 'mismatch', parts: finest(cell, 0) };
}

const MARKS = /^[\s。；;，,、]+|[\s。；;，,、]+$/g;
const trimmed = (piece: string) => piece.replace(MARKS, '');
const several = (pieces: string[]): string[] | null => {
  const kept = pieces.map(trimmed).filter(Boolean);
  return kept.length > 1 ? kept : null;
};

/** Each level cuts a piece into smaller ones, or cannot (null). */
const LEVELS: Array<(piece: string) => string[] | null> = [
  (piece) => several(piece.split(/[；;。]/)),
  (piece) => several(piece.split(/(?<!\d)[，,]|[，,](?!\d)/)),
  (piece) => respectively(piece) ?? eachNumbered(piece) ?? sharedTarget(piece),
];
const LAST = LEVELS.length - 1;

/** The ways a piece can be cut from `level` down, none longer than `max` targets. */
function ways(piece: string, level: number, max: number): string[][] {
  const whole = [trimmed(piece)];
  if (level > LAST) return [whole];
  const cut = LEVELS[level]!(piece);
  if (!cut) return ways(piece, level + 1, max);
  if (level === LAST) return cut.length <= max ? [whole, cut] : [whole];
  let combined: string[][] = [[]];
  for (const options of cut.map((p) => ways(p, level + 1, max)))
    combined = combined.flatMap((way) =>
      options.filter((o) => way.length + o.length <= max).map((o) => [...way, ...o]),
    );
  return [whole, ...combined];
}

/** The piece cut as far as it goes. */
function finest(piece: string, level: number): string[] {
  if (level > LAST) return [trimmed(piece)];
  const cut = LEVELS[level]!(piece);
  if (!cut) return finest(piece, level + 1);
  return level === LAST ? cut : cut.flatMap((p) => finest(p, level + 1));
}

const unique = (all: string[][]) => [...new Map(all.map((way) => [JSON.stringify(way), way])).values()];

/** 分别 before a list of numbers: the words from the target's start to the list, with each number. */
function respectively(piece: string): string[] | null {
  if (!piece.includes(RESPECTIVELY)) return null;
  const text = trimmed(piece.replace(RESPECTIVELY, ''));
  const list = new RegExp(
    String.raw`(?:\d+(?:\.\d+)?[^\d${LIST_SEPARATOR}]*${LIST_SEPARATOR})+\d+(?:\.\d+)?[^\d${LIST_SEPARATOR}]*$`,
  ).exec(text);
  if (!list) return null;
  const shared = text.slice(0, list.index);
  const items = list[0].split(LIST_SEPARATOR);
  const { subject } = splitSubject(shared + items[0]);
  return items.map((item) => shared.slice(subject.length) + item);
}

/** 、 between pieces that each have their own number: 国家标准10项以上、行业标准20项以上. */
function eachNumbered(piece: string): string[] | null {
  const pieces = several(piece.split(LIST_SEPARATOR));
  return pieces && pieces.every(hasTargetNumber) ? pieces : null;
}

/** 、 between names that share the target after them: 使用登记率、定期检验率达到100%. */
function sharedTarget(piece: string): string[] | null {
  const { subject, target } = splitSubject(trimmed(piece));
  const names = subject.split(LIST_SEPARATOR);
  return names.length > 1 && names.every((n) => n.trim()) && target ? names.map(() => target) : null;
}
