import { describe, expect, it } from 'vitest';

import { textWidth } from '../charts/text-width.ts';
import { escapeXml, wrapText } from './svg-text.ts';

describe('wrapText', () => {
  it('breaks Chinese between characters and keeps every line within the width', () => {
    const text = '产品质量监督抽查合格率从2021年的92.5%变为2024年的94.6%，2024年目标为≥94%，已完成。';
    const lines = wrapText(text, 28, 400);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(text);
    for (const line of lines) expect(textWidth(line, 28)).toBeLessThanOrEqual(400);
  });

  it('never starts a line with closing punctuation nor ends one with an opening bracket', () => {
    for (let width = 200; width <= 600; width += 7) {
      const lines = wrapText('产品质量监督抽查合格率（2021—2024年），比上年提高0.5个百分点。', 46, width);
      for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。）、]/);
      for (const line of lines) expect(line).not.toMatch(/（$/);
    }
  });

  it('keeps a number whole and cuts an address wider than a line where it reaches the edge', () => {
    expect(wrapText('合格率94.6%', 24, 120)).toEqual(['合格率', '94.6%']);
    const address = 'https://quality.example.gov.cn/editions/2024/product-quality/#chart-breakdown-spot_checks';
    const lines = wrapText(address, 24, 300);
    expect(lines.join('')).toBe(address);
    for (const line of lines) expect(textWidth(line, 24)).toBeLessThanOrEqual(300);
  });

  it('keeps the line breaks an editor wrote', () => {
    expect(wrapText('第一行\n第二行', 24, 1000)).toEqual(['第一行', '第二行']);
  });
});

describe('escapeXml', () => {
  it('leaves no markup in text or attribute values', () => {
    expect(escapeXml(`<script>"x" & 'y'</script>`)).toBe(
      '&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });
});
