import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { Indicator } from '../ledger/indicator.ts';
import { loadProject } from './load-project.ts';
import { proseFigures, proseFigureWarnings, saysValue } from './prose-figures.ts';

const indicator = (id: string, name: string, unit: string): Indicator =>
  ({ id, name, unit, type: 'number', decimals: 1 }) as Indicator;
const MFG = indicator('mfg_pass_rate', '制造业产品质量合格率', '%');
const QCI = indicator('qci', '制造业质量竞争力指数', '');
const AWARDS = indicator('quality_award_firms', '区长质量奖获奖企业', '家');
const AIR = indicator('good_air_days', '空气质量优良天数比例', '%');
const CITY_AIR = indicator('city_good_air_days', '城市空气质量优良天数比例', '%');
const ALL = [MFG, QCI, AWARDS, AIR, CITY_AIR];

const found = (text: string) =>
  proseFigures(text, ALL, 2024).map((f) => ({
    id: f.indicator.id,
    period: f.period,
    value: f.value,
    written: f.written,
  }));

describe('figures written after an indicator’s name', () => {
  it('reads the figure, its unit and where it is', () => {
    const text = '全区制造业产品质量合格率为97.2%，较上年提高0.3个百分点。';
    const [figure] = proseFigures(text, ALL, 2024);
    expect(figure).toMatchObject({ period: '2024', value: 97.2, written: '97.2%' });
    expect(text.slice(figure!.start, figure!.end)).toBe('97.2%');
    expect(found('制造业产品质量合格率达到９７．２％')).toEqual([
      { id: 'mfg_pass_rate', period: '2024', value: 97.2, written: '９７．２％' },
    ]);
    expect(found('制造业质量竞争力指数（QCI）为90.6，连续两年')).toEqual([
      { id: 'qci', period: '2024', value: 90.6, written: '90.6' },
    ]);
    expect(found('区长质量奖获奖企业3家')).toEqual([
      { id: 'quality_award_firms', period: '2024', value: 3, written: '3家' },
    ]);
  });

  it('gives a figure to the longer of two names that hold one another, once', () => {
    expect(found('全市城市空气质量优良天数比例为90%，全区空气质量优良天数比例为93.9%')).toEqual([
      { id: 'city_good_air_days', period: '2024', value: 90, written: '90%' },
      { id: 'good_air_days', period: '2024', value: 93.9, written: '93.9%' },
    ]);
  });

  it('reads thousands separators and full-width digits, and no number cut short', () => {
    expect(found('区长质量奖获奖企业为1,234家')).toEqual([
      { id: 'quality_award_firms', period: '2024', value: 1234, written: '1,234家' },
    ]);
    expect(found('区长质量奖获奖企业为1,23家')).toEqual([]);
    const [fullWidth] = proseFigures('制造业产品质量合格率为９７．２％', ALL, 2024);
    expect(saysValue(fullWidth!, 97.6)).toBe(false); // one decimal written: ±0.05, not ±0.5
  });

  it('takes the year the sentence gives, not one it compares with', () => {
    expect(found('根据2023年发布的办法，全区制造业产品质量合格率为97.6%')[0]?.period).toBe('2024');
    expect(found('2023年为96.8%，今年制造业产品质量合格率为97.6%')[0]?.period).toBe('2024');
    expect(found('2023年，全区制造业产品质量合格率为96.8%，区长质量奖获奖企业3家').map((f) => f.period)).toEqual([
      '2023',
      '2023',
    ]);
    expect(found('制造业产品质量合格率为97.6%（比上年提高0.5个百分点）')).toHaveLength(1);
    expect(found('2023年，制造业产品质量合格率为96.8%。')[0]?.period).toBe('2023');
    expect(found('上年制造业产品质量合格率为96.8%。')[0]?.period).toBe('2023');
    expect(found('与2023年相比，制造业产品质量合格率为97.1%。')[0]?.period).toBe('2024');
    expect(found('2023年为96.8%。2024年制造业产品质量合格率为97.1%。')[0]?.period).toBe('2024');
  });

  it('leaves alone what is not the indicator’s level', () => {
    expect(found('制造业产品质量合格率较上年提高0.3个百分点')).toEqual([]);
    expect(found('制造业产品质量合格率提高3个百分点')).toEqual([]);
    expect(found('制造业产品质量合格率2023年为96.8%')).toEqual([]);
    expect(found('制造业质量竞争力指数为90分以上')).toEqual([]);
    expect(found('制造业产品质量合格率为97.1%（2023年）')).toEqual([]);
    expect(found('制造业产品质量合格率目标为96.5%以上')).toEqual([]);
    // What was added this year, not the running level the ledger holds; the level after it is read no more.
    expect(found('全年新增区长质量奖获奖企业3家，累计达到5家')).toEqual([]);
    expect(found('新培育区长质量奖获奖企业2家')).toEqual([]);
    expect(found('区长质量奖获奖企业达到5家，其中当年新增3家')).toMatchObject([{ value: 5, written: '5家' }]);
  });

  it('counts a rounded figure as the ledger’s, a different one not', () => {
    const [figure] = proseFigures('制造业产品质量合格率为97%', ALL, 2024);
    expect(saysValue(figure!, 97.1)).toBe(true);
    expect(saysValue(figure!, 97.6)).toBe(false);
    const [precise] = proseFigures('制造业产品质量合格率为97.2%', ALL, 2024);
    expect(saysValue(precise!, 97.1)).toBe(false);
    expect(saysValue(precise!, 97.2)).toBe(true);
  });
});

