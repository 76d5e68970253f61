import { describe, expect, it } from 'vitest';

import type { BreakdownDefinition } from '../ledger/breakdown.ts';
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
    const at = (line: number, column: number, message: string, hint: string) => ({
      severity: 'error',
      file: 'ch.mdx',
      line,
      column,
      message,
      hint,
    });
    expect(problems).toEqual([
      at(5, 4, '<Value> 引用的指标编号“food_pass”不在指标目录 data/indicators.csv 中。', '是否应为“food_pass_rate”？'),
      at(
        7,
        1,
        '未知组件 <Chartt>。',
        '可用的组件：<Value>、<Change>、<Target>、<IndicatorTable>、<StatusSummary>、<Chart>、<Breakdown>。',
      ),
      at(9, 1, '<Value> 没有属性“ids”。', '可用属性：id、period。'),
      at(11, 1, '<IndicatorTable> 的领域“工程”不存在。', '现有领域：产品质量。'),
      at(13, 1, '<Value> 的年份“2019”在台账中没有数据。', '有数据的年份：2023、2024。'),
    ]);
  });
  it('locates what a component’s schema refuses, with its hint, and checks the catalogue once attributes are well-formed', () => {
    expect(
      check('<Value id="food_pass_rate" period="23" />\n\n<IndicatorTable ids="food_pass_rate,Nope" />\n'),
    ).toEqual([
      {
        severity: 'error',
        file: 'ch.mdx',
        line: 5,
        column: 1,
        message: '<Value> 的属性 period“23”不是四位数的年份。',
        hint: '例如 period="2023"。',
      },
      {
        severity: 'error',
        file: 'ch.mdx',
        line: 7,
        column: 1,
        message: '<IndicatorTable> 的指标编号“Nope”格式不对。',
        hint: '指标编号以小写英文字母开头，只用小写英文字母、数字和下划线，例如 food_pass_rate。',
      },
    ]);
  });
  it('refuses a figure of the edition’s year its ledger has no row for (it could not be shown), at the tag', () => {
    const body =
      '首段。\n\n合格率为<Value id="food_pass_rate" />，上年为<Value id="food_pass_rate" period="2023" />。\n';
    const withRow = analyseChapterBody(body, 'ch.mdx', catalogue, periods, undefined, {
      year: 2024,
      reported: new Set(['food_pass_rate']),
    });
    expect(withRow.problems).toEqual([]);
    const without = analyseChapterBody(body, 'ch.mdx', catalogue, periods, undefined, {
      year: 2024,
      reported: new Set(),
    });
    expect(without.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 5, '<Value id="food_pass_rate"> ：2024 年台账中没有该指标（页面无法显示）。'],
    ]);
    expect(without.problems[0]!.hint).toContain('data/ledgers/2024.csv');
  });

  describe('<Breakdown>', () => {
    const definition = (id: string, measures: string[]): BreakdownDefinition => ({
      id,
      title: '抽查',
      dimension: '产品类别',
      indicator: null,
      measures: measures.map((m) => ({ id: m, name: m, unit: '', decimals: null, role: { kind: 'value' } })),
      chart: measures[0]!,
      bands: [],
      file: `data/breakdowns/${id}.yaml`,
    });
    const breakdowns = {
      definitions: [definition('spot_checks', ['batches', 'pass_rate']), definition('by_size', ['share'])],
      year: 2024,
      tables: new Set(['spot_checks']),
    };
    const analyseWith = (body: string) =>
      analyseChapterBody(body, 'ch.mdx', catalogue, periods, undefined, undefined, breakdowns);

    it('is a chart of the chapter when its breakdown has a table for the year, its measure one of the table’s', () => {
      const { problems, charts } = analyseWith('首段。\n\n<Breakdown id="spot_checks" measure="batches" />\n');
      expect(problems).toEqual([]);
      expect(charts).toEqual([{ kind: 'breakdown', id: 'spot_checks', measure: 'batches' }]);
    });

    it('locates an unknown breakdown (with the closest id), a year without its table and an unknown measure', () => {
      const { problems, charts } = analyseWith(
        '首段。\n\n<Breakdown id="spot_check" />\n\n<Breakdown id="by_size" />\n\n<Breakdown id="spot_checks" measure="rate" />\n',
      );
      expect(problems.map((p) => [p.line, p.column, p.message, p.hint])).toEqual([
        [3, 1, '<Breakdown> 引用的分类表“spot_check”不存在。', '是否应为“spot_checks”？'],
        [
          5,
          1,
          '<Breakdown id="by_size"> ：2024 年没有这张分类表（页面无法显示）。',
          '在 data/breakdowns/by_size/2024.csv 中填写本年度的分类数据；本年度不发布这张表的，请删去这个组件。',
        ],
        [7, 1, '<Breakdown id="spot_checks"> 的 measure“rate”不是这张分类表的一项。', '可选：batches、pass_rate。'],
      ]);
      // None is drawn, so none has a CSV download.
      expect(charts).toEqual([]);
    });

    it('never reads a breakdown’s id as an indicator’s, and names the breakdowns there are when none is close', () => {
      const { problems } = analyseWith('<Breakdown id="food_pass_rate" />\n');
      expect(problems.map((p) => [p.message, p.hint])).toEqual([
        ['<Breakdown> 引用的分类表“food_pass_rate”不存在。', '现有分类表：spot_checks、by_size。'],
      ]);
      expect(check('<Breakdown id="spot_checks" />\n').map((p) => p.hint)).toEqual([
        '请先在 data/breakdowns/ 中新建 spot_checks.yaml 和 spot_checks/ 文件夹中的年度 CSV。',
      ]);
    });
  });

  it.each([
    ["{process.getBuiltinModule('child_process').execSync('id')}", '不能写 { } 表达式'],
    ['用户目录是 {process.env.HOME}。', '不能写 { } 表达式'],
    ['export const x = 1', 'import/export'],
    ['<script>alert(1)</script>', '<script>'],
    ['<img src="x" onerror="alert(1)" />', '<img>'],
    ['<a href="javascript:alert(1)">点此</a>', '<a>'],
    ['<iframe src="https://example.org"></iframe>', '<iframe>'],
    ['<sup class="x">1</sup>', '<sup>'],
    ['[点此](javascript:alert(1))', 'javascript:alert(1)'],
    ['[点此](JaVaScRiPt:alert(1))', 'JaVaScRiPt:alert(1)'],
    ['![图](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html'],
    ['[点此][x]\n\n[x]: vbscript:msgbox', 'vbscript:msgbox'],
    ['<Value id={"food_pass_rate"} />', '属性值只能写在引号里'],
  ])('refuses what would make a chapter a program: %s', (body, words) => {
    const problems = check(`首段。\n\n${body}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message + (problems[0]!.hint ?? '')).toContain(words);
    expect(problems[0]!.line).toBeGreaterThanOrEqual(7); // body starts after the 4 lines of front matter
  });

  it('accepts what a document needs: links in Markdown, comments, the allowed elements', () => {
    expect(
      check(
        '见[国家标准](https://std.samr.gov.cn/)、[上一期](../2023/)和[邮箱](mailto:a@b.cn)。{/* 编辑注释 */}\n\nPM2.5<sub>年均</sub>，10<sup>4</sup><br />\n',
      ),
    ).toEqual([]);
  });

  it('reports a spread alone: it may supply any attribute', () => {
    expect(check('<Value {...props} />\n')).toEqual([
      { severity: 'error', file: 'ch.mdx', line: 5, column: 1, message: '<Value> 中不支持 {…} 展开写法。' },
    ]);
  });
  it('turns MDX syntax errors into a located Chinese message', () => {
    // Line 5 of the file (after 4 lines of front matter), column 7: the “5” that cannot start a tag name.
    expect(check('指标小于 <5 的情况。\n')).toEqual([
      {
        severity: 'error',
        file: 'ch.mdx',
        line: 5,
        column: 7,
        message:
          'MDX 语法错误：Unexpected character `5` (U+0035) before name, expected a character that can start a name, such as a letter, `$`, or `_`',
        hint: '正文中的 < 和 { 会被当作组件或表达式；请写成“小于”或全角符号，组件标签要闭合，例如 <Value id="food_pass_rate" />。',
      },
    ]);
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
    const usage =
      '例如 <Chart kind="trend" id="…" />、<Chart kind="domains" />、<Chart kind="compare" ids="a,b" />、<Chart kind="custom" spec="图表.vl.json" title="…" />。';
    expect(problems).toEqual([
      {
        severity: 'error',
        file: 'ch.mdx',
        line: 5,
        column: 1,
        message: '<Chart> 的 kind “pie”无效。',
        hint: `可选：trend（趋势）、domains（各领域完成情况）、compare（与上年对比）、custom（自定义 Vega-Lite）。${usage}`,
      },
      {
        severity: 'error',
        file: 'ch.mdx',
        line: 7,
        column: 1,
        message: '<Chart kind="trend"> 需要 id 属性（指标编号）。',
        hint: usage,
      },
      {
        severity: 'error',
        file: 'ch.mdx',
        line: 9,
        column: 1,
        message: '<Chart kind="custom"> 需要 spec（同目录下的 .vl.json 文件名）和 title 属性。',
        hint: usage,
      },
    ]);
  });
});

describe('custom charts', () => {
  it('accepts a spec the reader callback accepts and reports one it rejects at the tag', () => {
    const body = splitFrontMatter(
      '---\ntitle: 章\norder: 1\n---\n<Chart kind="custom" spec="ok.vl.json" title="图" />\n\n<Chart kind="custom" spec="bad.vl.json" title="图" />\n',
    ).body;
    const { charts, problems } = analyseChapterBody(body, 'ch.mdx', catalogue, periods, {
      customSpec: (name) =>
        name === 'ok.vl.json'
          ? { ok: true }
          : { ok: false, message: `${name} 的数据来源应为 "data": {"name": "ledger"}。` },
      picture: () => null,
    });
    expect(charts).toEqual([{ kind: 'custom', spec: 'ok.vl.json', title: '图' }]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 7, column: 1, message: expect.stringContaining('bad.vl.json') }),
    ]);
  });
});
