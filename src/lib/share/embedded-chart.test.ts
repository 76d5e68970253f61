import { describe, expect, it } from 'vitest';

import { embedChart } from './embedded-chart.ts';

const vegaSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="320" height="160" viewBox="0 0 320 160">' +
  '<defs><clipPath id="clip1"><rect width="10" height="10"/></clipPath></defs><g clip-path="url(#clip1)"><text>1</text></g></svg>';

describe('embedChart', () => {
  it('scales the chart to the width asked for, keeping its proportions', () => {
    const { svg, height } = embedChart(vegaSvg, 72, 400, 936, 'a');
    expect(height).toBe(468);
    expect(svg).toMatch(/^<svg x="72" y="400" width="936" height="468" viewBox="0 0 320 160" overflow="visible">/);
    expect(svg).not.toContain('class="marks"');
  });

  it('gives each chart its own ids, so two charts in one picture keep their own clip paths', () => {
    const two = embedChart(vegaSvg, 0, 0, 100, 'a').svg + embedChart(vegaSvg, 0, 0, 100, 'b').svg;
    expect(two).toContain('id="a-clip1"');
    expect(two).toContain('url(#b-clip1)');
    expect(two).not.toMatch(/id="clip1"|url\(#clip1\)/);
  });
});
