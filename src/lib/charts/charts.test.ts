import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it, vi } from 'vitest';

import { loadProject } from '../content/load-project.ts';
import type { Project } from '../model/project.ts';
import { ledgerSeries } from './chart-data.ts';
import { drawChartsInThreads, printChartWarning, renderChartSvg, useChartSvgCache } from './chart-svg.ts';
import { buildChart, editionChartRefs } from './charts.ts';
import { comparisonChart } from './compare-chart.ts';
import { customChart } from './custom-chart.ts';
import { PHONE_FONT_SIZE, phoneChart, printChart } from './phone-chart.ts';
import { textWidth } from './text-width.ts';
import { labelledYears, missingYears, trendChart, valueDomain } from './trend-chart.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const project = loadProject(ROOT);
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

/**
 * The demo with 制造业产品质量合格率 also reported for 2010, 2014 and 2015 (as baselines in the 2022
 * ledger): its 2024 trend has years 2010, 2014, 2015, 2021–2024 and the plan's 2025 target, unevenly
 * spaced, with 2011–2013 and 2016–2020 missing.
 */
function unevenYears(): Project {
  const file = 'data/ledgers/2022.csv';
  const ledger = readFileSync(join(ROOT, file), 'utf8').trimEnd();
  const rows = ['mfg_pass_rate,2010,91.5,,,,', 'mfg_pass_rate,2014,93.2,,,,', 'mfg_pass_rate,2015,93.9,,,,'];
  const uneven = loadProject(ROOT, { texts: new Map([[file, `${ledger}\n${rows.join('\n')}\n`]]) });
  expect(uneven.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return uneven;
}

const translateX = (attributes: string) => Number(/translate\(([-\d.]+),/.exec(attributes)![1]);
const pathPoints = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[1]));

/** What a rendered trend draws, read back from Vega's SVG: symbols' x, x-axis labels, and its lines. */
function drawn(svg: string) {
  const symbols = [...svg.matchAll(/<g class="mark-symbol role-mark[^"]*"[^>]*>(.*?)<\/g>/g)]
    .flatMap(([, inner]) => [...inner!.matchAll(/<path ([^>]*)>/g)].map(([, attributes]) => translateX(attributes!)))
    .sort((a, b) => a - b);
  const xLabels = /<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
  const labels = [...xLabels.matchAll(/<text ([^>]*)>([^<]*)<\/text>/g)].map(([, attributes, text]) => ({
    text: text!,
    x: translateX(attributes!),
    shown: !/opacity="0"/.test(attributes!),
  }));
  const lines = [...svg.matchAll(/<g class="mark-line role-mark[^"]*"[^>]*><path ([^>]*)\/><\/g>/g)].map(
    ([, attributes]) => ({
      stroke: /stroke="([^"]+)"/.exec(attributes!)?.[1],
      dashed: /stroke-dasharray/.test(attributes!),
      xs: pathPoints(/(?:^| )d="([^"]*)"/.exec(attributes!)?.[1] ?? ''),
    }),
  );
  return { symbols, labels, lines };
}

/** The x of each year on a rendered trend, from two drawn symbols of known years. */
const xOfYear = (x0: number, year0: number, perYear: number) => (year: number) => x0 + (year - year0) * perYear;

