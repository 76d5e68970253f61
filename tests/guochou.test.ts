/**
 * The third real example (examples/guochou, made with `npm run new-site`): 质检总局's 2016年第1批 产品质量国家监督抽查
 * (2015年12月至2016年2月) as 《中国质量报》 reported it on 2016-03-16, its breakdowns by product category and by size of
 * enterprise entered as published. The figures here are typed from that report, not read from the example's
 * files: the example holds them, checks clean, builds and shows them; and on a copy, the breakdown checks find
 * a rate, a sum and a 比上年 typed wrong, each at its cell.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { validateProject } from '../src/lib/commands/validate.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import type { BreakdownTable } from '../src/lib/ledger/breakdown.ts';
import { location } from '../src/lib/site/problems.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { chartLayoutProblems } from './helpers/chart-layout.ts';
import { build } from './helpers/commands.ts';
import { pdftotext, squash } from './helpers/pdf.ts';
import { copySite, editFile, ROOT } from './helpers/project-copy.ts';
import { checkChartPictures, checkDigestFigures } from './helpers/share-pictures.ts';

const EXAMPLE = join(ROOT, 'examples', 'guochou');

/**
 * 何可：《合格率比2015年提高0.9个百分点》，中国质量报 2016-03-16
 * (http://finance.china.com.cn/consume/20160316/3629850.shtml), figure by figure as printed: “上升了5.3个百分点”
 * is 5.3, “下降了7个百分点” is -7, a figure the report does not give is “—”. Each table is its rows in the
 * report's order, then the total.
 */
const REPORTED: Record<string, { measures: string[]; rows: Array<[string, ...string[]]> }> = {
  spot_checks: {
    measures: ['pass_rate', 'change', 'kinds', 'batches', 'failed', 'failure_rate'],
    rows: [
      ['日用及纺织品', '92.3', '5.3', '4', '—', '—', '—'],
      ['电子电器', '89.7', '10.4', '7', '—', '—', '—'],
      ['轻工产品', '96.1', '7.4', '7', '—', '—', '—'],
      ['建筑和装饰装修材料', '95.8', '3.6', '2', '—', '—', '—'],
      ['机械及安防', '87.2', '-7', '5', '—', '—', '—'],
      // 共抽查了全国1411家企业生产的1447批次产品，检出116批次不合格品，不合格产品检出率为8.0%，抽查合格率为92.0%
      ['合计', '92.0', '0.9', '25', '1447', '116', '8.0'],
    ],
  },
  spot_checks_by_size: {
    measures: ['pass_rate', 'change', 'enterprises', 'enterprise_share'],
    rows: [
      ['大型企业', '95.0', '-1.5', '—', '22'],
      ['中型企业', '91.0', '-3', '—', '20'],
      ['小型企业', '91.0', '2', '—', '58'],
      ['合计', '92.0', '0.9', '1411', '—'],
    ],
  },
};

/**
 * 2015's whole year, which the report's 比上年 compares with (质检总局's 2015年国家监督抽查产品质量状况, reported by
 * cbda.cn on 2016-02-26): 191 kinds, 25345 batches, 91.1%, 1.2 points below 2014; of the five 大类 sampled in
 * 2016's first batch, only two changes are given (日用及纺织品 −1.2, 电子电器 −7.3) and no pass rate.
 */
const YEAR_2015 = `category,name,parent,pass_rate,change,kinds,batches,failed,failure_rate,note,checked
total,合计,,91.1,-1.2,191,25345,—,—,,
daily_goods,日用及纺织品,,—,-1.2,—,—,—,—,,
electrical,电子电器,,—,-7.3,—,—,—,—,,
light_industry,轻工产品,,—,—,—,—,—,—,,
building,建筑和装饰装修材料,,—,—,—,—,—,—,,
machinery,机械及安防,,—,—,—,—,—,—,,
`;

