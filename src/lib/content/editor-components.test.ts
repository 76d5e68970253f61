import { describe, expect, it } from 'vitest';

import { type ComponentName, componentProps, readAttributes } from './editor-components.ts';

const read = (name: ComponentName, attributes: Record<string, unknown>) => readAttributes(name, attributes);
const problems = (name: ComponentName, attributes: Record<string, unknown>) => {
  const result = readAttributes(name, attributes);
  return 'problems' in result ? result.problems : [];
};
const ID_HINT = '指标编号以小写英文字母开头，只用小写英文字母、数字和下划线，例如 food_pass_rate。';
const CHART_USAGE =
  '例如 <Chart kind="trend" id="…" />、<Chart kind="domains" />、<Chart kind="compare" ids="a,b" />、<Chart kind="custom" spec="图表.vl.json" title="…" />。';

describe('<Value>', () => {
  it('takes an id and, optionally, a four-digit period', () => {
    expect(read('Value', { id: 'food_pass_rate' })).toEqual({ name: 'Value', props: { id: 'food_pass_rate' } });
    expect(read('Value', { id: 'food_pass_rate', period: '2023' })).toEqual({
      name: 'Value',
      props: { id: 'food_pass_rate', period: '2023' },
    });
  });
  it('refuses a period that is not a four-digit year, and a malformed id', () => {
    expect(problems('Value', { id: 'food_pass_rate', period: '23' })).toEqual([
      { message: '<Value> 的属性 period“23”不是四位数的年份。', hint: '例如 period="2023"。' },
    ]);
    expect(problems('Value', { id: 'Food-Pass' })).toEqual([
      { message: '<Value> 的指标编号“Food-Pass”格式不对。', hint: ID_HINT },
    ]);
  });
  it('names a missing id, an unknown attribute (with those it has) and an unquoted value', () => {
    expect(problems('Value', {})).toEqual([{ message: '<Value> 缺少属性 id。' }]);
    expect(problems('Value', { id: 'food_pass_rate', ids: 'a' })).toEqual([
      { message: '<Value> 没有属性“ids”。', hint: '可用属性：id、period。' },
    ]);
    expect(problems('Value', { id: { type: 'mdxJsxAttributeValueExpression', value: '1' } })).toEqual([
      { message: '<Value> 的属性 id 要用英文双引号写，例如 id="…"。' },
    ]);
  });
  it('says an attribute is missing only when nothing else is wrong: it is often misspelt', () => {
    expect(problems('Value', { idd: 'food_pass_rate' })).toEqual([
      { message: '<Value> 没有属性“idd”。', hint: '可用属性：id、period。' },
    ]);
  });
});

describe('<Change> and <Target>', () => {
  it('take an id only', () => {
    expect(read('Change', { id: 'pm25' })).toEqual({ name: 'Change', props: { id: 'pm25' } });
    expect(read('Target', { id: 'pm25' })).toEqual({ name: 'Target', props: { id: 'pm25' } });
  });
  it('refuse a period and a missing id', () => {
    expect(problems('Change', { id: 'pm25', period: '2023' })).toEqual([
      { message: '<Change> 没有属性“period”。', hint: '可用属性：id。' },
    ]);
    expect(problems('Target', {})).toEqual([{ message: '<Target> 缺少属性 id。' }]);
    expect(problems('Target', { id: '1st' })).toEqual([
      { message: '<Target> 的指标编号“1st”格式不对。', hint: ID_HINT },
    ]);
  });
});

describe('<IndicatorTable>', () => {
  it('takes a domain or an id list (commas, full-width commas or spaces)', () => {
    expect(read('IndicatorTable', {})).toEqual({ name: 'IndicatorTable', props: {} });
    expect(read('IndicatorTable', { domain: '产品质量' })).toEqual({
      name: 'IndicatorTable',
      props: { domain: '产品质量' },
    });
    expect(read('IndicatorTable', { ids: 'pm25, food_pass_rate，qci  drug_pass_rate' })).toEqual({
      name: 'IndicatorTable',
      props: { ids: ['pm25', 'food_pass_rate', 'qci', 'drug_pass_rate'] },
    });
  });
  it('refuses an empty id list and points at the malformed id in a list', () => {
    expect(problems('IndicatorTable', { ids: ' , ' })).toEqual([
      {
        message: '<IndicatorTable> 的属性 ids 中没有指标编号。',
        hint: '写一个或多个指标编号，用逗号分隔，例如 ids="food_pass_rate,drug_pass_rate"。',
      },
    ]);
    expect(problems('IndicatorTable', { ids: 'pm25,PM10' })).toEqual([
      { message: '<IndicatorTable> 的指标编号“PM10”格式不对。', hint: ID_HINT },
    ]);
  });
});

