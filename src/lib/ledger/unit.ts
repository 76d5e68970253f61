import { COUNT_WORDS, GENERAL_COUNT_WORD, MEASURE_WORDS, SAME_UNITS, UNIT_MULTIPLIERS } from './input-words.ts';

/**
 * Units as plans and editors write them after a number (`95%`, `5个`, `25微克/立方米`), and whether a
 * written unit agrees with the indicator's unit in the catalogue.
 */

const canonical = (unit: string) => unit.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
const SPELLING = new Map(SAME_UNITS.flatMap((names) => names.map((n) => [canonical(n), canonical(names[0]!)])));
const spelling = (unit: string) => SPELLING.get(canonical(unit)) ?? canonical(unit);

/** Whether a unit written next to a number means the indicator's unit. */
export function unitAgrees(written: string, indicatorUnit: string): boolean {
  const a = spelling(written);
  const b = spelling(indicatorUnit);
  if (a === b) return true;
  return (a === GENERAL_COUNT_WORD && COUNT_WORDS.has(b)) || (b === GENERAL_COUNT_WORD && COUNT_WORDS.has(a));
}

/** Whether a unit counts whole things (家, 项, 人次, 天 …), so a change in it is an increase, not a rise. */
export const countsThings = (unit: string): boolean => COUNT_WORDS.has(spelling(unit));

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const UNIT_WORDS = [...new Set([...COUNT_WORDS, ...MEASURE_WORDS, ...SAME_UNITS.flat()])]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const ONE_UNIT = `(?:${UNIT_MULTIPLIERS.join('|')})?(?:${UNIT_WORDS})`;
/** A unit the grammar knows, alone or per another (`件/万人`), at the start of a text. */
const KNOWN_UNIT = new RegExp(`^${ONE_UNIT}(?:/${ONE_UNIT})?`, 'i');

/**
 * The unit written at the start of `text` (what follows a target's number), or null: the longest of the
 * indicator's own unit in any spelling (`吨/万元GDP` is read whole) and a unit the grammar knows.
 */
export function leadingUnit(text: string, indicatorUnit: string): string | null {
  const own = (
    SAME_UNITS.find((names) => names.some((n) => spelling(n) === spelling(indicatorUnit))) ?? [indicatorUnit]
  )
    .filter((name) => name !== '' && canonical(text.slice(0, name.length)) === canonical(name))
    .map((name) => text.slice(0, name.length));
  const known = KNOWN_UNIT.exec(text)?.[0];
  const found = [...own, ...(known ? [known] : [])].sort((a, b) => b.length - a.length)[0];
  return found ?? null;
}

/** A number followed by an optional unit, as in a value cell (`97.5`, `97.5%`, `３个`). */
const NUMBER_WITH_UNIT = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*([^\d\s.+-][^\d]*)?$/;

/** Splits `97.5%` into 97.5 and `%`; null when the text is not a number with an optional unit. */
export function numberWithUnit(text: string): { value: number; unit: string | null } | null {
  const m = NUMBER_WITH_UNIT.exec(halfWidth(text.trim()));
  if (!m) return null;
  const unit = m[2]?.trim() || null;
  return { value: Number(m[1]), unit };
}

/** Full-width digits, letters and signs as typed with a Chinese input method, in half width; Chinese
 * punctuation (（）：，；) is kept as written. */
export function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．％＋－＝＜＞～]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
