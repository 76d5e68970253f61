import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { toExcelCsv } from './csv-export.ts';

const readBack = (csv: string) => parse(csv, { bom: true, relax_column_count: true }) as string[][];

describe('CSV downloads', () => {
  it('neutralise every text cell a spreadsheet would run as a formula, and only those', () => {
    const attacks = ['=HYPERLINK("http://evil.example","点我")', '+1+1', '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1'];
    const safe = ['已完成', '≥96', '—', '9.5%以上', 'a=b'];
    const [, row] = readBack(toExcelCsv(['a', 'b', 'c'], [[...attacks, ...safe, -2, 98.6]]));
    expect(row).toEqual([...attacks.map((a) => `'${a}`), ...safe, '-2', '98.6']);
  });

  it('write a BOM and CRLF for Excel, and empty cells for missing values', () => {
    const csv = toExcelCsv(['指标', '数值'], [['合格率', null]]);
    expect(csv.startsWith('\uFEFF指标,数值\r\n')).toBe(true);
    expect(readBack(csv)[1]).toEqual(['合格率', '']);
  });
});
