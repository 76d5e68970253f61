/**
 * Quality gates over the built demo: no broken link/anchor/download (linkinator), valid HTML
 * (html-validate and the W3C Nu Html Checker), no WCAG 2.1 A/AA violation (axe-core) on every page type, a keyboard walk through
 * the header. Each gate is also shown to fail on a deliberately broken copy.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';
import { paths } from '../src/lib/site/urls.ts';

const ui = messagesFor();
import { useBrowserOnDist } from './helpers/browser.ts';
import { axeViolations, brokenLinks, codeSnifferErrors, htmlErrors, htmlFilesOf, nuErrors } from './helpers/gates.ts';
import { ROOT } from './helpers/project-copy.ts';

const DIST = join(ROOT, 'dist');
const project = loadProject(ROOT);
const latest = project.editions.at(-1)!;

/** A copy of dist/ with one page broken the way a careless edit would break it. */
function brokenCopy(edit: (html: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'wp-gates-'));
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, paths.edition(latest.year), 'index.html');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}
const inject = (snippet: string) => (html: string) =>
  html.replace('<main id="main" tabindex="-1" class="wrap">', `<main id="main" tabindex="-1" class="wrap">${snippet}`);

describe('links', () => {
  it('no internal link, anchor, image or download in dist/ is broken', async () => {
    expect(htmlFilesOf(DIST).length).toBeGreaterThan(50);
    expect(await brokenLinks(DIST)).toEqual([]);
  });

  it('a deliberately broken link, anchor or download fails the gate', async () => {
    const dir = brokenCopy(
      inject(
        '<a href="/editions/1999/">旧版</a><a href="#no-such-anchor">锚点</a><a href="/data/missing.xlsx">下载</a>',
      ),
    );
    const broken = await brokenLinks(dir);
    expect(broken.join('\n')).toContain('editions/1999/ (404)');
    expect(broken.join('\n')).toContain('#no-such-anchor');
    expect(broken.join('\n')).toContain('data/missing.xlsx (404)');
  });
});

describe('HTML validity', () => {
  it('html-validate finds no error in any page', async () => {
    expect(await htmlErrors(DIST)).toEqual([]);
  });

  it('an image without alt text fails the gate', async () => {
    const dir = brokenCopy(inject('<img src="/favicon.svg">'));
    expect((await htmlErrors(dir)).join('\n')).toMatch(/wcag\/h37|alt/);
  });

  it('the W3C Nu Html Checker finds no error in any page', () => {
    expect(nuErrors(DIST)).toEqual([]);
  });

  it('a <data> without value and a script after </html> fail the Nu gate', () => {
    const dir = brokenCopy((html) =>
      inject('<data class="figure">已创成</data>')(html).replace('</html>', '</html><script src="/x.js"></script>'),
    );
    const errors = nuErrors(dir).join('\n');
    expect(errors).toContain('Element “data” is missing required attribute “value”');
    expect(errors).toContain('Stray start tag “script”');
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const site = useBrowserOnDist();
  const pageTypes: Record<string, string> = {
    home: paths.home(),
    edition: paths.edition(latest.year),
    'older edition': paths.edition(project.editions[0]!.year),
    一图读懂: paths.digest(latest.year),
    chapter: paths.chapter(latest.year, latest.chapters[1]!.slug),
    indicator: paths.indicator(project.publishedIndicators[0]!.id),
    'indicator index': paths.indicators(),
    data: paths.data(),
    'search with results': paths.search('合格率'),
    '404': '/no-such-page/',
  };

  it.each(Object.entries(pageTypes))('%s page has no violations, at 390 and 1280 px', async (_type, path) => {
    for (const width of [390, 1280]) {
      // axe-core needs a page made from an explicit browser context.
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(site.origin + path);
      if (path.startsWith('/search/'))
        await page.waitForFunction(() => /共找到/.test(document.getElementById('search-status')?.textContent ?? ''));
      expect(await axeViolations(page), `${path} @${width}`).toEqual([]);
      await context.close();
    }
  });

  it.each(Object.entries(pageTypes))(
    '%s page has no HTML_CodeSniffer (pa11y) WCAG2AA error, before and after its first chart turns interactive',
    async (_type, path) => {
      const context = await site.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(site.origin + path, { waitUntil: 'networkidle' });
      expect(await codeSnifferErrors(page), path).toEqual([]);
      const chart = page.locator('figure.chart .chart-canvas').first();
      if ((await chart.count()) > 0) {
        await page.reload({ waitUntil: 'networkidle' });
        await chart.hover();
        await page.waitForSelector('figure.chart[data-enhanced="done"]');
        expect(await codeSnifferErrors(page), `${path} (interactive chart)`).toEqual([]);
      }
      await context.close();
    },
  );

  it('an image without alt text and a form without a submit button fail the HTML_CodeSniffer gate', async () => {
    const context = await site.browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(site.origin + paths.home());
    await page.evaluate(() => {
      document
        .getElementById('main')!
        .insertAdjacentHTML('afterbegin', '<img src="/favicon.svg"><form><select name="a"></select></form>');
    });
    const errors = (await codeSnifferErrors(page)).join('\n');
    expect(errors).toContain('H37');
    expect(errors).toContain('H32.2');
    await context.close();
  });

  it('missing alt text and an unlabeled link fail the gate', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.origin + paths.home());
    await page.evaluate(() => {
      const main = document.getElementById('main')!;
      main.insertAdjacentHTML('afterbegin', '<img src="/favicon.svg"><a href="/"></a>');
    });
    const violations = (await axeViolations(page)).join('\n');
    expect(violations).toContain('image-alt');
    expect(violations).toContain('link-name');
    await context.close();
  });

  it('the header works from the keyboard: skip link, home, edition switcher, indicators, data, 长者模式, search', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + paths.home());
    const stops: string[] = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const el = document.activeElement as HTMLElement;
          return el.tagName === 'INPUT'
            ? `input:${el.getAttribute('name')}`
            : (el.textContent ?? '').trim().slice(0, 12);
        }),
      );
    }
    expect(stops[0]).toBe(ui.skipLink);
    expect(stops).toEqual(
      expect.arrayContaining([ui.nav.indicators, ui.nav.data, ui.elderMode.label, 'input:q', ui.search.button]),
    );
    expect(stops.some((s) => s.startsWith(ui.editions))).toBe(true);
    // The skip link moves focus to the main content.
    await page.goto(site.origin + paths.home());
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.close();
  });
});
