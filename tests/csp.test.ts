/**
 * The site works under a strict Content-Security-Policy, sent as a header the way docs/deploy.md tells
 * a server to: charts become interactive with tooltips, search returns results, the indicator filter
 * filters — and the browser reports no violation anywhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { launchBrowser } from '../src/lib/publish/chrome.ts';
import { serveStatic, type StaticServer } from '../src/lib/publish/static-server.ts';
import { cspHeader } from '../src/lib/site/security.ts';
import { ROOT } from './helpers/project-copy.ts';

let site: StaticServer;
let browser: Browser;
beforeAll(async () => {
  site = await serveStatic(join(ROOT, 'dist'), {
    notFoundPage: '404.html',
    headers: { 'Content-Security-Policy': cspHeader() },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records every CSP violation and every console error from its first script on. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  await page.exposeFunction('reportViolation', (v: string) => problems.push(`violation: ${v}`));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  return { page, problems };
}

describe('under a strict Content-Security-Policy', () => {
  it('the policy is the documented one, and pages carry it too', async () => {
    expect(cspHeader()).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
    );
    const { page } = await watchedPage();
    await page.goto(`${site.origin}/`);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain(
      "script-src 'self' 'wasm-unsafe-eval'",
    );
    await page.close();
  });

  it('a chart becomes interactive and shows its tooltip', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.origin}/editions/2024/environment-quality/`);
    const figure = page.locator('figure.chart').first();
    await figure.locator('.chart-canvas').hover();
    await page.waitForSelector('figure.chart[data-enhanced="done"] .chart-interactive svg', { timeout: 20_000 });
    await page
      .locator('figure.chart[data-enhanced="done"] .chart-interactive .mark-symbol.role-mark path')
      .last()
      .hover({ force: true });
    await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 10_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('search returns results', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.origin}/search/?q=${encodeURIComponent('合格率')}`);
    await page.waitForFunction(() => document.querySelectorAll('#search-results a').length > 0, undefined, {
      timeout: 20_000,
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the indicator filter filters', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.origin}/indicators/`);
    const visible = () => page.locator('table.indicator-index tbody tr:visible').count();
    const all = await visible();
    await page.selectOption('select[name="domain"]', '环境质量');
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.indicator-index tbody tr:not([hidden])').length < n,
      all,
    );
    expect(await visible()).toBeLessThan(all);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the check would catch a violation: an inline script is reported', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(`${site.origin}/`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.x = 1';
      document.body.append(s);
    });
    await page.waitForTimeout(200);
    expect(problems.some((p) => p.includes('script-src'))).toBe(true);
    await page.close();
  });
});

describe('docs/deploy.md', () => {
  it('gives servers exactly the policy the site is tested under', () => {
    const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
    expect(doc).toContain(`Content-Security-Policy: ${cspHeader()}`);
    expect(doc.split(cspHeader()).length - 1).toBe(3); // the header line, nginx and Apache
  });
});
