import { parseCsvTable } from '../content/csv-table.ts';
import { error, type Problem } from '../content/problems.ts';
import type { Direction } from './target.ts';

export interface Indicator {
  id: string;
  name: string;
  domain: string;
  unit: string;
  direction: Direction;
  /** number: numeric values judged against targets; text: qualitative (已建成, 推进中…). */
  type: 'number' | 'text';
  /** Decimals shown; null means “as written in the ledger”. */
  decimals: number | null;
  definition: string;
  source: string;
}

export const CATALOGUE_COLUMNS = [
  'id',
  'name',
  'domain',
  'unit',
  'direction',
  'type',
  'decimals',
  'definition',
  'source',
] as const;
const REQUIRED = ['id', 'name', 'domain', 'unit', 'direction'] as const;
const OPTIONAL = CATALOGUE_COLUMNS.filter((c) => !(REQUIRED as readonly string[]).includes(c));

/** The usual domains of a quality white paper, in reading order; others follow in catalogue order. */
export const DOMAIN_ORDER = ['产品质量', '工程质量', '服务质量', '环境质量', '品牌与标准', '质量基础与安全'];

const DIRECTIONS: Record<string, Direction> = {
  higher: 'higher',
  lower: 'lower',
  越高越好: 'higher',
  越低越好: 'lower',
  正向: 'higher',
  逆向: 'lower',
};
const TYPES: Record<string, Indicator['type']> = {
  '': 'number',
  number: 'number',
  text: 'text',
  数值: 'number',
  定性: 'text',
};
export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

export function parseCatalogue(text: string, file: string): { indicators: Indicator[]; problems: Problem[] } {
  const table = parseCsvTable(text, file, REQUIRED, OPTIONAL);
  const problems = [...table.problems];
  const indicators: Indicator[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const c = row.cells;
    const at = (col: string, hint?: string) => ({ line: row.line, column: row.columnOf(col), hint });
    const before = problems.length;
    if (!ID_PATTERN.test(c.id!)) {
      problems.push(
        error(
          file,
          c.id ? `指标编号“${c.id}”不合规。` : '指标编号（id）为空。',
          at('id', '编号只能用小写英文字母、数字和下划线，并以字母开头，例如 food_pass_rate；发布后不要再改。'),
        ),
      );
    } else if (seen.has(c.id!)) {
      problems.push(error(file, `指标编号“${c.id}”重复（第 ${seen.get(c.id!)} 行已定义）。`, at('id')));
    } else seen.set(c.id!, row.line);
    if (!c.name) problems.push(error(file, '指标名称（name）为空。', at('name')));
    if (!c.domain) problems.push(error(file, '领域（domain）为空。', at('domain', `例如：${DOMAIN_ORDER.join('、')}`)));
    const direction = DIRECTIONS[c.direction!];
    if (!direction)
      problems.push(
        error(
          file,
          `方向（direction）“${c.direction}”无效。`,
          at('direction', '填写 higher（越高越好）或 lower（越低越好）。'),
        ),
      );
    const type = TYPES[c.type ?? ''];
    if (!type)
      problems.push(
        error(
          file,
          `类型（type）“${c.type}”无效。`,
          at('type', '填写 number（数值）或 text（定性），留空表示 number。'),
        ),
      );
    const decimalsText = c.decimals ?? '';
    const decimals = decimalsText === '' ? null : Number(decimalsText);
    if (decimals !== null && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6)) {
      problems.push(
        error(file, `小数位数（decimals）“${decimalsText}”无效。`, at('decimals', '填写 0 到 6 的整数，或留空。')),
      );
    }
    if (problems.length > before) continue;
    indicators.push({
      id: c.id!,
      name: c.name!,
      domain: c.domain!,
      unit: c.unit ?? '',
      direction: direction!,
      type: type!,
      decimals,
      definition: c.definition ?? '',
      source: c.source ?? '',
    });
  }
  return { indicators, problems };
}

export function domainsInOrder(indicators: readonly Indicator[]): string[] {
  const present = [...new Set(indicators.map((i) => i.domain))];
  return [...DOMAIN_ORDER.filter((d) => present.includes(d)), ...present.filter((d) => !DOMAIN_ORDER.includes(d))];
}

/** Closest known id, to suggest a fix for a typo. */
export function closestId(id: string, ids: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(id.length / 3)) + 1;
  for (const candidate of ids) {
    const d = candidate.startsWith(id) || id.startsWith(candidate) ? 1 : editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function unknownIdMessage(id: string, ids: Iterable<string>): { message: string; hint: string } {
  const suggestion = closestId(id, ids);
  return {
    message: `指标编号“${id}”不在指标目录 data/indicators.csv 中。`,
    hint: suggestion ? `是否应为“${suggestion}”？` : '先在 data/indicators.csv 中添加该指标，或检查拼写。',
  };
}
