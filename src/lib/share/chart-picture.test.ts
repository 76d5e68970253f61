import { describe, expect, it } from 'vitest';

import { renderChartSvg } from '../charts/chart-svg.ts';
import { BASE_CONFIG } from '../charts/chart-tokens.ts';
import { phoneChart } from '../charts/phone-chart.ts';
import { chartPicture, PICTURE_WIDTH } from './chart-picture.ts';

const spec = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  width: 420,
  height: 200,
  config: BASE_CONFIG,
  data: { values: [2021, 2022, 2023, 2024].map((year, i) => ({ year, value: 92.5 + i * 0.7 })) },
  mark: 'line',
  encoding: {
    x: { field: 'year', type: 'quantitative' },
    y: { field: 'value', type: 'quantitative', scale: { zero: false } },
  },
} as const;
const text = {
  title: '产品质量监督抽查合格率（2021—2024年）',
  summary: '产品质量监督抽查合格率从2021年的92.5%变为2024年的94.6%，2024年目标为≥94%，已完成。',
  kicker: '青岚区质量状况白皮书 · 2024年版',
  at: {
    source: '来源：青岚区市场监督管理局《青岚区2024年质量状况白皮书》',
    published: '青岚区质量状况白皮书 · 发布日期：2025年4月22日',
    link: 'https://quality.example.gov.cn/indicators/spot_check_pass_rate/',
    scan: '扫码阅读全文',
    note: '图中数字与白皮书正文、数据下载一致。',
  },
};
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
/** Every text's size as drawn: its font-size, times the chart's scale for the chart's own text (Vega writes px). */
function drawnSizes(picture: string): number[] {
  const sizes: number[] = [];
  const chart =
    /<svg x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="[\d.]+" viewBox="0 0 ([\d.]+) [\d.]+" overflow="visible">([\s\S]*?)<\/svg>/.exec(
      picture,
    );
  if (!chart) throw new Error('no chart in the picture');
  const scale = Number(chart[1]) / Number(chart[2]);
  const outside = picture.replace(chart[0], '');
  for (const m of outside.matchAll(/<text[^>]*font-size="([\d.]+)"/g)) sizes.push(Number(m[1]));
  for (const m of chart[3]!.matchAll(/font-size="([\d.]+)px"|font-size:\s*([\d.]+)px/g))
    sizes.push(Number(m[1] ?? m[2]) * scale);
  return sizes;
}

describe('chartPicture', () => {
  it.each(['tall', 'wide'] as const)(
    '%s: stands alone — kicker, title, summary, source, date, link and QR code',
    async (design) => {
      const chart = await renderChartSvg(design === 'tall' ? phoneChart(spec) : spec, () => {});
      const picture = chartPicture(text, chart, design);
      expect(picture).toMatch(new RegExp(`^<svg [^>]*width="${PICTURE_WIDTH[design]}"`));
      const words = texts(picture).join('');
      for (const part of [
        text.title,
        text.summary,
        text.kicker,
        text.at.source,
        text.at.published,
        text.at.link,
        text.at.note,
      ])
        expect(words.replace(/\s/g, '')).toContain(part.replace(/\s/g, ''));
      expect(picture).toContain('<title id="picture-title">产品质量监督抽查合格率（2021—2024年）</title>');
      expect(picture).toContain('shape-rendering="crispEdges"'); // the QR code
    },
  );

  it.each(['tall', 'wide'] as const)('%s: no text is drawn smaller than 24 px at full size', async (design) => {
    const chart = await renderChartSvg(design === 'tall' ? phoneChart(spec) : spec, () => {});
    const sizes = drawnSizes(chartPicture(text, chart, design));
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
  });

  it('keeps a wide picture 16:9 for a chart of ordinary proportions', async () => {
    const picture = chartPicture(text, await renderChartSvg(spec, () => {}), 'wide');
    expect(picture).toMatch(/^<svg [^>]*width="1920" height="1080"/);
  });
});
