/** The built demo site (dist/, built by the global setup with `npm run build`), in files and in Chromium. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { formatValue } from '../src/lib/model/format.ts';
import { countStatuses } from '../src/lib/model/summary.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';

const ui = messagesFor();
import { paths } from '../src/lib/site/urls.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { numeric, publishedRow, readLedgers } from './helpers/ledgers.ts';
import { ROOT } from './helpers/project-copy.ts';

const project = loadProject(ROOT);
const editions = project.editions;
const latest = editions.at(-1)!;
const dist = join(ROOT, 'dist');
const html = (path: string) => readFileSync(join(dist, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
const text = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x3C;|&lt;/g, '<')
    .replace(/&gt;/g, '>');

describe('demo content', () => {
  it('has at least 3 editions, 30 indicators in 5 domains and 5 chapters per edition', () => {
    expect(editions.length).toBeGreaterThanOrEqual(3);
    expect(project.publishedIndicators.length).toBeGreaterThanOrEqual(30);
    expect(project.domains.length).toBeGreaterThanOrEqual(5);
    for (const e of editions) expect(e.chapters.length).toBeGreaterThanOrEqual(5);
  });
});

describe('built pages', () => {
  it('every page is Chinese, marks the demo and has the footer ids', () => {
    for (const path of [
      '/',
      paths.edition(latest.year),
      paths.chapter(latest.year, latest.chapters[0]!.slug),
      '404.html',
    ]) {
      const page = html(path);
      expect(page).toContain('<html lang="zh-CN"');
      // demo: true in the demo's site.yaml: everything invented, not a real place with made-up figures.
      expect(page).toContain(ui.demoMark('fictional', project.site.region).banner);
      expect(page).toContain(project.site.footerIds.icp!);
      expect(page).toContain('class="skip-link" href="#main"');
    }
  });

  it('home shows the latest edition, its completion summary and every edition', () => {
    const page = text(html('/'));
    const c = countStatuses(latest.yearEntries);
    expect(page).toContain(latest.title);
    expect(page).toContain(`${c.total} 项指标中 ${c.met} 项已完成、${c.not_met} 项未完成`);
    for (const e of editions) expect(page).toContain(e.title);
  });

  it('each edition page lists its chapters and shows every indicator with its value and status', () => {
    for (const e of editions) {
      const page = html(paths.edition(e.year));
      for (const c of e.chapters) expect(page).toContain(`href="${paths.chapter(e.year, c.slug)}"`);
      for (const entry of e.yearEntries) {
        const row = new RegExp(`<tr id="indicator-${entry.indicator.id}">([\\s\\S]*?)</tr>`).exec(page);
        expect(row, entry.indicator.id).not.toBeNull();
        const cells = text(row![1]!);
        expect(cells).toContain(formatValue(entry.value, entry.indicator));
        expect(cells).toContain(ui.status[entry.status]);
      }
    }
  });

  it('older editions say they are not the latest and link to it; the latest does not', () => {
    for (const e of editions) {
      const page = html(paths.edition(e.year));
      const notice = ui.notLatest(e.year);
      if (e.year === latest.year) expect(page).not.toContain(notice);
      else {
        expect(page).toContain(notice);
        expect(page).toContain(`href="${paths.edition(latest.year)}">${ui.readLatest(latest.year)}`);
      }
    }
  });

  it('chapter pages show each <Value> of their MDX source, in order, with the figure of data/ledgers/*.csv', () => {
    const ledgers = readLedgers(
      ROOT,
      editions.map((e) => e.year),
    );
    let checked = 0;
    for (const e of editions) {
      for (const c of e.chapters) {
        const page = html(paths.chapter(e.year, c.slug));
        expect(page).toContain(`<h1>${c.title}</h1>`);
        const tags = [...readFileSync(join(ROOT, c.file), 'utf8').matchAll(/<Value\s[^>]*\/>/g)].map(([tag]) => ({
          id: /\bid="([^"]+)"/.exec(tag)![1]!,
          period: /\bperiod="(\d{4})"/.exec(tag)?.[1] ?? String(e.year),
        }));
        const shown = [
          ...page.matchAll(
            /<(?:data|span) class="figure"(?: value="([^"]*)")? title="([^"]*?)（(\d{4})年）">([^<]*)<\/(?:data|span)>/g,
          ),
        ].map(([, value, name, period, text]) => ({ value, name, period, text: text!.trim() }));
        const where = paths.chapter(e.year, c.slug);
        expect(
          shown.map((v) => [v.name, v.period]),
          where,
        ).toEqual(tags.map((t) => [ledgers.catalogue.get(t.id)!.name, t.period]));
        tags.forEach((t, i) => {
          const cell = publishedRow(ledgers, e.year, t.id, t.period)?.value ?? '';
          const number = numeric(cell);
          if (number !== null) expect(Number(shown[i]!.value), `${where} ${t.id} ${t.period}`).toBe(number);
          else expect(shown[i]!.text, `${where} ${t.id} ${t.period}`).toBe(cell || '—');
        });
        checked += tags.length;
      }
    }
    expect(checked).toBeGreaterThan(editions.length * 10);
  });

  it('has a sitemap of exactly the site’s pages, an RSS feed of the editions and a 404 page', () => {
    const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    const listed = locs(readFileSync(join(dist, 'sitemap-index.xml'), 'utf8')).flatMap((sitemap) =>
      locs(readFileSync(join(dist, new URL(sitemap).pathname), 'utf8')),
    );
    const pages = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f === 'index.html' || f.endsWith(`${sep}index.html`))
      .map((f) => `${project.site.siteUrl}/${f.split(sep).join('/')}`.replace(/index\.html$/, ''));
    expect(pages.length).toBeGreaterThan(50);
    expect(listed.sort()).toEqual(pages.sort());
    const feed = readFileSync(join(dist, 'feed.xml'), 'utf8');
    for (const e of editions) expect(feed).toContain(`<title>${e.title}</title>`);
    expect(html('404.html')).toContain(ui.notFound.title);
  });
});

describe('in Chromium', () => {
  const site = useBrowserOnDist();

  const pages = () => ['/', paths.edition(latest.year), paths.chapter(latest.year, latest.chapters[1]!.slug)];

  it('pages fit a 390 px phone screen without sideways scrolling', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    for (const path of pages()) {
      await page.goto(site.origin + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.close();
  });

  it('the skip link is the first stop and the edition switcher works with the keyboard', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + paths.edition(latest.year));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(ui.skipLink);
    await page.keyboard.press('Tab'); // brand
    await page.keyboard.press('Tab'); // switcher
    await page.keyboard.press('Enter');
    const oldest = editions[0]!;
    const link = page.getByRole('link', { name: `${oldest.year}年版` });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${paths.edition(oldest.year)}`);
    expect(await page.locator('h1').textContent()).toBe(oldest.title);
    await page.close();
  });

  it('unknown URLs get the 404 page', async () => {
    const page = await site.browser.newPage();
    const response = await page.goto(`${site.origin}/editions/1999/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe(ui.notFound.title);
    await page.close();
  });
});
