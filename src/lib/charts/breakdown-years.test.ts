import { join } from 'node:path';

import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';

import { readBreakdowns, withFigures } from '../../../tests/helpers/breakdowns.ts';
import { drawnSvg, textProblems } from '../../../tests/helpers/svg-layout.ts';
import type { BreakdownTable } from '../ledger/breakdown.ts';
import { messagesFor } from '../site/messages/index.ts';
import { breakdownYearsModel } from './breakdown-years.ts';
import { renderChartSvg } from './chart-svg.ts';
import { PHONE_CHART_WIDTH, phoneChart, printChart } from './phone-chart.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const m = messagesFor();
const spot = readBreakdowns(ROOT).get('spot_checks')!;
const [t2023, t2024] = [spot.get(2023)!, spot.get(2024)!];
const render = (spec: TopLevelSpec) => renderChartSvg(spec, (w) => expect.fail(w));

/** Each row of a rendered small multiple: its name, and its points (x, and y from the name's baseline). */
async function rows(spec: TopLevelSpec) {
  const { texts, symbols } = drawnSvg(await render(spec));
  // Names are the texts at the left edge; a row's points lie below its name and above the next one's.
  const names = texts.filter((t) => t.left < 30 && !/\d/.test(t.text)).toSorted((a, b) => a.baseline - b.baseline);
  return names.map((name, i) => ({
    name: name.text,
    points: symbols
      .filter((s) => s.y > name.baseline && s.y < (names[i + 1]?.baseline ?? Infinity))
      .map((s) => ({ x: s.x, offset: s.y - name.baseline })),
  }));
}

describe('a breakdown over the years', () => {
  const chart = breakdownYearsModel([t2024, t2023], m);

  it('draws one small line per category, in the latest table’s order and names, each year at one x for all', async () => {
    const drawn = await rows(chart.spec);
    const latestNames = t2024.rows.map((r) => r.name);
    expect(drawn.map((r) => r.name)).toEqual(latestNames);
    for (const row of drawn) expect(row.points, row.name).toHaveLength(2);
    const [x2023, x2024] = drawn[0]!.points.map((p) => p.x);
    for (const row of drawn) expect(row.points.map((p) => p.x)).toEqual([x2023, x2024]);
  });

  it('puts every row on the same scale: a figure sits at the same height in its row whatever the row', async () => {
    const drawn = await rows(chart.spec);
    const figures = t2024.rows.flatMap((r, i) =>
      [t2023, t2024].map((t, year) => ({
        value: t.rows.find((x) => x.category === r.category)!.values.pass_rate!,
        offset: drawn[i]!.points[year]!.offset,
      })),
    );
    // One straight line through (figure, height in row) for all: the highest figure highest in its row.
    const [lo, hi] = [
      figures.reduce((a, b) => (b.value < a.value ? b : a)),
      figures.reduce((a, b) => (b.value > a.value ? b : a)),
    ];
    expect(hi.offset).toBeLessThan(lo.offset);
    for (const f of figures) {
      const expected = lo.offset + ((f.value - lo.value) / (hi.value - lo.value)) * (hi.offset - lo.offset);
      expect(f.offset).toBeCloseTo(expected, 1);
    }
    expect(chart.summary).toBe(
      '8个类别2023—2024年的合格率，每个类别一行，各行刻度相同（78.6%—100.0%），两端标出首末年的数值。',
    );
  });

  it('writes the first and the last year’s figure of every row, and tabulates each category’s figures by year', async () => {
    const { texts } = drawnSvg(await render(chart.spec));
    const written = texts.map((t) => t.text);
    for (const t of [t2023, t2024])
      for (const r of t.rows) expect(written).toContain(`${r.values.pass_rate!.toFixed(1)}%`);
    expect(chart.table.columns).toEqual(['产品类别', '2023年', '2024年']);
    const name = (r: BreakdownTable['rows'][number]) =>
      r.parent ? `${t2024.rows.find((p) => p.category === r.parent)!.name} › ${r.name}` : r.name;
    expect(chart.table.rows).toEqual(
      t2024.rows.map((r) => [
        name(r),
        t2023.rows.find((x) => x.category === r.category)!.values.pass_rate!,
        r.values.pass_rate!,
      ]),
    );
    expect(chart.key).toBe('years-spot_checks');
    expect(chart.title).toBe('产品质量监督抽查结果（按产品类别）：各类别合格率（2023—2024年）');
  });

  it('keeps a category only an earlier year has, and gives none a row without any figure', () => {
    const dropped = { ...t2024, rows: t2024.rows.filter((r) => r.category !== 'machinery') };
    const unknown = withFigures(t2023, { electrical: { pass_rate: null } });
    const model = breakdownYearsModel([unknown, withFigures(dropped, { electrical: { pass_rate: null } })], m);
    const names = model.table.rows.map((r) => r[0]);
    expect(names).toContain(t2023.rows.find((r) => r.category === 'machinery')!.name);
    expect(names).not.toContain(t2024.rows.find((r) => r.category === 'electrical')!.name);
    expect(model.table.rows.find((r) => r[0] === '机械及安全防护')).toEqual(['机械及安全防护', 94.6, '']);
  });

  it.each([
    ['phone', phoneChart],
    ['print', printChart],
    ['wide', (spec: TopLevelSpec) => spec],
  ])('has text of at least 12 px in the %s design, no text meeting another', async (design, shape) => {
    const svg = await render(shape(chart.spec));
    const { width, texts } = drawnSvg(svg);
    if (design !== 'wide') expect(width).toBe(PHONE_CHART_WIDTH);
    expect(texts).toHaveLength(3 * t2024.rows.length);
    if (design !== 'wide') for (const t of texts) expect(t.fontSize, t.text).toBeGreaterThanOrEqual(12);
    expect(textProblems(svg)).toEqual([]);
  });
});
