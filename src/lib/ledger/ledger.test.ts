import { describe, expect, it } from 'vitest';
import { parseCatalogue } from './indicator.ts';
import { parseLedger } from './ledger.ts';

const catalogueCsv = `id,name,domain,unit,direction,type,decimals,definition,source
food_pass_rate,食品抽检合格率,产品质量,%,higher,number,1,定义,区市场监管局
accident_rate,特种设备万台事故率,质量基础与安全,‱,lower,number,2,定义,区市场监管局
food_zone,省级食品安全示范区,质量基础与安全,,higher,text,,定义,区市场监管局
`;
const catalogue = new Map(parseCatalogue(catalogueCsv, 'data/indicators.csv').indicators.map((i) => [i.id, i]));
const ledger = (body: string) =>
  parseLedger(`indicator,period,value,target,status,note,source\r\n${body}`, 'data/ledgers/2024.csv', catalogue);

describe('parseCatalogue', () => {
  it('reads a valid catalogue', () => {
    const { indicators, problems } = parseCatalogue(catalogueCsv, 'data/indicators.csv');
    expect(problems).toEqual([]);
    expect(indicators.map((i) => i.id)).toEqual(['food_pass_rate', 'accident_rate', 'food_zone']);
    expect(indicators[1]).toMatchObject({ direction: 'lower', decimals: 2, unit: '‱' });
  });
  it('reports bad ids, duplicates, directions and decimals at their cell', () => {
    const { problems } = parseCatalogue(
      `${catalogueCsv}Food-Rate,名称,产品质量,%,up,number,x,,\nfood_pass_rate,重复,产品质量,%,higher,,,,\n`,
      'c.csv',
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [5, 1],
      [5, 5],
      [5, 7],
      [6, 1],
    ]);
    expect(problems[3]!.message).toContain('重复');
  });
  it('names missing columns', () => {
    const { problems } = parseCatalogue('id,name,domain\nx,y,z\n', 'c.csv');
    expect(problems[0]).toMatchObject({ line: 1, message: '表头缺少列：unit、direction。' });
  });
});

describe('parseLedger', () => {
  it('reads numbers, text values, empty values, targets and editor statuses', () => {
    const { rows, problems } = ledger(
      'food_pass_rate,2024,98.6,≥96,,,\r\naccident_rate,2024,,≤0.42,不再统计,,\r\nfood_zone,2024,已创成,创成,已完成,,\r\n',
    );
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.value, r.target?.kind, r.editorStatus])).toEqual([
      [98.6, 'compare', null],
      [null, 'compare', 'discontinued'],
      ['已创成', 'qualitative', 'met'],
    ]);
  });
  it('reports every problem of a file at once, each at its line and column', () => {
    const { problems } = ledger(
      [
        'food_pas_rate,2024,98,≥96,,,', // 2: unknown id (with a suggestion)
        'food_pass_rate,2024,98.6%,≥96,,,', // 3: value with %
        'food_pass_rate,2024,98,≥≥96,,,', // 4: duplicate + bad target
        'accident_rate,24,0.3,≤0.42,,,', // 5: bad period
        'accident_rate,2024,０.３,≤0.42,好,,', // 6: full-width digits + bad status
        'food_zone,2024,建设中,建成,,,', // 7: qualitative target without status (warning)
      ].join('\r\n'),
    );
    expect(problems.map((p) => [p.severity, p.line, p.column])).toEqual([
      ['error', 2, 1],
      ['error', 3, 3],
      ['error', 4, 1],
      ['error', 4, 4],
      ['error', 5, 2],
      ['error', 6, 3],
      ['error', 6, 5],
      ['warning', 7, 5],
    ]);
    expect(problems[0]!.hint).toContain('food_pass_rate');
    expect(problems[1]!.hint).toContain('去掉“%”');
    expect(problems[5]!.hint).toContain('全角');
  });
});
