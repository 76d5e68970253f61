import { describe, expect, it } from 'vitest';
import { parseCatalogue } from '../ledger/indicator.ts';
import { analyseChapterBody, splitFrontMatter } from './mdx-chapter.ts';

const catalogue = new Map(
  parseCatalogue(
    'id,name,domain,unit,direction\nfood_pass_rate,食品抽检合格率,产品质量,%,higher\n',
    'c.csv',
  ).indicators.map((i) => [i.id, i]),
);
const periods = new Set(['2023', '2024']);
const analyse = (body: string) =>
  analyseChapterBody(splitFrontMatter(`---\ntitle: 章\norder: 1\n---\n${body}`).body, 'ch.mdx', catalogue, periods);
const check = (body: string) => analyse(body).problems;

describe('checkChapterBody', () => {
  it('accepts the editor components', () => {
    expect(
      check(
        '合格率为<Value id="food_pass_rate" />，较上年<Change id="food_pass_rate"/>。\n\n<IndicatorTable domain="产品质量" />\n\n<StatusSummary />\n',
      ),
    ).toEqual([]);
  });
  it('locates unknown ids, components, attributes, domains and periods', () => {
    const problems = check(
      '第一段<Value id="food_pass" />。\n\n<Chartt />\n\n<Value ids="x" id="food_pass_rate" />\n\n<IndicatorTable domain="工程" />\n\n<Value id="food_pass_rate" period="2019" />\n',
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [5, 4],
      [7, 1],
      [9, 1],
      [11, 1],
      [13, 1],
    ]);
    expect(problems[0]!.hint).toContain('food_pass_rate');
    expect(problems[1]!.message).toContain('未知组件');
  });
  it('turns MDX syntax errors into a located Chinese message', () => {
    const [p] = check('指标小于 <5 的情况。\n');
    expect(p).toMatchObject({ line: 5, message: expect.stringContaining('MDX 语法错误') });
    expect(p!.column).toBeGreaterThan(0);
  });
});

describe('charts in chapters', () => {
  it('collects chart usages in order', () => {
    const { charts, problems } = analyse(
      '<Chart kind="trend" id="food_pass_rate" />\n\n<Chart kind="domains" />\n\n<Chart kind="compare" ids="food_pass_rate, food_pass_rate" />\n',
    );
    expect(problems).toEqual([]);
    expect(charts).toEqual([
      { kind: 'trend', id: 'food_pass_rate' },
      { kind: 'domains' },
      { kind: 'compare', ids: ['food_pass_rate', 'food_pass_rate'] },
    ]);
  });
  it('reports bad chart kinds and missing attributes at the tag', () => {
    const problems = check(
      '<Chart kind="pie" />\n\n<Chart kind="trend" />\n\n<Chart kind="custom" spec="x.vl.json" />\n',
    );
    expect(problems.map((p) => [p.line, p.message.slice(0, 8)])).toEqual([
      [5, '<Chart> '],
      [7, '<Chart k'],
      [9, '<Chart k'],
    ]);
  });
});

describe('custom charts', () => {
  it('accepts a spec the reader callback accepts and reports one it rejects at the tag', () => {
    const body = splitFrontMatter(
      '---\ntitle: 章\norder: 1\n---\n<Chart kind="custom" spec="ok.vl.json" title="图" />\n\n<Chart kind="custom" spec="bad.vl.json" title="图" />\n',
    ).body;
    const { charts, problems } = analyseChapterBody(body, 'ch.mdx', catalogue, periods, (name) =>
      name === 'ok.vl.json'
        ? { ok: true }
        : { ok: false, message: `${name} 的数据来源应为 "data": {"name": "ledger"}。` },
    );
    expect(charts).toEqual([{ kind: 'custom', spec: 'ok.vl.json', title: '图' }]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 7, column: 1, message: expect.stringContaining('bad.vl.json') }),
    ]);
  });
});