describe('npm run check on prose figures', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const read = (base: string) => (file: string) => readFileSync(join(base, file), 'utf8');

  it('raises no false alarm on the demo’s and 洞头区’s chapters', () => {
    for (const base of [root, join(root, 'examples', 'dongtou')]) {
      const project = loadProject(base, { includeDrafts: true });
      expect(proseFigureWarnings(project, read(base))).toEqual([]);
    }
  });

  it('warns at the figure, with both numbers and the <Value> to use', () => {
    const project = loadProject(root, { includeDrafts: true });
    const file = 'content/editions/2024/02-product-quality.mdx';
    const chapter = read(root)(file);
    const lines = chapter.split('\n');
    const line = lines.findIndex((l) => l.includes('<Value id="qci" />')) + 1;
    const edited = (f: string) =>
      f === file
        ? chapter
            .replace('<Value id="qci" />', '90.9')
            .replace(
              '基本药物抽检合格率恢复到',
              '2023年，制造业产品质量合格率为96.5%，食品安全抽检合格率为**98.0%**；基本药物抽检合格率恢复到',
            )
        : read(root)(f);
    const warnings = proseFigureWarnings(project, edited);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatchObject({
      severity: 'warning',
      file,
      line,
      column: lines[line - 1]!.indexOf('<Value id="qci" />') + 1,
      message: '正文写“制造业质量竞争力指数（QCI）”为 90.9，而台账 2024 年为 90.6分。',
    });
    expect(warnings[0]!.hint).toContain('<Value id="qci" />');
    // The sentence's own year is the one compared with; the ledger of 2023 says 96.8.
    expect(warnings[1]!.message).toBe('正文写“制造业产品质量合格率”为 96.5%，而台账 2023 年为 96.8%。');
    expect(warnings[1]!.hint).toContain('<Value id="mfg_pass_rate" period="2023" />');
    // A figure in bold is read too, and located inside the marks.
    expect(warnings[2]!.message).toBe('正文写“食品安全抽检合格率”为 98.0%，而台账 2023 年为 98.5%。');
    const boldLine = edited(file).split('\n')[warnings[2]!.line! - 1]!;
    expect(boldLine.slice(warnings[2]!.column! - 1)).toMatch(/^98\.0%\*\*；/);
  });
});
