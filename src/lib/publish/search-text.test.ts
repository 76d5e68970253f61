import { describe, expect, it } from 'vitest';

import { cleanExcerpt, pageForIndex, planSearch, stripSeparators, termWords } from './search-text.ts';

const Z = '\u200B';

describe('pageForIndex', () => {
  it('isolates Han characters in text but leaves tags and attributes alone', () => {
    const html = '<div title="质量">质量PM2.5</div><p>合格率 98%</p>';
    expect(pageForIndex(html)).toBe(
      `<div title="质量">${Z}质${Z}${Z}量${Z}PM2.5</div><p>${Z}合${Z}${Z}格${Z}${Z}率${Z} 98%</p>`,
    );
    expect(stripSeparators(pageForIndex(html))).toBe(html);
  });

  it('leaves out what Pagefind never indexes (scripts, styles) and drawings hidden from screen readers', () => {
    const chart = '<svg class="marks" aria-hidden="true" viewBox="0 0 9 9"><g><text>质量</text></g></svg>';
    const icon = '<svg viewBox="0 0 9 9"><title>图标</title></svg>';
    const html = `<p>正文</p><script>var a="质"</script><style>p{}</style><div>${chart}</div>${icon}`;
    expect(stripSeparators(pageForIndex(html))).toBe(`<p>正文</p><div></div>${icon}`);
  });

  it('ends a heading with a full stop, so that an excerpt does not run it into the text after it', () => {
    expect(stripSeparators(pageForIndex('<h2 id="a">品牌与标准</h2><div><h3>总体情况。</h3><p>正文</p></div>'))).toBe(
      '<h2 id="a">品牌与标准。</h2><div><h3>总体情况。</h3><p>正文</p></div>',
    );
  });

  it('ends each table cell, row and caption with punctuation, unless its text already ends in some', () => {
    const table =
      '<table><caption>指标</caption><tr><th>名称</th><td>−1.5</td><td><span>✗</span>未完成</td></tr>' +
      '<tr><td>结论。</td><td></td><td>97%</td>\n</tr></table><td>x</td ><p>正文</p>';
    expect(stripSeparators(pageForIndex(table))).toBe(
      '<table><caption>指标：</caption><tr><th>名称，</th><td>−1.5，</td><td><span>✗</span>未完成；</td></tr>' +
        '<tr><td>结论。</td><td></td><td>97%；</td>\n</tr></table><td>x，</td ><p>正文</p>',
    );
  });

  it('reads the parts of a cell marked data-search-aside in parentheses', () => {
    const row =
      '<tr><th><a href="/i/">合格率</a><span class="cell-note" data-search-aside>初步<span>统计</span></span></th>' +
      '<td>97%<span data-search-aside="">进度正常</span></td><td><span data-search-asides>x</span></td></tr>';
    expect(stripSeparators(pageForIndex(row))).toBe(
      '<tr><th><a href="/i/">合格率</a><span class="cell-note" data-search-aside>（初步<span>统计</span>）</span>，</th>' +
        '<td>97%<span data-search-aside="">（进度正常）</span>，</td><td><span data-search-asides>x</span>；</td></tr>',
    );
  });
});

describe('planSearch', () => {
  it('splits terms into characters for Chinese and keeps Latin and digits whole', () => {
    expect(termWords('PM2.5浓度')).toEqual(['PM2.5', '浓', '度']);
    expect(planSearch('食品安全 合格率')).toEqual({
      terms: ['食品安全', '合格率'],
      ranking: '食 品 安 全 合 格 率',
      phrases: ['"食 品 安 全"', '"合 格 率"'],
    });
    expect(planSearch('  QCI ')).toEqual({ terms: ['QCI'], ranking: 'QCI', phrases: ['"QCI"'] });
    expect(planSearch('质')).toMatchObject({ ranking: '质', phrases: ['"质"'] });
  });
  it('normalises full-width input and ideographic spaces', () => {
    expect(planSearch('ＰＭ２．５　浓度').terms).toEqual(['PM2.5', '浓度']);
  });
  it('plans nothing for blank input', () => {
    expect(planSearch('   ').phrases).toEqual([]);
  });
});

describe('cleanExcerpt', () => {
  it('merges per-character marks and removes separators', () => {
    expect(cleanExcerpt(`全区<mark>${Z}合${Z}</mark><mark>${Z}格${Z}</mark>率`)).toBe('全区<mark>合格</mark>率');
  });
});
