/**
 * The real example (examples/dongtou): 洞头区's 表1 (“十三五” completion) as the 2020 edition and 表2 (the
 * “十四五” plan), transcribed from seed 003. Its verdicts are the document's, row by row; it builds with
 * `--root` into its own dist/ with no warning, and its pages show what the document says.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { parseEditorStatus } from '../src/lib/ledger/status.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';
import { pdftotext, squash } from './helpers/pdf.ts';
import { ROOT } from './helpers/project-copy.ts';
import { checkChartPictures, checkDigestFigures } from './helpers/share-pictures.ts';

const EXAMPLE = join(ROOT, 'examples', 'dongtou');
const table1: Array<{ name: string; target: string; document_status: string; editor_status: string }> = parse(
  readFileSync(join(ROOT, 'tests/fixtures/dongtou-table1.csv')),
  { columns: true, comment: '#' },
);
const table2: Array<{ name: string; target: string }> = parse(
  readFileSync(join(ROOT, 'tests/fixtures/dongtou-table2.csv')),
  {
    columns: true,
    comment: '#',
  },
);
const project = loadProject(EXAMPLE, { includeDrafts: true });
const [thirteenth, fourteenth] = project.plans;
const edition2020 = project.editions.find((e) => e.year === 2020)!;

describe('洞头区, the real example', () => {
  it('loads without an error, with the two plans; the only warnings are the 2021 draft’s unfilled values and notes', () => {
    expect(project.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(
      project.problems.filter((p) => !/^(content\/editions\/2021\/|data\/ledgers\/2021\.csv)/.test(p.file)),
    ).toEqual([]);
    expect(project.plans.map((p) => [p.start, p.end, p.short])).toEqual([
      [2016, 2020, '“十三五”'],
      [2021, 2025, '“十四五”'],
    ]);
  });

  it('its 2020 edition gives every row of 表1 the document’s verdict: computed where numbers allow, the editor’s otherwise', () => {
    expect(thirteenth!.targets).toHaveLength(table1.length);
    for (const row of table1) {
      const target = thirteenth!.targets.find((t) => t.name === row.name);
      expect(target, row.name).toBeDefined();
      expect(target!.target.text, row.name).toBe(row.target);
      const entry = edition2020.yearEntries.find((e) => e.indicator.id === target!.indicator)!;
      expect([row.name, entry.status], row.name).toEqual([row.name, parseEditorStatus(row.document_status)!.status]);
      expect([row.name, entry.statusBy]).toEqual([row.name, row.editor_status ? 'editor' : 'computed']);
    }
  });

  it('every target of 表2 is in the “十四五” plan in the document’s words, and parses', () => {
    expect(fourteenth!.targets).toHaveLength(table2.length);
    for (const row of table2) {
      const target = fourteenth!.targets.find((t) => t.name === row.name);
      expect(target, row.name).toBeDefined();
      expect(target!.target.text + (target!.target.remark ? `(${target!.target.remark})` : '')).toBe(
        row.target.replace(/\s*\(/, '('),
      );
    }
    const kinds = Object.fromEntries(fourteenth!.targets.map((t) => [t.name, t.kind]));
    expect(kinds['制订“浙江制造”标准(新增)']).toBe('cumulative');
    expect(kinds['地理标志培育、申请数(累计)']).toBe('cumulative');
    expect(kinds['制造业产品质量合格率']).toBe('end');
  });

  it('keeps a renamed indicator’s series under one id, with each plan’s own name', () => {
    const names = project.plans.map((p) => p.targets.find((t) => t.indicator === 'acceptance_pass_rate')?.name);
    expect(names).toEqual(['工程竣工验收一次性合格率', '竣工工程质量验收一次验收合格率']);
  });

  describe('npm run build -- --root examples/dongtou', () => {
    let build: ReturnType<typeof spawnSync>;
    beforeAll(() => {
      build = spawnSync(process.execPath, ['scripts/build.ts', '--root', 'examples/dongtou'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    });

    it('makes a picture of every chart and a 一图读懂 of the edition: QR codes open their pages, figures are the data download’s', () => {
      const published = loadProject(EXAMPLE);
      checkChartPictures(join(EXAMPLE, 'dist'), published);
      checkDigestFigures(join(EXAMPLE, 'dist'), published);
    });

    it('builds into the example’s own dist/ with no error, and warnings only about the 2021 draft', () => {
      expect(build.status, String(build.stderr)).toBe(0);
      const reported = String(build.stderr)
        .split('\n')
        .filter((l) => /^(警告|错误) /.test(l));
      // Paths as typed from the project folder, where the build ran: examples/dongtou/….
      expect(
        reported.filter((l) => !/ examples\/dongtou\/(content\/editions\/2021\/|data\/ledgers\/2021\.csv)/.test(l)),
      ).toEqual([]);
      expect(reported.length).toBeGreaterThan(0);
      expect(existsSync(join(EXAMPLE, 'dist/editions/2020/index.html'))).toBe(true);
    });

    it('shows each indicator’s document verdict and the plan’s source on the edition page', () => {
      const html = readFileSync(join(EXAMPLE, 'dist/editions/2020/index.html'), 'utf8');
      expect(html).toContain('洞头区质量事业“十三五”规划');
      expect(html).toContain('温州市洞头区发展和改革局、温州市洞头区市场监督管理局');
      for (const entry of edition2020.yearEntries) {
        const row = new RegExp(`<tr id="indicator-${entry.indicator.id}">([\\s\\S]*?)</tr>`).exec(html);
        expect(row?.[1], entry.indicator.id).toContain(messagesFor().status[entry.status]);
      }
      expect(html).toContain(project.site.notice!);
    });

    it('prints the PDF edition with the plan’s verdicts', () => {
      const text = squash(pdftotext(join(EXAMPLE, 'dist/editions/2020/white-paper-2020.pdf')));
      expect(text).toContain('“十三五”规划完成情况');
      expect(text).toContain('推进中');
    });

    it('lives at the folder its siteUrl names: canonical links, sitemap, feed, citations and data package carry /dongtou/', () => {
      // site.yaml: siteUrl https://example.org/dongtou and no basePath line.
      const home = 'https://example.org/dongtou/';
      const read = (file: string) => readFileSync(join(EXAMPLE, 'dist', file), 'utf8');
      const canonical = (file: string) => /<link rel="canonical" href="([^"]+)"/.exec(read(file))?.[1];
      expect(canonical('index.html')).toBe(home);
      expect(canonical('indicators/pm25/index.html')).toBe(`${home}indicators/pm25/`);
      // A shared link previews with the same address, and the page's own title and words.
      const meta = (file: string, property: string) =>
        new RegExp(`<meta property="og:${property}" content="([^"]*)"`).exec(read(file))?.[1];
      expect(meta('indicators/pm25/index.html', 'url')).toBe(`${home}indicators/pm25/`);
      expect(meta('editions/2020/index.html', 'title')).toBe(edition2020.title);
      // …and the edition's share card, an absolute address under the folder.
      expect(meta('indicators/pm25/index.html', 'image')).toBe(`${home}editions/2020/pictures/card.png`);
      expect(meta('editions/2020/index.html', 'description')).toBe(
        /<meta name="description" content="([^"]*)"/.exec(read('editions/2020/index.html'))?.[1],
      );
      const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      const pages = locs(read('sitemap-index.xml')).flatMap((sitemap) => {
        expect(sitemap.startsWith(home), sitemap).toBe(true);
        return locs(read(sitemap.slice(home.length)));
      });
      expect(pages).toContain(`${home}editions/2020/`);
      expect(pages.filter((page) => !page.startsWith(home))).toEqual([]);
      const images = [...read('sitemap-0.xml').matchAll(/<image:loc>([^<]+)<\/image:loc>/g)].map((m) => m[1]!);
      expect(images).toContain(`${home}editions/2020/pictures/digest.png`);
      expect(images.filter((image) => !image.startsWith(home))).toEqual([]);
      const feedLinks = [...read('feed.xml').matchAll(/<(?:link|guid[^>]*)>([^<]+)</g)].map((m) => m[1]!);
      expect(feedLinks).toEqual([home, `${home}editions/2020/`, `${home}editions/2020/`]);
      expect(read('indicators/pm25/index.html')).toContain(`url = {${home}indicators/pm25/}`);
      expect(read('data/index.html')).toContain(`. ${home}data/.`);
      expect(JSON.parse(read('data/datapackage.json')).homepage).toBe(home);
      // Every link and asset of a page is under the folder too.
      expect(read('index.html')).not.toMatch(/(?:href|src)="\/(?!dongtou\/)/);
    });

    it('shows each domain in the catalogue’s order, each group once, its rows under its heading only', () => {
      const catalogue: Array<{ id: string; domain: string; group: string }> = parse(
        readFileSync(join(EXAMPLE, 'data/indicators.csv')),
        { columns: true, bom: true },
      );
      const groupOf = new Map(catalogue.map((row) => [row.id, row.group]));
      const html = readFileSync(join(EXAMPLE, 'dist/editions/2020/index.html'), 'utf8');
      const section = html.slice(html.indexOf('id="table-title"'), html.indexOf('id="corrections-title"'));
      const tables = section.split('<h3>').slice(1);
      const reported = new Set(edition2020.yearEntries.map((e) => e.indicator.id));
      const domains = [...new Set(catalogue.filter((row) => reported.has(row.id)).map((row) => row.domain))];
      expect(tables.map((t) => t.slice(0, t.indexOf('</h3>')))).toEqual(domains);
      for (const table of tables) {
        let heading = '';
        const headings: string[] = [];
        for (const [, group, id] of table.matchAll(
          /<tr class="group-row"><th[^>]*>([^<]*)<\/th>|<tr id="indicator-([a-z0-9_]+)"/g,
        )) {
          if (group !== undefined) headings.push((heading = group));
          else expect([id, groupOf.get(id!)]).toEqual([id, heading]);
        }
        expect(new Set(headings).size).toBe(headings.length);
      }
    });

    it('lists each plan’s target on an indicator page', () => {
      const html = readFileSync(join(EXAMPLE, 'dist/indicators/prefab_share/index.html'), 'utf8');
      expect(html).toContain('≥30%');
      expect(html).toContain('35%');
      expect(html).toContain('“十四五”');
    });
  });
});
