import { describe, expect, it } from 'vitest';

import { messagesFor } from '../site/messages/index.ts';
import { bibtex, gbt7714 } from './citation.ts';

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
