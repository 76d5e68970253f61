/**
 * 一图读懂 and every chart as a picture, on the built demo: pictures of every chart and edition, QR codes that read
 * back as the pages' addresses, the 一图读懂's figures equal to its page and the data download, link previews,
 * the budgets of their bytes, and the 一图读懂 page on a phone.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { parse } from 'csv-parse/sync';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { htmlFilesOf } from './helpers/gates.ts';
import { ROOT } from './helpers/project-copy.ts';
import { checkChartPictures, checkDigestFigures, pictureWords } from './helpers/share-pictures.ts';

const project = loadProject(ROOT);
const dist = join(ROOT, 'dist');
const latest = project.editions.at(-1)!;

describe('pictures to share', () => {
  it('every chart of every edition is a picture, tall and wide, whose QR code opens the page that shows it', () => {
    checkChartPictures(dist, project);
  });

  it("the 一图读懂 says what its page says, and each figure is the data download's value", () => {
    checkDigestFigures(dist, project);
  });

  it("a trend's picture writes the year's value as its indicator page does, and the data download holds it", () => {
    const rows: Array<{ indicator: string; period: string; value: string; unit: string }> = parse(
      readFileSync(join(dist, `data/ledger-${latest.year}.csv`)),
      { columns: true, bom: true },
    );
    const trends = latest.yearEntries.filter((e) => typeof e.value === 'number' && e.indicator.type === 'number');
    expect(trends.length).toBeGreaterThan(20);
    for (const { indicator } of trends) {
      const svg = readFileSync(join(dist, `editions/${latest.year}/pictures/trend-${indicator.id}.svg`), 'utf8');
      const page = readFileSync(join(dist, `indicators/${indicator.id}/index.html`), 'utf8');
      const shown = new RegExp(`<th scope="row"[^>]*>${latest.year}年</th><td[^>]*data-label="实际值">([^<]+)<`).exec(
        page,
      )?.[1];
      expect(shown, indicator.id).toBeDefined();
      expect(pictureWords(svg).join(''), indicator.id).toContain(shown!);
      const row = rows.find((r) => r.indicator === indicator.id && r.period === String(latest.year))!;
      expect(Number(shown!.replace(row.unit, '').replace(/,/g, '')), indicator.id).toBe(Number(row.value));
    }
  });

  it('stays within its budgets: a chart ≤ 300 KB, a 一图读懂 ≤ 1.5 MB, a card ≤ 100 KB', () => {
    for (const edition of project.editions) {
      const folder = join(dist, `editions/${edition.year}/pictures`);
      const size = (name: string) => statSync(join(folder, name)).size;
      expect(size('digest.png')).toBeLessThanOrEqual(1.5 * 1024 * 1024);
      expect(size('card.png')).toBeLessThanOrEqual(100 * 1024);
      for (const name of readdirSync(folder).filter((f) => f.endsWith('.png')))
        if (!['digest.png', 'card.png'].includes(name)) expect(size(name), name).toBeLessThanOrEqual(300 * 1024);
    }
  });

  it('every page previews with its edition’s card: an absolute address under the site’s folder, 1200 × 630', () => {
    for (const file of htmlFilesOf(dist)) {
      const page = readFileSync(file, 'utf8');
      if (page.includes('http-equiv="refresh"')) continue;
      const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1];
      expect(image, relative(dist, file)).toMatch(/^https:\/\/[^/]+\/.*editions\/\d{4}\/pictures\/card\.png$/);
      const path = new URL(image!).pathname.slice(project.site.basePath.length);
      const png = PNG.sync.read(readFileSync(join(dist, path)));
      expect([png.width, png.height]).toEqual([1200, 630]);
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    }
  });

  it('lists every picture in the sitemap, on the page that shows it', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const pictures = project.editions.flatMap((e) =>
      readdirSync(join(dist, `editions/${e.year}/pictures`))
        .filter((f) => f.endsWith('.png') && f !== 'card.png')
        .map((f) => `editions/${e.year}/pictures/${f}`),
    );
    for (const picture of pictures) expect(sitemap, picture).toContain(`${picture}</image:loc>`);
    expect(sitemap).toContain('xmlns:image=');
  });

  it('each chart offers its pictures beside its data, and the edition page links its 一图读懂', () => {
    const chapter = readFileSync(join(dist, `editions/${latest.year}/product-quality/index.html`), 'utf8');
    const links = [...chapter.matchAll(/href="([^"]+\/pictures\/[^"]+\.(?:png|svg))"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links)
      expect(statSync(join(dist, link.slice(project.site.basePath.length))).size).toBeGreaterThan(0);
    const edition = readFileSync(join(dist, `editions/${latest.year}/index.html`), 'utf8');
    expect(edition).toContain(`href="${project.site.basePath}editions/${latest.year}/digest/"`);
  });

  describe('the 一图读懂 page in Chromium', () => {
    const site = useBrowserOnDist();
    it.each([390, 1280])('at %i px: nothing wider than the screen, the long image shown whole', async (width) => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${site.origin}/editions/${latest.year}/digest/`);
      const image = page.locator('.digest-image img');
      await image.scrollIntoViewIfNeeded();
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1080);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const box = (await image.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(width);
      await page.close();
    });
  });
});
