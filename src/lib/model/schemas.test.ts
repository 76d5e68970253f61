import { describe, expect, it } from 'vitest';

import { breakdownSchema, joinChineseLines, siteSchema } from './schemas.ts';

describe('joinChineseLines', () => {
  it('removes the spaces YAML folding puts between Chinese lines, keeps those between Latin words', () => {
    expect(joinChineseLines('总体平稳， 绿色建筑和生态\n环境持续向好； PM2.5 浓度 down to 25')).toBe(
      '总体平稳，绿色建筑和生态环境持续向好；PM2.5浓度down to 25',
    );
  });
});

describe('site settings that would break the build later', () => {
  const site = (patch: Record<string, unknown>) =>
    siteSchema.safeParse({
      region: '示例区',
      agency: '示例局',
      siteTitle: '白皮书',
      siteUrl: 'https://quality.example.gov.cn',
      dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      ...patch,
    });
  const messages = (patch: Record<string, unknown>) => site(patch).error?.issues.map((i) => i.message) ?? [];

  it('basePath is / or /a/b/, without dot segments, backslashes, //, query or fragment', () => {
    for (const basePath of ['/', '/baipishu/', '/zl/2024/', '/v1.2/', '/a_b-c/'])
      expect(messages({ basePath })).toEqual([]);
    for (const basePath of [
      '/../../',
      '/./',
      '/a/../',
      '/.hidden/',
      '//',
      '/a//b/',
      '/a\\b/',
      '/a?x/',
      '/a#b/',
      'a/',
      '/a',
    ])
      expect(messages({ basePath })).toEqual([expect.stringContaining('不能以 . 开头')]);
  });

  it('a web address carries no user name or password, space or backslash; the site’s own no query or fragment', () => {
    expect(messages({ siteUrl: 'https://user:secret@quality.example.gov.cn' })).toEqual([
      expect.stringContaining('用户名或密码'),
    ]);
    expect(messages({ dataLicence: { name: 'x', url: 'https://www.gov.cn@evil.example/' } })).toEqual([
      expect.stringContaining('用户名或密码'),
    ]);
    expect(messages({ siteUrl: 'https://quality.example.gov.cn\\@evil.example' })).toEqual([
      expect.stringContaining('反斜杠'),
    ]);
    expect(messages({ siteUrl: 'https://quality.example.gov.cn/?from=feed' })).toEqual([expect.stringContaining('?')]);
    expect(messages({ siteUrl: 'https://quality.example.gov.cn/#top' })).toEqual([expect.stringContaining('#')]);
    expect(messages({ dataLicence: { name: 'x', url: 'https://www.gov.cn/zhengce/content?id=1#2' } })).toEqual([]);
  });
});

describe('where the site is: siteUrl and basePath together', () => {
  const site = (patch: Record<string, unknown>) =>
    siteSchema.safeParse({
      region: '铜陵市',
      agency: '铜陵市市场监督管理局',
      siteTitle: '白皮书',
      dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      ...patch,
    });
  const basePath = (patch: Record<string, unknown>) => site(patch).data?.basePath;
  const issues = (patch: Record<string, unknown>) =>
    site(patch).error?.issues.map((i) => ({ path: i.path, message: i.message }));

  it('a path in siteUrl is the site’s folder: basePath may be left out, or say the same', () => {
    expect(basePath({ siteUrl: 'https://example.org/tongling' })).toBe('/tongling/');
    expect(basePath({ siteUrl: 'https://example.org/zl/tongling/' })).toBe('/zl/tongling/');
    expect(basePath({ siteUrl: 'https://example.org/tongling', basePath: '/tongling/' })).toBe('/tongling/');
  });

  it('a siteUrl without a path takes basePath as written, or the root', () => {
    expect(basePath({ siteUrl: 'https://example.org', basePath: '/tongling/' })).toBe('/tongling/');
    expect(basePath({ siteUrl: 'https://example.org/' })).toBe('/');
  });

  it('a basePath that disagrees with siteUrl’s path is an error on basePath, saying both ways out', () => {
    for (const written of ['/', '/tl/', '/tongling/sub/'])
      expect(issues({ siteUrl: 'https://example.org/tongling', basePath: written })).toEqual([
        {
          path: ['basePath'],
          message: expect.stringMatching(
            new RegExp(
              `^写的是 ${written}，与网址（siteUrl）https://example.org/tongling 的路径 /tongling/ 不一致。.*basePath 改为 /tongling/ 或删去这一行；.*网址只写 https://example.org。$`,
            ),
          ),
        },
      ]);
  });

  it('siteUrl’s path follows basePath’s rules', () => {
    expect(issues({ siteUrl: 'https://example.org/%E9%93%9C%E9%99%B5/' })).toEqual([
      { path: ['siteUrl'], message: expect.stringContaining('网址中的路径就是网站所在的子路径') },
    ]);
  });
});

