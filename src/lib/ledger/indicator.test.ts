import { describe, expect, it } from 'vitest';

import { domainsInOrder, inReadingOrder, parseCatalogue } from './indicator.ts';

/** A catalogue as an editor writes it: id, domain, group; the rest filled in. */
const catalogue = (rows: ReadonlyArray<readonly [string, string, string]>) => {
  const text = [
    'id,name,domain,group,unit,direction',
    ...rows.map(([id, domain, group]) => `${id},${id},${domain},${group},%,higher`),
  ];
  const { indicators, problems } = parseCatalogue(text.join('\n'), 'data/indicators.csv');
  expect(problems).toEqual([]);
  return indicators;
};
const ids = (indicators: ReadonlyArray<{ id: string }>) => indicators.map((i) => i.id);

describe('domains are in the order the catalogue first names them', () => {
  it('a plan opening with new domains shows them first, not after the usual ones', () => {
    const plan = catalogue([
      ['overall', '综合', ''],
      ['brands', '品牌建设', ''],
      ['mfg', '产品质量', ''],
      ['metrology', '质量基础', ''],
      ['pm25', '环境质量', ''],
      ['food', '产品质量', ''],
    ]);
    expect(domainsInOrder(plan)).toEqual(['综合', '品牌建设', '产品质量', '质量基础', '环境质量']);
  });
});

describe('rows in reading order', () => {
  const indicators = catalogue([
    ['a1', '产品质量', '抽查'],
    ['b1', '产品质量', '品牌'],
    ['x1', '产品质量', ''],
    ['a2', '产品质量', '抽查'],
    ['e1', '环境质量', ''],
    ['b2', '产品质量', '品牌'],
    ['e2', '环境质量', '品牌'],
    ['x2', '产品质量', ''],
  ]);
  const ordered = (items = indicators) => ids(inReadingOrder(indicators, items, (i) => i));

  it('gathers each group where the catalogue first names it, ungrouped rows first, each domain in one run', () => {
    expect(ordered()).toEqual(['x1', 'x2', 'a1', 'a2', 'b1', 'b2', 'e1', 'e2']);
  });

  it('keeps the catalogue order of a group’s members and of a domain’s runs, whatever order the items come in', () => {
    expect(ordered([...indicators].reverse())).toEqual(ordered());
    expect(ordered(indicators.filter((i) => i.domain === '环境质量'))).toEqual(['e1', 'e2']);
  });

  it('leaves a catalogue already in reading order as it is', () => {
    const plain = catalogue([
      ['p1', '产品质量', ''],
      ['p2', '产品质量', '抽查'],
      ['p3', '产品质量', '抽查'],
      ['s1', '服务质量', '标准'],
      ['s2', '服务质量', '品牌'],
    ]);
    expect(ids(inReadingOrder(plain, plain, (i) => i))).toEqual(ids(plain));
  });
});
