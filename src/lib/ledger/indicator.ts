import { closestName } from '../site/closest-name.ts';
import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from '../site/problems.ts';
import { DIRECTION_WORDS, TYPE_WORDS, USUAL_DOMAINS } from './input-words.ts';
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
    if (!c.domain) problems.push(error(file, say.emptyDomain, at('domain', say.domainHint(USUAL_DOMAINS))));
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

/**
 * The domains in the order the catalogue first names them: the editor orders domains by ordering the
 * catalogue's rows, as the plan's table does (a plan that opens with 综合 shows it first, not after the usual ones).
 */
export function domainsInOrder(indicators: readonly Indicator[]): string[] {
  return [...new Set(indicators.map((i) => i.domain))];
}

/**
 * `items` in the catalogue's reading order, so each domain and each group within it is one run of rows under
 * one heading: domains as `domainsInOrder`; within a domain, the indicators of no group first, then each group
 * where the catalogue first names it; within those, catalogue order. Ungrouped rows lead because a group's
 * heading row stands over every row up to the next heading: after a group they would read as its members.
 * `indicators` is the catalogue (or the published part of it) and holds every item's indicator.
 */
export function inReadingOrder<T>(
  indicators: readonly Indicator[],
  items: readonly T[],
  indicatorOf: (item: T) => Indicator,
): T[] {
  const domains = domainsInOrder(indicators);
  const groupsFirstAt = new Map<string, number>();
  const place = new Map<string, readonly [domain: number, group: number, row: number]>();
  indicators.forEach((indicator, n) => {
    const group = JSON.stringify([indicator.domain, indicator.group]);
    if (!groupsFirstAt.has(group)) groupsFirstAt.set(group, n);
    const groupPlace = indicator.group === '' ? -1 : groupsFirstAt.get(group)!;
    place.set(indicator.id, [domains.indexOf(indicator.domain), groupPlace, n]);
  });
  const placeOf = (item: T) => place.get(indicatorOf(item).id)!;
  return [...items].sort((a, b) => {
    const [pa, pb] = [placeOf(a), placeOf(b)];
    return pa[0] - pb[0] || pa[1] - pb[1] || pa[2] - pb[2];
  });
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
