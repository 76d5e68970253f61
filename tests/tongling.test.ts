/**
 * The second real example (examples/tongling, made with `npm run new-site`): 铜陵市's 《质量发展纲要
 * （2014—2020年）》 — 表1–表4, the 2014—2015 stage targets, every cell as printed, several indicators to a
 * cell — with a 2015 edition of illustrative figures. Its verdicts follow the plan's words; base targets
 * show their base and limit; the site says truly that the place is real and the figures are not; its
 * charts place 2010, 2014 and 2015 at their distances.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import type { Status } from '../src/lib/ledger/status.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { build } from './helpers/commands.ts';
import { pdftotext, squash } from './helpers/pdf.ts';
import { ROOT } from './helpers/project-copy.ts';
import { checkChartPictures, checkDigestFigures } from './helpers/share-pictures.ts';

const EXAMPLE = join(ROOT, 'examples', 'tongling');
/** Seed 004's target cells as printed (the grammar's table test holds every one, checked against the seed). */
const PRINTED = (
  parse(readFileSync(join(ROOT, 'tests/fixtures/seed-targets.csv')), { columns: true, comment: '#' }) as Array<{
    seed: string;
    cell: string;
  }>
)
  .filter((row) => row.seed === '004')
  .map((row) => row.cell);
const project = loadProject(EXAMPLE);
const [plan] = project.plans;
const edition = project.editions[0]!;
const status = (id: string) => edition.yearEntries.find((e) => e.indicator.id === id)?.status;

/** The illustrative 2015 figures against the 纲要's stage targets, as a reader of the plan would judge them. */
const VERDICTS: Record<string, Status> = {
  county_campaign_rate: 'met', // 100 vs 县(区)100%开展
  enterprise_campaign_rate: 'not_met', // 86 vs 规模以上企业90%开展
  adoption_rate: 'not_met', // 78.5 vs 80%以上
  gmp_gsp_rate: 'met', // 100 vs 100%通过GMP、GSP认证
  quality_projects: 'met', // 23 vs 19 × 1.15 = 21.85
  consumer_service_satisfaction: 'not_met', // 79.4 vs 80以上
  service_standard_projects: 'met', // 5 vs 建成5个以上
  so2_emission: 'met', // 3.30 vs 3.95 × 0.848 = 3.3496
  nox_emission: 'not_met', // 2.18 vs 2.40 × 0.888 = 2.1312
  cod_emission: 'met',
  nh3n_emission: 'met',
  china_quality_award: 'not_met', // 0 vs 1个
  national_standards: 'met', // 12 vs 国家标准10项以上
  industry_standards: 'not_met', // 18 vs 行业标准20项以上
  equipment_registration_rate: 'met',
  equipment_inspection_rate: 'not_met', // 99.2 vs 达到100%
  innovation_brand_firms: 'met', // 5 vs 建设5个…
};

