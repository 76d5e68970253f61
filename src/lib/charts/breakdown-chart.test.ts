import { join } from 'node:path';

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';

import { readBreakdowns, withFigures } from '../../../tests/helpers/breakdowns.ts';
import { drawnSvg, meets, textProblems } from '../../../tests/helpers/svg-layout.ts';
import type { BreakdownTable } from '../ledger/breakdown.ts';
import { messagesFor } from '../site/messages/index.ts';
import { breakdownModel } from './breakdown-chart.ts';
import { renderChartSvg } from './chart-svg.ts';
import { COLOURS } from './chart-tokens.ts';
import { PHONE_CHART_WIDTH, phoneChart, printChart } from './phone-chart.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const m = messagesFor();
const demo = readBreakdowns(ROOT);
const spot = demo.get('spot_checks')!;
const [t2023, t2024] = [spot.get(2023)!, spot.get(2024)!];
const bySize = demo.get('spot_checks_by_size')!.get(2024)!;

/** The demo's bars, the total's line segments and the texts of a rendered breakdown. */
function drawn(svg: string) {
  const { width, rects, texts } = drawnSvg(svg);
  return {
    width,
    bars: rects.filter((r) => r.fill === COLOURS.value || r.fill === COLOURS.childValue),
    ticks: rects.filter((r) => r.fill === COLOURS.target),
    texts,
  };
}

/** Every text that leaves the chart, meets another text or the total's line, or sits on a bar it is not written in. */
function layoutProblems(svg: string): string[] {
  const { bars, ticks, texts } = drawn(svg);
  const problems = textProblems(svg);
  for (const t of texts) {
    // White figures are written inside their bar's end (which hides the total's line behind it); every other
    // text is off the bars and the line.
    const inside = t.fill === COLOURS.onBar;
    if (!inside && ticks.some((tick) => meets(t, tick))) problems.push(`“${t.text}” meets the total’s line`);
    if (inside && !bars.some((b) => t.left >= b.left && t.right <= b.right && t.top < b.bottom && b.top < t.bottom))
      problems.push(`“${t.text}” is white off its bar`);
    if (!inside && bars.some((b) => meets(t, b))) problems.push(`“${t.text}” is on a bar`);
  }
  return problems;
}

const render = (spec: TopLevelSpec) => renderChartSvg(spec, (w) => expect.fail(w));

/** The demo's names as the report prints them, by category id. */
const nameOf = (table: BreakdownTable, id: string) => table.rows.find((r) => r.category === id)!.name;

