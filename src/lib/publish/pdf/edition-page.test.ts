import { describe, expect, it } from 'vitest';

import { withPdfFacts } from './edition-page.ts';

const page = (slot: string) =>
  '<!DOCTYPE html><html lang="zh-CN"><body><script type="application/json">{"a":"<span data-pdf-facts></span>"}</script>' +
  `<p class="pdf-link"><a class="button" href="/editions/2024/white-paper-2024.pdf" download>下载 PDF 版</a>${slot}</p>` +
  '<figure data-chart><input checked></figure></body></html>';

describe('withPdfFacts', () => {
  it('writes the facts into the slot, drops its marker attribute and leaves every other byte as it was', () => {
    expect(withPdfFacts(page('<span class="pdf-facts" data-pdf-facts></span>'), '（PDF，617.9 KB，16 页）', 'x')).toBe(
      page('<span class="pdf-facts">（PDF，617.9 KB，16 页）</span>'),
    );
  });

  it('escapes the text and replaces whatever the slot held', () => {
    expect(withPdfFacts(page('<span data-pdf-facts>旧</span>'), '<b>&', 'x')).toBe(page('<span>&lt;b&gt;&amp;</span>'));
  });

  it('names the page when it has no slot', () => {
    expect(() => withPdfFacts(page(''), 'x', 'editions/2024/index.html')).toThrow(
      '版本页缺少填写 PDF 大小和页数的位置（data-pdf-facts）：editions/2024/index.html',
    );
  });
});
