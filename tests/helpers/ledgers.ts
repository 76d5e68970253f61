/**
 * The editors' CSV files read directly with csv-parse — not through the project's loader — so tests can
 * check what the site shows against data the code under test did not produce.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';

export type CsvRow = Record<string, string>;

export function readCsv(root: string, file: string): CsvRow[] {
  return parse(readFileSync(join(root, file)), { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];
}

export interface Ledgers {
  /** data/indicators.csv by id. */
  catalogue: Map<string, CsvRow>;
  /** data/ledgers/<year>.csv of each given edition year. */
  byYear: Map<number, CsvRow[]>;
}

export function readLedgers(root: string, years: number[]): Ledgers {
  return {
    catalogue: new Map(readCsv(root, 'data/indicators.csv').map((r) => [r.id!, r])),
    byYear: new Map(years.map((y) => [y, readCsv(root, `data/ledgers/${y}.csv`)])),
  };
}

/**
 * The ledger row of an indicator and period as edition `year` published it (an edition is a vintage):
 * its own ledger first, else the ledger of the period's own edition, else the latest earlier edition's.
 */
export function publishedRow(ledgers: Ledgers, year: number, id: string, period: string): CsvRow | undefined {
  const earlier = [...ledgers.byYear.keys()].filter((y) => y <= year).sort((a, b) => b - a);
  for (const y of [year, Number(period), ...earlier]) {
    const row = ledgers.byYear.get(y)?.find((r) => r.indicator === id && r.period === period);
    if (row) return row;
  }
  return undefined;
}

/** A ledger cell as a number, or null when it is empty or text. */
export const numeric = (cell: string | undefined): number | null =>
  cell !== undefined && cell.trim() !== '' && !Number.isNaN(Number(cell)) ? Number(cell) : null;

/** Every period any of the ledgers reports, in order. */
export const allPeriods = (ledgers: Ledgers): string[] =>
  [...new Set([...ledgers.byYear.values()].flat().map((r) => r.period!))].sort();
