import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { readBreakdownCsv, readBreakdownDefinition, readBreakdownTable } from '../../../tests/helpers/breakdowns.ts';
import { messagesFor } from '../site/messages/index.ts';
import { BREAKDOWN_COLUMNS, breakdownFields, breakdownRecords, breakdownRow } from './open-data.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const bySize = readBreakdownDefinition(ROOT, 'spot_checks_by_size');
const byCategory = readBreakdownDefinition(ROOT, 'spot_checks');

describe('breakdown records: one per edition × breakdown × category × measure', () => {
  it('carry every figure of the demo’s tables as written, each category with each measure', () => {
    for (const [definition, year] of [
      [byCategory, 2023],
      [byCategory, 2024],
      [bySize, 2024],
    ] as const) {
      const records = breakdownRecords(readBreakdownTable(ROOT, definition, year), year);
      const cells = readBreakdownCsv(ROOT, definition.id, year);
      expect(records).toHaveLength(cells.length * definition.measures.length);
      for (const row of cells)
        for (const measure of definition.measures) {
          const record = records.find((r) => r.category === row.category && r.measure === measure.id)!;
          expect(record, `${definition.id} ${year} ${row.category} ${measure.id}`).toMatchObject({
            edition: year,
            breakdown: definition.id,
            indicator: 'spot_check_pass_rate',
            dimension: definition.dimension,
            category_name: row.name,
            parent: row.parent || null,
            measure_name: measure.name,
            unit: measure.unit,
            note: row.note || null,
          });
          expect(record.value).toBe(row[measure.id] === '' ? null : Number(row[measure.id]));
        }
    }
  });

  it('keep a category’s id across years and give each edition its own name for it', () => {
    const name = (year: number) =>
      breakdownRecords(readBreakdownTable(ROOT, byCategory, year), year).find((r) => r.category === 'daily_goods')!
        .category_name;
    expect([name(2023), name(2024)]).toEqual(['日用及纺织品', '日用消费品']);
  });

  it('leave an unknown figure empty, never 0: “—”, an empty cell, the change a first year has not', () => {
    const table = readBreakdownTable(ROOT, byCategory, 2024);
    const fertilizer = table.rows.find((r) => r.category === 'fertilizer')!;
    const unknown = {
      ...table,
      rows: [{ ...fertilizer, values: { ...fertilizer.values, passed: null, pass_rate: null } }],
      total: null,
    };
    const records = breakdownRecords(unknown, 2024);
    expect(records.map((r) => [r.measure, r.value])).toEqual([
      ['enterprises', 9],
      ['batches', 14],
      ['passed', null],
      ['pass_rate', null],
      ['change', -4.7],
    ]);
    // 2023 is the first year of the table: its change column is empty in the file, and in every record.
    const changes2023 = breakdownRecords(readBreakdownTable(ROOT, byCategory, 2023), 2023).filter(
      (r) => r.measure === 'change',
    );
    expect(changes2023.length).toBeGreaterThan(0);
    expect(changes2023.every((r) => r.value === null)).toBe(true);
    // A zero reported is a zero: 0.0 points of change on last year.
    expect(breakdownRecords(table, 2024).find((r) => r.category === 'building' && r.measure === 'change')!.value).toBe(
      0,
    );
  });

  it('write the total row first, then the categories in the report’s order, and no indicator when none is linked', () => {
    const table = readBreakdownTable(ROOT, { ...bySize, indicator: null }, 2024);
    const records = breakdownRecords(table, 2024);
    expect([...new Set(records.map((r) => r.category))]).toEqual(['total', 'large', 'medium', 'small']);
    expect(records.every((r) => r.indicator === null)).toBe(true);
  });

  it('are rows of the download’s columns, which the data dictionary describes one for one', () => {
    const [record] = breakdownRecords(readBreakdownTable(ROOT, bySize, 2024), 2024);
    expect(breakdownRow(record!)).toEqual([
      2024,
      'spot_checks_by_size',
      bySize.title,
      'spot_check_pass_rate',
      '企业规模',
      'total',
      '合计',
      null,
      'enterprises',
      '抽查企业',
      103,
      '家',
      null,
    ]);
    expect(Object.keys(record!)).toEqual(BREAKDOWN_COLUMNS);
    expect(breakdownFields(messagesFor()).every((f) => f.title !== '' && f.description !== '')).toBe(true);
  });
});
