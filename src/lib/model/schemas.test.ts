import { describe, expect, it } from 'vitest';

import { joinChineseLines, siteSchema } from './schemas.ts';

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
