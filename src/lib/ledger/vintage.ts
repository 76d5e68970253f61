/**
 * Editions over time, each rule once: which edition comes before a year, and whose figure for a period
 * an edition quotes (its vintage), first published, or restated later. Generic over what an edition is
 * (an evaluated edition, a ledger file) and what is looked up in it (an entry, a row), so the evaluation,
 * the downloads, the pages and the commands all ask the same question the same way.
 */

/** What the rules need of an edition: its year. */
export interface Dated {
  year: number;
}

/**
 * The previous edition of `year`: the latest edition before it among those given, whatever its status
 * (the build is given the published editions; check, new-edition, forms and import-chapter drafts too).
 * Editions need not be consecutive: after 2022 and 2024, 2024's previous edition is 2022.
 */
export function previousEdition<E extends Dated>(editions: readonly E[], year: number): E | undefined {
  let previous: E | undefined;
  for (const e of editions) if (e.year < year && (previous === undefined || e.year > previous.year)) previous = e;
  return previous;
}

/** A record and the edition that published it. */
export interface Published<E, R> {
  edition: E;
  record: R;
}

/**
 * The vintage rule: a period's record as `edition` published it, else as that period's own edition
 * did, else as the latest earlier edition did (e.g. a baseline year reported in the first edition).
 * An edition quotes its own figures first.
 */
export function quotedBy<E extends Dated, R>(
  editions: readonly E[],
  edition: E,
  period: string,
  find: (e: E) => R | undefined,
): Published<E, R> | undefined {
  const own = find(edition);
  if (own !== undefined) return { edition, record: own };
  const ofPeriod = editions.find((e) => String(e.year) === period);
  const fromPeriodEdition = ofPeriod && find(ofPeriod);
  if (fromPeriodEdition !== undefined) return { edition: ofPeriod!, record: fromPeriodEdition };
  const earlier = editions.filter((e) => e.year <= edition.year).sort((a, b) => b.year - a.year);
  for (const e of earlier) {
    const record = find(e);
    if (record !== undefined) return { edition: e, record };
  }
  return undefined;
}

/** The record `quotedBy` finds, without its edition. */
export const quoted = <E extends Dated, R>(
  editions: readonly E[],
  edition: E,
  period: string,
  find: (e: E) => R | undefined,
): R | undefined => quotedBy(editions, edition, period, find)?.record;

/**
 * A period's record as first published: as the first edition that can speak of the period (its own
 * edition, else the next one, which reports it as a baseline) quotes it by the vintage rule.
 */
export function firstPublished<E extends Dated, R>(
  editions: readonly E[],
  period: string,
  find: (e: E) => R | undefined,
): Published<E, R> | undefined {
  const from = editions.filter((e) => e.year >= Number(period)).sort((a, b) => a.year - b.year);
  for (const e of from) {
    const found = quotedBy(editions, e, period, find);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The later editions that restated a record `edition` published: those after it whose record for the
 * same period `differs`, in year order. The earlier edition keeps what it published (its vintage).
 */
export function restatements<E extends Dated, R>(
  editions: readonly E[],
  edition: E,
  find: (e: E) => R | undefined,
  differs: (record: R) => boolean,
): Array<Published<E, R>> {
  return editions
    .filter((e) => e.year > edition.year)
    .sort((a, b) => a.year - b.year)
    .flatMap((e) => {
      const record = find(e);
      return record !== undefined && differs(record) ? [{ edition: e, record }] : [];
    });
}
