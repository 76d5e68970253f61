import { closestName } from '../site/closest-name.ts';
import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from '../site/problems.ts';
import { DIRECTION_WORDS, DOMAIN_ORDER, TYPE_WORDS } from './input-words.ts';
import type { Direction } from './target.ts';

const say = diagnostics().catalogue;

export interface Indicator {
  id: string;
  name: string;
  domain: string;
  /** A group inside the domain, as plans' tables have (产品质量 › 产品监督抽查合格率); '' when none. */
  group: string;
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
  'group',
  'unit',
  'direction',
  'type',
  'decimals',
  'definition',
  'source',
] as const;
const REQUIRED = ['id', 'name', 'domain', 'unit', 'direction'] as const;
const OPTIONAL = CATALOGUE_COLUMNS.filter((c) => !(REQUIRED as readonly string[]).includes(c));

export const ID_PATTERN = /^[a-z][a-z0-9_]*$/;

export function parseCatalogue(text: string, file: string): { indicators: Indicator[]; problems: Problem[] } {
  const table = parseCsvTable(text, file, REQUIRED, OPTIONAL);
  const problems = [...table.problems];
  const indicators: Indicator[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const c = row.cells;
    const { at } = row;
    const before = problems.length;
    if (!ID_PATTERN.test(c.id!)) {
      problems.push(error(file, c.id ? say.badId(c.id) : say.emptyId, at('id', say.idHint)));
    } else if (seen.has(c.id!)) {
      problems.push(error(file, say.duplicateId(c.id!, seen.get(c.id!)!), at('id')));
    } else seen.set(c.id!, row.line);
    if (!c.name) problems.push(error(file, say.emptyName, at('name')));
    if (!c.domain) problems.push(error(file, say.emptyDomain, at('domain', say.domainHint(DOMAIN_ORDER))));
    const direction = DIRECTION_WORDS[c.direction!];
    if (!direction) problems.push(error(file, say.badDirection(c.direction!), at('direction', say.directionHint)));
    const type = TYPE_WORDS[c.type ?? ''];
    if (!type) problems.push(error(file, say.badType(c.type!), at('type', say.typeHint)));
    const decimalsText = c.decimals ?? '';
    const decimals = decimalsText === '' ? null : Number(decimalsText);
    if (decimals !== null && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 6)) {
      problems.push(error(file, say.badDecimals(decimalsText), at('decimals', say.decimalsHint)));
    }
    if (problems.length > before) continue;
    indicators.push({
      id: c.id!,
      name: c.name!,
      domain: c.domain!,
      group: c.group?.trim() ?? '',
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

/** The located error for a row naming an indicator the catalogue lacks (ledgers, plans). */
export function unknownIdProblem(
  file: string,
  id: string,
  ids: Iterable<string>,
  at: (column: string, hint?: string) => { line: number; column: number; hint?: string },
): Problem {
  const { message, hint } = unknownIdMessage(id, ids);
  return error(file, message, at('indicator', hint));
}

export function unknownIdMessage(id: string, ids: Iterable<string>): { message: string; hint: string } {
  const suggestion = closestName(id, ids);
  return {
    message: say.unknownId(id),
    hint: suggestion ? say.didYouMean(suggestion) : say.addToCatalogue,
  };
}
