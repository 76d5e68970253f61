import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../content/load-project.ts';
import type { Project } from '../model/project.ts';
import { ledgerSeries } from './chart-data.ts';
import { comparisonChart } from './compare-chart.ts';
import { customChart } from './custom-chart.ts';
import { trendChart, valueDomain } from './trend-chart.ts';

const project = loadProject(join(import.meta.dirname, '..', '..', '..'));
const numericIds = project.publishedIndicators.filter((i) => i.type === 'number').map((i) => i.id);

/** The demo cut down to its first edition's own year: every series has one point, nothing to compare. */
function singleYear(): Project {
  const first = project.editions[0]!;
  return { ...project, editions: [{ ...first, allEntries: first.yearEntries }] };
}

type Layer = { encoding?: { y?: { scale?: { domain?: [number, number] } } } };
const yDomain = (spec: unknown) =>
  (spec as { layer: Layer[] }).layer.map((l) => l.encoding?.y?.scale?.domain).find(Boolean)!;

describe('trend charts', () => {
  it('keep every value and every target line inside the y axis', () => {
    for (const edition of project.editions) {
      for (const id of numericIds) {
        const chart = trendChart(project, edition, id);
        const [lo, hi] = yDomain(chart.spec);
        const points = (chart.spec as unknown as { data: { values: Array<{ value: number; target: number | null }> } })
          .data.values;
        for (const p of points) {
          expect(p.value, `${edition.year} ${id}`).toBeGreaterThanOrEqual(lo);
          expect(p.value).toBeLessThanOrEqual(hi);
          if (p.target !== null) expect(p.target, `${edition.year} ${id} target`).toBeLessThanOrEqual(hi);
          if (p.target !== null) expect(p.target).toBeGreaterThanOrEqual(lo);
        }
      }
    }
  });

  it('never get a zero-width axis, and a percentage axis stops at 100', () => {
    expect(
      valueDomain([
        { value: 100, target: 100 },
        { value: 100, target: null },
      ]),
    ).toEqual([95, 100]);
    expect(valueDomain([{ value: 3, target: null }])).toEqual([2, 4]);
    expect(valueDomain([{ value: 93.7, target: 96 }])).toEqual([93.7, 96]);
  });

  it('say so when there is only one year, instead of a change from a year to itself', () => {
    const single = singleYear();
    const chart = trendChart(single, single.editions[0]!, 'mfg_pass_rate');
    const year = single.editions[0]!.year;
    expect(chart.title).toBe(`制造业产品质量合格率（${year}年）`);
    expect(chart.summary).toContain('目前只有这一年的数据');
    expect(chart.summary).not.toContain('变为');
  });
});

describe('trend charts against a plan', () => {
  const latest = project.editions.at(-1)!;

  it('draw the plan’s end-year target at its year, inside the axis, and say where the plan stands', () => {
    const chart = trendChart(project, latest, 'good_air_days');
    expect(chart.summary).toContain('“十四五”目标≥95%，进度偏慢');
    expect(chart.summary).toContain('灰色底色为“十四五”规划期（图中2021—2025年）');
    expect(chart.table.rows.at(-1)).toEqual(['2025', '', '“十四五”目标≥95%', '进度偏慢']);
    const [, hi] = yDomain(chart.spec);
    expect(hi).toBeGreaterThanOrEqual(95);
  });

  it('do not draw a count summed over the plan against yearly values', () => {
    const chart = trendChart(project, latest, 'quality_award_firms');
    expect(chart.summary).not.toContain('“十四五”目标');
    expect(chart.table.rows.every((r) => r[0] !== '2025')).toBe(true);
  });
});

describe('comparison charts', () => {
  it('compare with the previous year when there is one', () => {
    const latest = project.editions.at(-1)!;
    const chart = comparisonChart(project, latest, ['mfg_pass_rate', 'food_pass_rate']);
    expect(chart.title).toBe(`${latest.year}年与${latest.year - 1}年主要指标对比`);
    expect(chart.summary).toMatch(/所列2项指标中，\d项2024年数值高于2023年/);
    expect(chart.table.columns).toEqual(['指标', '单位', '2023年', '2024年']);
  });

  it('claim no comparison, and draw none, without a previous year', () => {
    const single = singleYear();
    const edition = single.editions[0]!;
    const chart = comparisonChart(single, edition, ['mfg_pass_rate', 'food_pass_rate']);
    expect(chart.title).toBe(`${edition.year}年主要指标`);
    expect(chart.summary).toContain('无法与上年比较');
    expect(chart.summary).not.toContain('高于');
    expect(chart.table.columns).toEqual(['指标', '单位', `${edition.year}年`]);
    const periods = new Set(
      (chart.spec as unknown as { data: { values: Array<{ period: string }> } }).data.values.map((v) => v.period),
    );
    expect(periods).toEqual(new Set([`${edition.year}年`]));
  });
});

describe('custom charts', () => {
  const edition = project.editions.at(-1)!;
  const environment = project.publishedIndicators.filter((i) => i.domain === '环境质量' && i.unit === '%');
  const ref = { kind: 'custom' as const, spec: 'x.vl.json', title: '环境质量' };
  const line = {
    description: '环境质量领域百分比指标的历年变化',
    data: { name: 'ledger' },
    transform: [{ filter: "datum.domain === '环境质量' && datum.unit === '%'" }],
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: null },
      y: { field: 'value', type: 'quantitative', title: '单位：%' },
      color: { field: 'name', type: 'nominal', title: null },
    },
  };

  it('tabulate exactly the records they draw, after their filter, once each, with Chinese column names', () => {
    const chart = customChart(project, edition, ref, line);
    const all = ledgerSeries(project, edition);
    const drawn = all.filter((e) => e.indicator.domain === '环境质量' && e.indicator.unit === '%');
    expect(drawn.length).toBeLessThan(all.length);
    expect(chart.table.rows).toHaveLength(drawn.length);
    expect(chart.table.columns).toEqual(['年份', '数值（%）', '指标']);
    expect(new Set(chart.table.rows.map((r) => r[2]))).toEqual(new Set(environment.map((i) => i.name)));
    expect(chart.summary).toContain(`${drawn.length}条记录`);
  });

  it('tabulate an aggregate as it is drawn', () => {
    const mean = {
      data: { name: 'ledger' },
      mark: 'bar',
      encoding: {
        x: { field: 'domain', type: 'nominal' },
        y: { field: 'value', aggregate: 'mean', type: 'quantitative' },
      },
    };
    const chart = customChart(project, edition, ref, mean);
    expect(chart.table.columns).toEqual(['领域', '数值（平均值）']);
    expect(chart.table.rows.map((r) => r[0]).sort()).toEqual(
      [...new Set(project.publishedIndicators.map((i) => i.domain))].sort(),
    );
  });
});
