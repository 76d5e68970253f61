import { randomUUID } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { TopLevelSpec } from 'vega-lite';
import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/helpers/project-copy.ts';
import {
  chartKey,
  chartRendererIdentity,
  type ChartSvgCache,
  keepChart,
  readChart,
  type RenderedChart,
} from './chart-cache.ts';
import { renderChartSvg, useChartSvgCache } from './chart-svg.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/** A cache of its own, with a renderer identity of its own: the process-wide memo never answers for another test. */
const freshCache = (): ChartSvgCache => ({ dir: join(tempDir('wp-charts-'), 'not-yet-made'), renderer: randomUUID() });

const bars = (count: number, x: object = {}): TopLevelSpec => ({
  data: { values: [{ domain: '产品质量', count }] },
  mark: 'bar',
  encoding: { y: { field: 'domain', type: 'nominal' }, x: { field: 'count', type: 'quantitative', ...x } },
});
/** A chart Vega warns about: a log scale over zero. */
const warned = (count: number): TopLevelSpec => bars(count, { scale: { type: 'log', domain: [0, 5] } });

describe('the chart SVG cache', () => {
  afterEach(() => useChartSvgCache(undefined));

  it('keeps a render whole and reads it back; a missing or damaged entry is a miss', () => {
    const cache = freshCache();
    const chart: RenderedChart = { svg: '<svg class="marks"></svg>', warnings: ['Log scale domain includes zero'] };
    expect(readChart(cache, 'a')).toBeUndefined();
    keepChart(cache, 'a', chart);
    expect(readChart(cache, 'a')).toEqual(chart);
    expect(readdirSync(cache.dir)).toEqual(['a.json']);
    writeFileSync(join(cache.dir, 'a.json'), '{"svg": "<svg');
    expect(readChart(cache, 'a')).toBeUndefined();
    writeFileSync(join(cache.dir, 'a.json'), '{"svg": 1, "warnings": []}');
    expect(readChart(cache, 'a')).toBeUndefined();
  });

  it('costs a folder that cannot be made only a redraw', () => {
    // A file where the folder would be (tests run as root, to whom file modes are no obstacle).
    const cache = freshCache();
    writeFileSync(cache.dir, '');
    expect(() => keepChart(cache, 'a', { svg: '<svg/>', warnings: [] })).not.toThrow();
    expect(readChart(cache, 'a')).toBeUndefined();
  });

  it('keys a chart by its spec and the renderer', () => {
    expect(chartKey('r1', bars(1))).toBe(chartKey('r1', bars(1)));
    expect(chartKey('r1', bars(1))).not.toBe(chartKey('r1', bars(2)));
    expect(chartKey('r1', bars(1))).not.toBe(chartKey('r2', bars(1)));
  });

  it('knows the renderer by its files, the versions of the libraries it draws with and the time zone', () => {
    const code = tempDir('wp-renderer-');
    cpSync(join(ROOT, 'src', 'lib', 'charts'), join(code, 'src', 'lib', 'charts'), { recursive: true });
    for (const name of ['vega', 'vega-lite', 'vega-interpreter', 'vega-scenegraph'])
      cpSync(join(ROOT, 'node_modules', name, 'package.json'), join(code, 'node_modules', name, 'package.json'));
    const before = chartRendererIdentity(code);
    expect(chartRendererIdentity(code)).toBe(before);
    expect(before).toBe(chartRendererIdentity(ROOT));

    const widths = join(code, 'src', 'lib', 'charts', 'text-width.ts');
    writeFileSync(
      widths,
      readFileSync(widths, 'utf8').replace("if (ch === ' ') return 0.28;", "if (ch === ' ') return 0.3;"),
    );
    const afterWidths = chartRendererIdentity(code);
    expect(afterWidths).not.toBe(before);

    const vega = join(code, 'node_modules', 'vega', 'package.json');
    writeFileSync(vega, JSON.stringify({ ...JSON.parse(readFileSync(vega, 'utf8')), version: '99.0.0' }));
    const afterVega = chartRendererIdentity(code);
    expect(afterVega).not.toBe(afterWidths);

    const zone = process.env.TZ;
    process.env.TZ = zone === 'Asia/Shanghai' ? 'Europe/Berlin' : 'Asia/Shanghai';
    try {
      expect(chartRendererIdentity(code)).not.toBe(afterVega);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('draws a chart once and keeps it, with its warnings', async () => {
    const cache = freshCache();
    useChartSvgCache(cache);
    const said: string[] = [];
    const svg = await renderChartSvg(warned(3), (w) => said.push(w));
    expect(svg).toMatch(/^<svg[^>]* aria-hidden="true"/);
    expect(said).toEqual(['Log scale domain includes zero: [0,5]']);
    expect(readChart(cache, chartKey(cache.renderer, warned(3)))).toEqual({ svg, warnings: said });
  });

  it('serves a kept chart without drawing it, and says its warnings again', async () => {
    const cache = freshCache();
    useChartSvgCache(cache);
    // Not what Vega would draw: proof that the kept one is used.
    const kept: RenderedChart = {
      svg: '<svg class="marks" kept></svg>',
      warnings: ['Log scale domain includes zero: [0,5]'],
    };
    keepChart(cache, chartKey(cache.renderer, warned(4)), kept);
    const said: string[] = [];
    expect(await renderChartSvg(warned(4), (w) => said.push(w))).toBe(kept.svg);
    expect(said).toEqual(kept.warnings);
  });
});