describe('the demo mark', () => {
  const demo = (value?: unknown) =>
    siteSchema.safeParse({
      region: '铜陵市',
      agency: '铜陵市市场监督管理局',
      siteTitle: '白皮书',
      siteUrl: 'https://example.org',
      dataLicence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
      ...(value === undefined ? {} : { demo: value }),
    });

  it('true keeps meaning fictional; illustrative is a real place with made-up figures; none is no mark', () => {
    expect(demo(true).data?.demo).toBe('fictional');
    expect(demo('fictional').data?.demo).toBe('fictional');
    expect(demo('illustrative').data?.demo).toBe('illustrative');
    expect(demo(false).data?.demo).toBe(false);
    expect(demo().data?.demo).toBe(false);
  });

  it('anything else is refused with the words that may be written', () => {
    for (const value of ['illustrated', 'yes', 1])
      expect(demo(value).error?.issues).toEqual([
        expect.objectContaining({
          path: ['demo'],
          message: expect.stringContaining('illustrative（真实地区，数据为示例）'),
        }),
      ]);
  });
});

describe('a breakdown’s definition', () => {
  const measures = [
    { id: 'batches', name: '抽查批次', unit: '批次', sums: true },
    { id: 'passed', name: '合格批次', unit: '批次', sums: true },
    { id: 'pass_rate', name: '合格率', unit: '%', decimals: 1, rate: 'passed / batches' },
  ];
  const parse = (patch: Record<string, unknown>) =>
    breakdownSchema.safeParse({ title: '抽查结果', dimension: '产品类别', measures, ...patch });
  const issues = (patch: Record<string, unknown>) =>
    parse(patch).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('reads each measure’s role, and charts the first rate unless told', () => {
    const { data } = parse({});
    expect(data).toMatchObject({ indicator: null, chart: 'pass_rate', bands: [] });
    expect(data!.measures.map((m) => [m.id, m.decimals, m.role])).toEqual([
      ['batches', null, { kind: 'count', sums: true }],
      ['passed', null, { kind: 'count', sums: true }],
      ['pass_rate', 1, { kind: 'rate', numerator: 'passed', denominator: 'batches' }],
    ]);
    const plain = parse({
      measures: [
        { id: 'enterprises', name: '企业', unit: '家', sums: false },
        { id: 'share', name: '占比', unit: '%', share: 'enterprises' },
        { id: 'change', name: '比上年', unit: '家', change: 'enterprises' },
        { id: 'output', name: '产值', unit: '亿元' },
      ],
      chart: 'share',
    }).data!;
    expect(plain.chart).toBe('share');
    expect(plain.measures.map((m) => m.role)).toEqual([
      { kind: 'count', sums: false },
      { kind: 'share', of: 'enterprises' },
      { kind: 'change', of: 'enterprises' },
      { kind: 'value' },
    ]);
    expect(parse({ measures: [{ id: 'output', name: '产值', unit: '亿元' }] }).data!.chart).toBe('output');
  });

  it('every reference names another measure of the table, at its key', () => {
    expect(
      issues({ measures: [...measures, { id: 'change', name: '比上年', unit: '个百分点', change: 'pass_rat' }] }),
    ).toEqual([['measures.3.change', '“pass_rat”不是本表的量（measures 中的 id），是不是“pass_rate”？']]);
    expect(
      issues({ chart: 'passrate', measures: [...measures.slice(0, 2), { ...measures[2], rate: 'passed / xyz' }] }),
    ).toEqual([
      ['measures.2.rate', '“xyz”不是本表的量（measures 中的 id）；本表的量：batches、passed、pass_rate。'],
      ['chart', '“passrate”不是本表的量（measures 中的 id），是不是“pass_rate”？'],
    ]);
    expect(issues({ measures: [...measures, { id: 'share', name: '占比', unit: '%', share: 'share' }] })).toEqual([
      ['measures.3.share', '“share”不能引用它自己。'],
    ]);
    expect(
      issues({
        measures: [
          ...measures,
          { id: 'change', name: '比上年', unit: '个百分点', change: 'pass_rate' },
          { id: 'change2', name: '变化的变化', unit: '个百分点', change: 'change' },
        ],
      }),
    ).toEqual([['measures.4.change', '“change”本身是变化量，不能再算它的变化。']]);
  });

  it('ids are lowercase, unique and not a fixed column; one role per measure; rates are a / b; bands high to low', () => {
    expect(
      issues({
        measures: [
          { id: 'Batches', name: '抽查批次', unit: '批次' },
          { id: 'pass_rate', name: '合格率', unit: '%', rate: 'passed ÷ Batches' },
        ],
      }),
    ).toEqual([
      ['measures.0.id', '编号应以小写英文字母开头，只用小写英文字母、数字和下划线，例如 pass_rate。'],
      ['measures.1.rate', '应写成“分子 / 分母”两个量的编号，例如 passed / batches（合格批次 ÷ 抽查批次 × 100）。'],
    ]);
    expect(
      issues({
        measures: [
          { id: 'note', name: '说明', unit: '' },
          { id: 'passed', name: '合格批次', unit: '批次', sums: true, share: 'note' },
          { id: 'passed', name: '合格批次', unit: '批次' },
        ],
        bands: [90, 95, 100],
      }),
    ).toEqual([
      ['measures.0.id', '“note”是表格固定的列名，不能作为量的编号。'],
      ['measures.1.share', 'sums、rate、share、change 只能写一个（一列只有一种含义；都不写表示普通数值）。'],
      ['measures.2.id', '编号“passed”重复：每一列的编号只能出现一次。'],
      ['bands', '分档的界限应从高到低排列，例如 [100, 95, 90]。'],
    ]);
  });
});