describe('<StatusSummary>', () => {
  it('takes no attributes', () => {
    expect(read('StatusSummary', {})).toEqual({ name: 'StatusSummary', props: {} });
    expect(problems('StatusSummary', { domain: '产品质量' })).toEqual([
      { message: '<StatusSummary> 没有属性“domain”。', hint: '可用属性：（无）。' },
    ]);
  });
});

describe('<Chart>', () => {
  it('gives the chart each kind asks for', () => {
    expect(read('Chart', { kind: 'trend', id: 'pm25' })).toEqual({
      name: 'Chart',
      props: { kind: 'trend', id: 'pm25' },
    });
    expect(read('Chart', { kind: 'domains' })).toEqual({ name: 'Chart', props: { kind: 'domains' } });
    expect(read('Chart', { kind: 'compare', ids: 'pm25,qci' })).toEqual({
      name: 'Chart',
      props: { kind: 'compare', ids: ['pm25', 'qci'] },
    });
    expect(read('Chart', { kind: 'custom', spec: 'a.vl.json', title: '图' })).toEqual({
      name: 'Chart',
      props: { kind: 'custom', spec: 'a.vl.json', title: '图' },
    });
  });
  it('refuses an unknown kind, listing the kinds', () => {
    expect(problems('Chart', { kind: 'pie' })).toEqual([
      {
        message: '<Chart> 的 kind “pie”无效。',
        hint: `可选：trend（趋势）、domains（各领域完成情况）、compare（与上年对比）、custom（自定义 Vega-Lite）。${CHART_USAGE}`,
      },
    ]);
    expect(problems('Chart', {})).toEqual([{ message: '<Chart> 缺少属性 kind。' }]);
  });
  it('says what each kind needs', () => {
    expect(problems('Chart', { kind: 'trend' })).toEqual([
      { message: '<Chart kind="trend"> 需要 id 属性（指标编号）。', hint: CHART_USAGE },
    ]);
    expect(problems('Chart', { kind: 'compare', ids: ', ' })).toEqual([
      { message: '<Chart kind="compare"> 需要 ids 属性（逗号分隔的指标编号）。', hint: CHART_USAGE },
    ]);
    expect(problems('Chart', { kind: 'custom', spec: 'a.vl.json', title: '' })).toEqual([
      { message: '<Chart kind="custom"> 需要 spec（同目录下的 .vl.json 文件名）和 title 属性。', hint: CHART_USAGE },
    ]);
  });
  it('names a misspelt attribute rather than what the kind misses', () => {
    expect(problems('Chart', { kind: 'trend', idd: 'pm25' })).toEqual([
      { message: '<Chart> 没有属性“idd”。', hint: '可用属性：kind、id、ids、spec、title。' },
    ]);
  });
});

describe('<Breakdown>', () => {
  it('gives the breakdown’s chart, with the measure when one is asked for', () => {
    expect(read('Breakdown', { id: 'spot_checks' })).toEqual({
      name: 'Breakdown',
      props: { kind: 'breakdown', id: 'spot_checks' },
    });
    expect(read('Breakdown', { id: 'spot_checks', measure: 'batches' })).toEqual({
      name: 'Breakdown',
      props: { kind: 'breakdown', id: 'spot_checks', measure: 'batches' },
    });
  });
  it('words a malformed id or measure as a breakdown’s, not an indicator’s', () => {
    expect(problems('Breakdown', { id: '抽查' })).toEqual([
      {
        message: '<Breakdown> 的分类表编号“抽查”格式不对。',
        hint: '分类表编号是 data/breakdowns/ 中 .yaml 文件的文件名（不含 .yaml）：以小写英文字母开头，只用小写英文字母、数字和下划线，例如 id="spot_checks"。',
      },
    ]);
    expect(problems('Breakdown', { id: 'spot_checks', measure: 'Pass-Rate' })).toEqual([
      {
        message: '<Breakdown> 的 measure“Pass-Rate”格式不对。',
        hint: '写分类表 .yaml 中 measures 下某一项的 id，例如 measure="pass_rate"；不写时按该表的 chart 画图。',
      },
    ]);
    expect(problems('Breakdown', { measure: 'pass_rate' })).toEqual([{ message: '<Breakdown> 缺少属性 id。' }]);
  });
});

describe('componentProps (the components when they render)', () => {
  it('gives the props check accepts', () => {
    expect(componentProps('Chart', { kind: 'compare', ids: 'pm25 qci' })).toEqual({
      kind: 'compare',
      ids: ['pm25', 'qci'],
    });
  });
  it('stops the build with check’s message for what check refuses', () => {
    expect(() => componentProps('Value', { id: 'food_pass_rate', period: '二〇二三' })).toThrow(
      '<Value> 的属性 period“二〇二三”不是四位数的年份。',
    );
    expect(() => componentProps('StatusSummary', { edition: 2024 })).toThrow('<StatusSummary> 没有属性“edition”。');
  });
});