describe('trend charts on a time axis', () => {
  const uneven = unevenYears();
  const latest = uneven.editions.at(-1)!;
  const chart = trendChart(uneven, latest, 'mfg_pass_rate');
  const years = [2010, 2014, 2015, 2021, 2022, 2023, 2024, 2025];

  it.each([
    ['wide', chart.spec],
    ['phone', phoneChart(chart.spec)],
    ['print', printChart(chart.spec)],
  ])('place years by their distance in the %s design: points, the 2025 target and the year labels', async (_, spec) => {
    const warnings: string[] = [];
    const { symbols, labels } = drawn(await renderChartSvg(spec, (w) => warnings.push(w)));
    expect(warnings).toEqual([]);
    // One symbol per year with a value, and the plan's 2025 target after them.
    expect(symbols).toHaveLength(years.length);
    const perYear = (symbols.at(-1)! - symbols[0]!) / (years.at(-1)! - years[0]!);
    const at = xOfYear(symbols[0]!, years[0]!, perYear);
    symbols.forEach((x, i) => expect(Math.abs(x - at(years[i]!)), `${years[i]}`).toBeLessThan(1));
    // Evenly spaced, 2014→2015 and 2015→2021 would be the same distance.
    expect(symbols[3]! - symbols[2]!).toBeGreaterThan(5 * (symbols[2]! - symbols[1]!));
    // Labels: whole years without a separator, each under its year's point, none hidden or meeting another.
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) {
      expect(label.text).toMatch(/^\d{4}$/);
      expect(label.shown, label.text).toBe(true);
      expect(Math.abs(label.x - at(Number(label.text))), label.text).toBeLessThan(1);
    }
    const room = textWidth('2000', PHONE_FONT_SIZE);
    labels.slice(1).forEach((label, i) => expect(label.x - labels[i]!.x).toBeGreaterThan(room));
    expect(labels.map((l) => l.text)).toContain('2024');
  });

  it('break the line at years without a value, bridge them with a dotted line, and say so', async () => {
    expect(missingYears([2010, 2014, 2015, 2021, 2022])).toEqual([
      { from: 2011, to: 2013 },
      { from: 2016, to: 2020 },
    ]);
    const { symbols, lines } = drawn(await renderChartSvg(chart.spec, () => {}));
    const at = xOfYear(symbols[0]!, 2010, (symbols.at(-1)! - symbols[0]!) / (2025 - 2010));
    const missing = [2011, 2012, 2013, 2016, 2017, 2018, 2019, 2020].map(at);
    const value = '#0b4f9c';
    const solid = lines.filter((l) => l.stroke === value && !l.dashed && l.xs.length > 0);
    const dotted = lines.filter((l) => l.stroke === value && l.dashed);
    const targets = lines.filter((l) => l.stroke !== value && l.xs.length > 0);
    // The solid line and the target line run through no missing year …
    expect(solid.length).toBeGreaterThanOrEqual(2);
    expect(targets.length).toBeGreaterThan(0);
    for (const line of [...solid, ...targets])
      for (const x of missing) expect(x < Math.min(...line.xs) || x > Math.max(...line.xs)).toBe(true);
    // … the dotted one joins the first year to the latest across them.
    expect(dotted).toHaveLength(1);
    expect(Math.min(...dotted[0]!.xs)).toBeCloseTo(symbols[0]!, 0);
    expect(Math.max(...dotted[0]!.xs)).toBeCloseTo(at(2024), 0);
    expect(chart.summary).toContain('2011—2013年、2016—2020年没有数值，图中以点线跨过（点线上没有实际数值）。');
    // Without a missing year there is no dotted line, and nothing said of one.
    const whole = trendChart(project, project.editions.at(-1)!, 'mfg_pass_rate');
    expect(drawn(await renderChartSvg(whole.spec, () => {})).lines.some((l) => l.stroke === value && l.dashed)).toBe(
      false,
    );
    expect(whole.summary).not.toContain('点线');
  });

  it('put a plan’s future target year at its distance from the edition’s year', async () => {
    // The 2022 edition: values for 2021 and 2022, the “十四五” target for 2025.
    const edition = project.editions.find((e) => e.year === 2022)!;
    const { symbols, labels } = drawn(
      await renderChartSvg(trendChart(project, edition, 'good_air_days').spec, () => {}),
    );
    expect(labels.map((l) => l.text)).toEqual(['2021', '2022', '2025']);
    expect(symbols).toHaveLength(3);
    expect(symbols[2]! - symbols[1]!).toBeCloseTo(3 * (symbols[1]! - symbols[0]!), 0);
  });

  it('name the years that fit a phone, the latest first, then the target year and the first', () => {
    expect(labelledYears([2021, 2022, 2023, 2024, 2025], 2024)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(labelledYears(years, 2024)).toEqual([2010, 2015, 2021, 2024]);
    expect(labelledYears([2015, 2020, 2025], 2020)).toEqual([2015, 2020, 2025]);
    expect(labelledYears([], undefined)).toEqual([]);
  });
});