describe('铜陵市, the second real example', () => {
  it('loads with no error and no warning: one plan with its 2014—2015 stage', () => {
    expect(project.problems).toEqual([]);
    expect(plan).toMatchObject({ start: 2014, end: 2020, stages: [{ start: 2014, end: 2015, name: '2014—2015年' }] });
    expect(edition).toMatchObject({ year: 2015, status: 'published' });
  });

  it('holds every target cell as the plan printed it, several indicators to a cell where it printed them so', () => {
    const rows: Array<{ indicator: string; target: string }> = parse(
      readFileSync(join(EXAMPLE, 'data/plans/2014-2020.csv')),
      { columns: true },
    );
    for (const row of rows) expect(PRINTED, row.target).toContain(row.target);
    const environment = rows.find((r) => r.indicator.startsWith('so2_emission、'))!;
    expect(environment.indicator.split('、')).toHaveLength(6);
    const so2 = plan!.targets.find((t) => t.indicator === 'so2_emission')!;
    expect([so2.kind, so2.year, so2.target.text, so2.target.cell]).toEqual([
      'base',
      2015,
      '在2010年基础上下降15.2%',
      environment.target,
    ]);
    expect(plan!.targets.find((t) => t.indicator === 'agri_pass_rate')).toMatchObject({ kind: 'stage', year: 2015 });
    // The 2020 targets are the plan's end targets, beside the stage's.
    expect(plan!.targets.filter((t) => t.year === 2020).map((t) => t.kind)).toEqual(['end', 'end']);
  });

  it('judges each stage target on its number, in the plan’s words', () => {
    for (const [id, expected] of Object.entries(VERDICTS)) expect([id, status(id)]).toEqual([id, expected]);
    const so2 = edition.yearEntries.find((e) => e.indicator.id === 'so2_emission')!;
    expect(so2.baseline).toMatchObject({ period: '2010', value: 3.95, op: '<=' });
    expect(so2.baseline!.limit).toBeCloseTo(3.3496, 9);
    // The 2020 target is already met in 2015 although no year before the plan has a value.
    const acceptance = edition.yearEntries.find((e) => e.indicator.id === 'key_project_acceptance')!;
    expect(acceptance.plan).toMatchObject({ progress: 'achieved' });
  });

  describe('npm run build -- --root examples/tongling', () => {
    let built: Awaited<ReturnType<typeof build>>;
    beforeAll(async () => {
      built = await build(EXAMPLE, { pdf: true });
    });
    const read = (file: string) => readFileSync(join(EXAMPLE, 'dist', file), 'utf8');

    it('makes a picture of every chart and a 一图读懂 of the edition: QR codes open their pages, figures are the data download’s', () => {
      const published = loadProject(EXAMPLE);
      checkChartPictures(join(EXAMPLE, 'dist'), published);
      checkDigestFigures(join(EXAMPLE, 'dist'), published);
    });

    it('builds with no problem at all', () => {
      expect(built.status, built.stderr).toBe(0);
      expect(built.stderr).toBe('');
    });

    it('says the place is real and the figures illustrative, on every page and the PDF cover', () => {
      const mark = '铜陵市是真实地区';
      for (const page of ['index.html', 'editions/2015/index.html', 'indicators/so2_emission/index.html'])
        expect(read(page), page).toContain(mark);
      for (const page of ['index.html', 'editions/2015/index.html']) expect(read(page), page).toContain('示例数值');
      expect(read('index.html')).not.toContain('虚构');
      expect(squash(pdftotext(join(EXAMPLE, 'dist/editions/2015/white-paper-2015.pdf'), ['-l', '1']))).toContain(
        squash(mark),
      );
    });

    it('says the 2015 edition closes the plan’s stage, naming the plan’s years once', () => {
      const html = read('editions/2015/index.html');
      expect(html).toContain('本年是规划2014—2015年阶段的最后一年');
      expect(html).not.toContain('（2014—2020年）》（2014—2020年）');
    });

    it('shows a base target’s base and limit in the table, on the indicator page, in the PDF and in the downloads', () => {
      const note = '基数：2010年3.95万吨，即不高于3.3496万吨';
      const row = /<tr id="indicator-so2_emission">([\s\S]*?)<\/tr>/.exec(read('editions/2015/index.html'))![1]!;
      expect(row).toContain(note);
      expect(read('indicators/so2_emission/index.html')).toContain(note);
      expect(squash(pdftotext(join(EXAMPLE, 'dist/editions/2015/white-paper-2015.pdf')))).toContain(squash(note));
      const records: Array<Record<string, string>> = parse(read('data/ledger-2015.csv'), { columns: true, bom: true });
      expect(records.find((r) => r.indicator === 'so2_emission' && r.period === '2015')).toMatchObject({
        base_period: '2010',
        base_value: '3.95',
        base_limit: '3.3496',
      });
      const targets: Array<Record<string, string>> = parse(read('data/plan-targets.csv'), { columns: true, bom: true });
      expect(targets.find((t) => t.indicator === 'nox_emission')!.target_as_printed).toContain('分别在2010年基础上');
    });

    describe('in a browser', () => {
      const site = useBrowserOnDist(() => join(EXAMPLE, 'dist'), '/tongling/');

      for (const width of [390, 1280])
        it(`places 2010, 2014 and 2015 on a trend chart by their distance (${width} px)`, async () => {
          const page = await site.browser.newPage({ viewport: { width, height: 900 } });
          await page.goto(`${site.origin}/tongling/editions/2015/environment-quality/`);
          const xs = await page.evaluate(() => {
            // The design shown at this width (the phone's or the desktop's; the other is hidden).
            const svg = [...document.querySelectorAll('figure svg')].find((s) => s.getBoundingClientRect().width > 0)!;
            const at = (year: string) => {
              const label = [...svg.querySelectorAll('text')].find((t) => t.textContent?.trim() === year)!;
              const box = label.getBoundingClientRect();
              return box.left + box.width / 2;
            };
            return ['2010', '2014', '2015'].map(at);
          });
          await page.close();
          const [x2010, x2014, x2015] = xs as [number, number, number];
          const perYear = x2015 - x2014;
          expect(perYear).toBeGreaterThan(5);
          expect(Math.abs(x2014 - x2010 - 4 * perYear)).toBeLessThan(1.5);
        });
    });
  });
});
