import { describe, expect, it } from 'vitest';

import { firstPublished, previousEdition, quoted, restatements } from './vintage.ts';

/** Editions as year → the figures they publish, by period. */
const editions: Array<{ year: number; figures: Record<string, number> }> = [
  { year: 2022, figures: { '2021': 90, '2022': 91 } },
  { year: 2023, figures: { '2022': 91.5, '2023': 92 } },
  { year: 2025, figures: { '2025': 94 } },
  { year: 2026, figures: { '2024': 93.1, '2026': 95 } },
];
type Ed = (typeof editions)[number];
const find = (period: string) => (e: Ed) => e.figures[period];
const at = (year: number) => editions.find((e) => e.year === year)!;

describe('the previous edition', () => {
  it('is the latest edition before the year, consecutive or not', () => {
    expect(previousEdition(editions, 2023)?.year).toBe(2022);
    expect(previousEdition(editions, 2025)?.year).toBe(2023);
    expect(previousEdition(editions, 2024)?.year).toBe(2023);
    expect(previousEdition(editions, 2027)?.year).toBe(2026);
    expect(previousEdition(editions, 2022)).toBeUndefined();
  });

  it('does not depend on the order editions are listed in', () => {
    expect(previousEdition([...editions].reverse(), 2026)?.year).toBe(2025);
  });
});

describe('the vintage rule', () => {
  it('quotes the edition’s own figure first, then the period’s edition, then the latest earlier one', () => {
    expect(quoted(editions, at(2023), '2022', find('2022'))).toBe(91.5);
    expect(quoted(editions, at(2025), '2022', find('2022'))).toBe(91);
    expect(quoted(editions, at(2025), '2021', find('2021'))).toBe(90);
    // 2024 has no edition: as the latest earlier edition quoting it did, never a later one.
    expect(quoted(editions, at(2025), '2024', find('2024'))).toBeUndefined();
    expect(quoted(editions, at(2026), '2024', find('2024'))).toBe(93.1);
  });

  it('finds a figure as first published: its own edition’s, else the first edition reporting it', () => {
    expect(firstPublished(editions, '2022', find('2022'))).toEqual({ edition: at(2022), record: 91 });
    expect(firstPublished(editions, '2021', find('2021'))).toEqual({ edition: at(2022), record: 90 });
    expect(firstPublished(editions, '2024', find('2024'))).toEqual({ edition: at(2026), record: 93.1 });
    expect(firstPublished(editions, '2020', find('2020'))).toBeUndefined();
  });

  it('lists the later editions that restated a figure, in year order', () => {
    const restated = restatements(editions, at(2022), find('2022'), (v) => v !== 91);
    expect(restated).toEqual([{ edition: at(2023), record: 91.5 }]);
    expect(restatements(editions, at(2023), find('2022'), (v) => v !== 91.5)).toEqual([]);
  });
});