/** A figure as the file wrote it (92.0 keeps its decimal, −7 none), “—” when unknown. */
const asWritten = (table: BreakdownTable, name: string, measure: string): string => {
  const row = [...table.rows, table.total!].find((r) => r.name === name)!;
  const value = row.values[measure];
  return value == null ? '—' : value.toFixed(row.writtenDecimals[measure]);
};

/** A reported figure as the page's table prints it: a change signed (+5.3, −7). */
const onPage = (figure: string, measure: string): string =>
  figure.startsWith('-') ? `−${figure.slice(1)}` : measure === 'change' && figure !== '—' ? `+${figure}` : figure;

const project = loadProject(EXAMPLE);
const edition = project.editions[0]!;
const table = (id: string) => edition.breakdowns.find((t) => t.definition.id === id)!;

describe('质检总局 2016年第1批 国家监督抽查, the third real example', () => {
  it('loads with no error and no warning: one published edition with both breakdowns', () => {
    expect(validateProject(EXAMPLE).problems).toEqual([]);
    expect(edition).toMatchObject({ year: 2016, status: 'published' });
    expect(edition.breakdowns.map((t) => t.definition.id)).toEqual(Object.keys(REPORTED));
  });

  it('holds each breakdown as the report printed it, category by category and figure by figure', () => {
    for (const [id, reported] of Object.entries(REPORTED)) {
      const t = table(id);
      expect(t.definition.measures.map((m) => m.id)).toEqual(reported.measures);
      expect(
        [...t.rows, t.total!].map((r) => [r.name, ...reported.measures.map((m) => asWritten(t, r.name, m))]),
      ).toEqual(reported.rows);
    }
  });

  it('has the report’s pass rate, enterprises and batches in the ledger, and 2015’s whole year to compare with', () => {
    const entry = (id: string) => edition.yearEntries.find((e) => e.indicator.id === id)!;
    expect(entry('national_pass_rate')).toMatchObject({ value: 92.0, previous: 91.1 });
    expect(entry('national_pass_rate').change).toBeCloseTo(0.9, 9);
    expect([entry('spot_check_enterprises').value, entry('spot_check_batches').value]).toEqual([1411, 1447]);
  });

  it('finds a rate, a sum and a 比上年 typed wrong, each at its cell of the CSV', () => {
    // 2015's whole year as the previous edition, so that 比上年 has its base: the report's total then checks clean.
    const copy = copySite('wp-guochou-', EXAMPLE);
    mkdirSync(join(copy, 'content/editions/2015'));
    writeFileSync(
      join(copy, 'content/editions/2015/edition.yaml'),
      'year: 2015\ntitle: 2015年产品质量国家监督抽查\nperiod: 2015年\npublished: 2016-02-24\nstatus: published\nsummary: 2015年全年。\n',
    );
    // An edition needs its ledger; the table is all the 比上年 check reads.
    writeFileSync(join(copy, 'data/ledgers/2015.csv'), 'indicator,period,value,target,status,note,source\n');
    writeFileSync(join(copy, 'data/breakdowns/spot_checks/2015.csv'), YEAR_2015);
    expect(validateProject(copy).problems).toEqual([]);

    const file = 'data/breakdowns/spot_checks/2016.csv';
    const lines = readFileSync(join(copy, file), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const totalLine = lines.findIndex((l) => l.startsWith('total,')) + 1;
    const at = (measure: string) => `${file}:${totalLine}:${header.indexOf(measure) + 1}`;
    const plant = (category: string, measure: string, value: string) =>
      editFile(copy, file, (text) =>
        text
          .split('\n')
          .map((line) => {
            const cells = line.split(',');
            if (cells[0] === category) cells[header.indexOf(measure)] = value;
            return cells.join(',');
          })
          .join('\n'),
      );
    plant('total', 'failure_rate', '8.5'); // 116 ÷ 1447 is 8.0%
    plant('machinery', 'kinds', '6'); // the 大类 then add up to 26 kinds, not 25
    plant('total', 'change', '1.9'); // 92.0 − 91.1 is 0.9

    const warnings = validateProject(copy).problems.map((p) => ({ where: location(p), ...p }));
    expect(warnings.map((w) => [w.severity, w.where]).sort()).toEqual(
      [at('change'), at('kinds'), at('failure_rate')].map((where) => ['warning', where]).sort(),
    );
    const said = (measure: string) => warnings.find((w) => w.where === at(measure))!.message;
    expect(said('failure_rate')).toMatch(/8\.5.*116.*1447.*8\.0/);
    expect(said('kinds')).toMatch(/26.*25/);
    expect(said('change')).toMatch(/1\.9.*91\.1.*92\.0.*0\.9/);
  });

  describe('npm run build -- --root examples/guochou', () => {
    let built: Awaited<ReturnType<typeof build>>;
    beforeAll(async () => {
      built = await build(EXAMPLE, { pdf: true });
    });

    it('makes a picture of every chart and a 一图读懂 of the edition: QR codes open their pages, figures are the data download’s', () => {
      const published = loadProject(EXAMPLE);
      checkChartPictures(join(EXAMPLE, 'dist'), published);
      checkDigestFigures(join(EXAMPLE, 'dist'), published);
    });

    it('builds with no problem at all, and says on every page and the PDF cover whose figures these are', () => {
      expect(built.status, built.stderr).toBe(0);
      expect(built.stderr).toBe('');
      const notice = '不是质检总局发布的网站';
      for (const page of ['index.html', 'editions/2016/index.html', 'editions/2016/categories/index.html'])
        expect(readFileSync(join(EXAMPLE, 'dist', page), 'utf8'), page).toContain(notice);
      const cover = squash(pdftotext(join(EXAMPLE, 'dist/editions/2016/white-paper-2016.pdf'), ['-l', '1']));
      expect(cover).toContain(squash(notice));
    });

    describe('in a browser', () => {
      const site = useBrowserOnDist(() => join(EXAMPLE, 'dist'), '/guochou/');

      for (const width of [390, 1280])
        it(`shows each breakdown’s table as reported, rate and 比上年 first on screen, its chart clear (${width} px)`, async () => {
          const page = await site.browser.newPage({ viewport: { width, height: 900 } });
          await page.goto(`${site.origin}/guochou/editions/2016/categories/`);
          for (const [id, reported] of Object.entries(REPORTED)) {
            const figure = page.locator(`#chart-breakdown-${id}`);
            const cells = await figure
              .locator('tbody tr')
              .evaluateAll((rows) =>
                rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => c.textContent!.trim())),
              );
            expect(cells, id).toEqual(
              reported.rows.map(([name, ...figures]) => [
                name,
                ...figures.map((f, i) => onPage(f, reported.measures[i]!)),
              ]),
            );
            // The rate and its change come first, on screen without scrolling the table.
            for (const measure of ['pass_rate', 'change']) {
              const { name } = table(id).definition.measures.find((m) => m.id === measure)!;
              const box = (await figure.locator('thead th', { hasText: name }).boundingBox())!;
              expect(box.x + box.width, `${id} ${name}`).toBeLessThanOrEqual(width);
            }
          }
          // The summary names the lowest and the highest 大类, as the report's figures rank them.
          const categories = REPORTED.spot_checks!.rows.slice(0, -1);
          const ranked = [...categories].sort((a, b) => Number(a[1]) - Number(b[1]));
          const summary = await page.locator('#chart-breakdown-spot_checks .chart-summary').textContent();
          expect(summary).toContain(`最低的是${ranked[0]![0]}（${ranked[0]![1]}%）`);
          expect(summary).toContain(`最高的是${ranked.at(-1)![0]}（${ranked.at(-1)![1]}%）`);
          expect(
            (await page.evaluate(chartLayoutProblems, 12)).filter((p) => p.startsWith('chart-breakdown-')),
          ).toEqual([]);
          await page.close();
        });
    });
  });
});
