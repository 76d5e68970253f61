import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../content/load-project.ts';
import { siteSchema } from '../model/schemas.ts';
import { messagesFor } from '../site/messages/index.ts';
import { bibtex, dataCitation, gbt7714, indicatorCitation } from './citation.ts';

const d = {
  author: '青岚区市场监督管理局',
  title: '制造业产品质量合格率（2021—2024年）',
  place: '示例市青岚区',
  published: '2025-04-22',
  url: 'https://quality.example.gov.cn/indicators/mfg_pass_rate/',
  key: 'mfg_pass_rate_2024',
  note: '100% 达标_率',
};

describe('citation', () => {
  it('formats GB/T 7714 for an online dataset', () => {
    expect(gbt7714(d, messagesFor())).toBe(
      '青岚区市场监督管理局. 制造业产品质量合格率（2021—2024年）[DS/OL]. 示例市青岚区: 青岚区市场监督管理局, 2025(2025-04-22)[引用日期]. https://quality.example.gov.cn/indicators/mfg_pass_rate/.',
    );
  });
  it('formats BibTeX with a corporate author and escaped specials', () => {
    const b = bibtex(d);
    expect(b).toMatch(/^@dataset\{mfg_pass_rate_2024,\n/);
    expect(b).toContain('author = {{青岚区市场监督管理局}}');
    expect(b).toContain('note = {100\\% 达标\\_率}');
    expect(b).toContain('url = {https://quality.example.gov.cn/indicators/mfg_pass_rate/}');
    expect(b.endsWith('\n}')).toBe(true);
  });
});

describe('the address a citation gives', () => {
  const demo = loadProject(join(import.meta.dirname, '..', '..', '..'));
  const at = (siteUrl: string, basePath?: string) => ({
    ...demo,
    site: siteSchema.parse({ ...demo.site, siteUrl, basePath }),
  });
  const indicator = demo.publishedIndicators[0]!;

  it('carries the site’s folder, whether siteUrl names it or basePath does', () => {
    for (const project of [at('https://example.org/tongling'), at('https://example.org', '/tongling/')]) {
      const series = indicatorCitation(project, indicator, ['2023', '2024'], messagesFor());
      expect(series.url).toBe(`https://example.org/tongling/indicators/${indicator.id}/`);
      expect(gbt7714(series, messagesFor())).toContain(` https://example.org/tongling/indicators/${indicator.id}/.`);
      expect(bibtex(series)).toContain(`url = {https://example.org/tongling/indicators/${indicator.id}/}`);
      expect(dataCitation(project, messagesFor()).url).toBe('https://example.org/tongling/data/');
    }
  });

  it('at the root, the address is the host’s', () => {
    expect(dataCitation(at('https://example.org/'), messagesFor()).url).toBe('https://example.org/data/');
  });
});