describe('chart warnings', () => {
  /** One chart of each kind a site draws (the latest edition's that has one), in the three designs of pages and PDF. */
  const designs = (root: string) => {
    const site = loadProject(root);
    const kinds = new Map(
      site.editions.flatMap((edition) =>
        editionChartRefs(site, edition).map((ref) => [ref.kind, buildChart(site, edition, ref, edition.customSpecs)]),
      ),
    );
    return [...kinds].flatMap(([kind, model]) =>
      [model.spec, phoneChart(model.spec), printChart(model.spec)].map((spec, i) => ({
        name: `${root} ${kind} ${['wide', 'phone', 'print'][i]}`,
        spec,
      })),
    );
  };

  it('the demo’s and 洞头区’s charts of every kind compile and draw in every design with no warning', async () => {
    const charts = [...designs(ROOT), ...designs(join(ROOT, 'examples', 'dongtou'))];
    expect(new Set(charts.map((c) => c.name.split(' ')[1]))).toEqual(
      new Set(['trend', 'compare', 'domains', 'custom', 'breakdown', 'breakdown-years']),
    );
    for (const { name, spec } of charts) {
      const said: string[] = [];
      // Vega-Lite's own logger, unfiltered: the site's specs must not even raise the warnings the renderer
      // knows to be false alarms.
      compile(spec, { logger: vega.logger(vega.Warn, undefined, (_, __, args) => said.push(args.join(' '))) });
      await renderChartSvg(spec, (warning) => said.push(warning));
      expect(said, name).toEqual([]);
    }
  });

  const rows: TopLevelSpec = {
    data: { values: [{ domain: '产品质量', count: 3 }] },
    mark: 'bar',
    encoding: { y: { field: 'domain', type: 'nominal' }, x: { field: 'count', type: 'quantitative' } },
  };

  it('hand Vega-Lite’s and Vega’s warnings to the caller, once each, instead of printing them', async () => {
    const print = vi.spyOn(console, 'warn');
    const said: string[] = [];
    await renderChartSvg({ ...rows, autosize: 'fit', width: 200 }, (w) => said.push(w));
    await renderChartSvg(
      {
        ...rows,
        encoding: {
          ...rows.encoding,
          x: { field: 'count', type: 'quantitative', scale: { type: 'log', domain: [0, 5] } },
        },
      },
      (w) => said.push(w),
    );
    expect(said).toEqual([
      'Dropping "fit-y" because spec has discrete height.',
      'Log scale domain includes zero: [0,5]',
    ]);
    expect(print).not.toHaveBeenCalled();
    print.mockRestore();
  });

  it('leave out Vega-Lite’s false alarm about the phone design of a chart with rows', async () => {
    const said: string[] = [];
    await renderChartSvg(phoneChart(rows), (w) => said.push(w));
    expect(said).toEqual([]);
  });

  it('are the same drawn in the build’s worker threads, as are the SVGs', async () => {
    const charts = [...designs(ROOT), { name: 'rows', spec: { ...rows, autosize: 'fit', width: 201 } as TopLevelSpec }];
    const here = await Promise.all(charts.map(({ spec }) => drawnWithWarnings(spec)));
    // Another renderer's cache: none of these charts is in the memo, so each is drawn again, in the threads.
    useChartSvgCache({ dir: mkdtempSync(join(tmpdir(), 'chart-threads-')), renderer: 'threads' });
    drawChartsInThreads(new URL('./chart-draw-worker.ts', import.meta.url).href);
    try {
      const threads = await Promise.all(charts.map(({ spec }) => drawnWithWarnings(spec)));
      expect(threads).toEqual(here);
      expect(here.at(-1)!.warnings).toEqual(['Dropping "fit-y" because spec has discrete height.']);
    } finally {
      drawChartsInThreads(undefined);
      useChartSvgCache(undefined);
    }
  });

  it('are printed in Chinese, naming the chart and its edition', () => {
    const print = vi.spyOn(console, 'warn').mockImplementation(() => {});
    printChartWarning('环境质量\u202e指标', 2024)('Infinite extent for field "a"');
    expect(print).toHaveBeenCalledTimes(1);
    const [line] = print.mock.calls[0]!;
    expect(line).toMatch(/^警告：2024年版图表“环境质量⟨U\+202E⟩指标”绘制时，图表程序提示图表可能与设计不同/);
    expect(line).toContain('Infinite extent for field "a"');
    print.mockRestore();
  });
});

async function drawnWithWarnings(spec: TopLevelSpec): Promise<{ svg: string; warnings: string[] }> {
  const warnings: string[] = [];
  const svg = await renderChartSvg(spec, (w) => warnings.push(w));
  return { svg, warnings };
}