describe('breakdown charts', () => {
  const chart = breakdownModel(t2024, t2023, m);

  it('sort the 大类 by the chart measure, highest first, each with its 产品 under it, likewise sorted', async () => {
    const { texts, bars } = drawn(await render(chart.spec));
    const names = texts.filter((t) => t.fill === COLOURS.label && t.left < 20).map((t) => t.text);
    expect(names).toEqual(
      [
        'food_related',
        'electrical',
        'daily_goods',
        'machinery',
        'building',
        'agri_inputs',
        'farm_film',
        'fertilizer',
      ].map((id) => nameOf(t2024, id)),
    );
    // The bars in that order: the 大类's non-increasing, then the two 产品 (90.0 before 78.6).
    const widths = bars.map((b) => b.right - b.left);
    expect(widths.slice(0, 6)).toEqual([...widths.slice(0, 6)].sort((a, b) => b - a));
    expect(widths[6]).toBeGreaterThan(widths[7]!);
    // 产品 are indented and in the lighter blue.
    expect(bars.slice(6).every((b) => b.fill === COLOURS.childValue)).toBe(true);
    expect(texts.find((t) => t.text === nameOf(t2024, 'fertilizer'))!.left).toBeGreaterThan(
      texts.find((t) => t.text === nameOf(t2024, 'agri_inputs'))!.left,
    );
  });

  it('draw every bar from zero to its figure, and the total as a line at its value, labelled with it', async () => {
    const { bars, ticks, texts } = drawn(await render(chart.spec));
    const total = t2024.total!.values.pass_rate!;
    // From zero: every bar starts at the same x, and its length is proportional to its figure.
    const left = bars[0]!.left;
    const perUnit = (bars[0]!.right - left) / t2024.rows.find((r) => r.category === 'food_related')!.values.pass_rate!;
    expect(bars.every((b) => Math.abs(b.left - left) < 0.01)).toBe(true);
    expect(ticks).toHaveLength(t2024.rows.length);
    for (const tick of ticks) expect((tick.left + tick.right) / 2).toBeCloseTo(left + total * perUnit, 0);
    expect(texts.map((t) => t.text)).toContain(`合计${total.toFixed(1)}%`);
    // The figure written at each bar is the report's, with its unit.
    for (const row of t2024.rows) expect(texts.map((t) => t.text)).toContain(`${row.values.pass_rate!.toFixed(1)}%`);
  });

  it('draw no total line for a count or a share, whose total is a sum', async () => {
    for (const measure of ['batches', 'enterprise_share']) {
      const table = measure === 'batches' ? t2024 : bySize;
      const { ticks, texts } = drawn(await render(breakdownModel(table, null, m, measure).spec));
      expect(ticks, measure).toEqual([]);
      expect(texts.some((t) => t.text.startsWith(table.total!.name))).toBe(false);
    }
  });

  it('never draw an unknown figure as a zero bar: “—” at the category, which sorts last among its siblings', async () => {
    const unknown = withFigures(t2024, { electrical: { pass_rate: null }, farm_film: { pass_rate: null } });
    const model = breakdownModel(unknown, t2023, m);
    const { bars, texts } = drawn(await render(model.spec));
    expect(bars).toHaveLength(t2024.rows.length - 2);
    expect(bars.every((b) => b.right - b.left > 1)).toBe(true);
    const byY = texts.filter((t) => t.fill !== COLOURS.onBar).toSorted((a, b) => a.top - b.top);
    const after = (name: string) => byY[byY.findIndex((t) => t.text === name) + 1]?.text;
    expect(after(nameOf(t2024, 'electrical'))).toBe('—');
    expect(after(nameOf(t2024, 'farm_film'))).toBe('—');
    // The unknown 大类 is the last 大类; the unknown 产品 comes after its known sibling, under their 大类.
    const names = byY.filter((t) => t.left < 20 && t.text !== '—').map((t) => t.text);
    expect(names.indexOf(nameOf(t2024, 'electrical'))).toBe(names.length - 1);
    expect(names.indexOf(nameOf(t2024, 'farm_film'))).toBe(names.indexOf(nameOf(t2024, 'fertilizer')) + 1);
    expect(model.summary).toContain('电子电器、农业生产资料 › 农膜没有数值，图中以“—”表示。');
    // The table and CSV leave the cell empty, not 0.
    expect(model.table.rows.find((r) => r[0] === nameOf(t2024, 'electrical'))![4]).toBe('');
  });

  /** Tables that push the layout: long names, short bars beside the total's line, negative figures. */
  const hard = (): Array<[string, BreakdownTable, string | undefined]> => [
    ['2024', t2024, undefined],
    ['2023', t2023, undefined],
    ['by size', bySize, undefined],
    ['shares', bySize, 'enterprise_share'],
    ['counts', t2024, 'batches'],
    // +0.2 and +0.4 beside short bars, where the total's line (+0.5) would run through them; −3.1 and −4.7 to the left.
    ['changes', t2024, 'change'],
    [
      'long names',
      {
        ...t2024,
        rows: t2024.rows.map((r) =>
          r.category === 'building'
            ? { ...r, name: '建筑和装饰装修材料及其他住宅用建筑构配件、五金制品和防水保温材料' }
            : r,
        ),
      },
      undefined,
    ],
  ];

  it.each(hard())(
    'phone and print designs (%s): every text at least 12 px on the 320 px design, none meeting another, a line or a bar',
    async (_, table, measure) => {
      const model = breakdownModel(table, null, m, measure);
      for (const spec of [phoneChart(model.spec), printChart(model.spec)]) {
        const svg = await render(spec);
        const { width, texts } = drawn(svg);
        expect(width).toBe(PHONE_CHART_WIDTH);
        expect(texts.length).toBeGreaterThan(table.rows.length);
        for (const t of texts) expect(t.fontSize, t.text).toBeGreaterThanOrEqual(12);
        expect(layoutProblems(svg)).toEqual([]);
      }
      expect(layoutProblems(await render(model.spec))).toEqual([]);
    },
  );

  it('end a name too long for the phone’s width in “…”, whole in the table', async () => {
    const [, table] = hard().at(-1)!;
    const long = table.rows.find((r) => r.category === 'building')!.name;
    const model = breakdownModel(table, null, m);
    const { texts } = drawn(await render(phoneChart(model.spec)));
    const shown = texts.find((t) => long.startsWith(t.text.replace(/…$/, '')) && t.text.endsWith('…'));
    expect(shown).toBeDefined();
    expect(model.table.rows.map((r) => r[0])).toContain(long);
  });

  it('compile with no warning from Vega-Lite in any design', () => {
    for (const [name, table, measure] of hard()) {
      const said: string[] = [];
      const spec = breakdownModel(table, null, m, measure).spec;
      for (const design of [spec, phoneChart(spec), printChart(spec)])
        compile(design, { logger: vega.logger(vega.Warn, undefined, (_, __, args) => said.push(args.join(' '))) });
      expect(said, name).toEqual([]);
    }
  });

  it('tabulate every measure of every category, 产品 named with their 大类, then the total; unknown cells empty', () => {
    const model = breakdownModel(t2024, t2023, m);
    expect(model.table.columns).toEqual([
      '产品类别',
      '抽查企业（家）',
      '抽查批次（批次）',
      '合格批次（批次）',
      '合格率（%）',
      '合格率比上年（个百分点）',
      '说明',
    ]);
    // In the file's order, figures as the CSV has them.
    const measures = t2024.definition.measures.map((x) => x.id);
    expect(model.table.rows).toEqual([
      ...t2024.rows.map((r) => [
        r.parent ? `${nameOf(t2024, r.parent)} › ${r.name}` : r.name,
        ...measures.map((id) => r.values[id] ?? ''),
        r.note,
      ]),
      [t2024.total!.name, ...measures.map((id) => t2024.total!.values[id] ?? ''), ''],
    ]);
    expect(model.key).toBe('breakdown-spot_checks');
    expect(breakdownModel(t2024, t2023, m, 'batches').key).toBe('breakdown-spot_checks-batches');
    expect(model.title).toBe('2024年产品质量监督抽查结果（按产品类别）');
  });
});
