/**
 * 长者模式 (工业和信息化部《互联网网站适老化通用设计规范》): a visible, keyboard-reachable switch for larger
 * text and higher contrast, kept across pages without a flash, in under 2 KB of script, axe-clean.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { messagesFor } from '../src/lib/site/messages/index.ts';
import { paths } from '../src/lib/site/urls.ts';
import { useBrowserOnDist } from './helpers/browser.ts';
import { axeViolations } from './helpers/gates.ts';
import { ROOT } from './helpers/project-copy.ts';

const ui = messagesFor();
const project = loadProject(ROOT);
const latest = project.editions.at(-1)!;
const chapter = paths.chapter(latest.year, latest.chapters[1]!.slug);

describe('长者模式', () => {
  const site = useBrowserOnDist();

  const bodyText = () =>
    getComputedStyle(document.querySelector('.prose > p')!).getPropertyValue('font-size') +
    '|' +
    getComputedStyle(document.querySelector('.prose > p')!).getPropertyValue('line-height');
  const sizes = (text: string) => text.split('|').map((v) => parseFloat(v)) as [number, number];

  it('is switched on from the keyboard, enlarges body text to ≥ 18 px with ≥ 1.8 line height, and off again', async () => {
    const page = await site.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(site.origin + chapter);
    const [normal] = sizes(await page.evaluate(bodyText));
    const button = page.getByRole('button', { name: ui.elderMode.label });
    await expect(button.isVisible()).resolves.toBe(true);
    // Tab to it, as a keyboard reader would.
    for (let i = 0; i < 20 && !(await button.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    const [size, lineHeight] = sizes(await page.evaluate(bodyText));
    expect(size).toBeGreaterThanOrEqual(18);
    expect(size).toBeGreaterThan(normal);
    expect(lineHeight / size).toBeGreaterThanOrEqual(1.8);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    expect(sizes(await page.evaluate(bodyText))[0]).toBe(normal);
    await page.close();
  });

  it('is kept on the next page, in force before the body is painted (no flash)', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.origin + paths.home());
    await page.getByRole('button', { name: ui.elderMode.label }).click();
    // On every page load, note whether the mode was on when <body> was first inserted.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { elderAtBody: boolean }).elderAtBody =
          document.documentElement.classList.contains('elder');
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    for (const path of [chapter, paths.indicators(), paths.search('合格率')]) {
      await page.goto(site.origin + path);
      expect(await page.evaluate(() => (window as unknown as { elderAtBody: boolean }).elderAtBody), path).toBe(true);
      expect(await page.getByRole('button', { name: ui.elderMode.label }).getAttribute('aria-pressed')).toBe('true');
    }
    await context.close();
  });

  it('costs under 2 KB of script (gzip)', () => {
    expect(gzipSync(readFileSync(join(ROOT, 'dist', 'elder-mode.js'))).length).toBeLessThan(2048);
  });

  it.each([
    ['chapter', chapter],
    ['indicator', paths.indicator(project.publishedIndicators[0]!.id)],
    ['indicator index', paths.indicators()],
    ['search with results', paths.search('合格率')],
  ])('leaves the %s page free of axe violations at 390 and 1280 px', async (_type, path) => {
    for (const width of [390, 1280]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      await context.addInitScript(() => localStorage.setItem('white-paper-elder-mode', 'on'));
      const page = await context.newPage();
      await page.goto(site.origin + path, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true);
      expect(await axeViolations(page), `${path} @${width}`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} @${width} sideways scroll`).toBeLessThanOrEqual(0);
      await context.close();
    }
  });
});
