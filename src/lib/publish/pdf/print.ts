import type { Browser } from 'playwright-core';

import { diagnostics } from '../../site/messages/index.ts';
import { namedDestinationPages } from './document.ts';
import type { PdfTagging } from './tagging.ts';

/** A loaded print page, as the two passes need it: a browser tab in the build, a fake in unit tests. */
export interface PrintPage {
  /** Prints the page as it now is. */
  pdf(): Promise<Uint8Array>;
  /** Writes the page number of each 目录 entry's target; returns the targets it had no number for. */
  fillToc(numbers: Record<string, number>): Promise<string[]>;
}

/**
 * Prints twice: Chromium cannot compute target-counter(), so the first print gives the page of every
 * heading (its named destination) and the second prints the 目录 with those numbers.
 */
export async function printWithToc(page: PrintPage): Promise<Uint8Array> {
  const numbers = Object.fromEntries(await namedDestinationPages(await page.pdf()));
  const missing = await page.fillToc(numbers);
  if (missing.length) throw new Error(diagnostics().publish.tocPagesMissing(missing));
  return page.pdf();
}

const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
} as const;

/** How long one edition may take to load before printing: a demo edition loads in about a second. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * Prints the print page at `url` in a new tab of `browser`, fonts loaded, 目录 numbered; with what the
 * page says of its figures and links, which Chromium's tagged PDF leaves out (tagging.ts).
 * The tab may load only what the print server serves: every other request (another host, another port
 * of this machine, a frame, a redirect's target) is refused and fails the print with the addresses named,
 * so a build never reaches into the network it runs in and nothing is silently missing from the PDF.
 */
export async function printUrl(browser: Browser, url: string): Promise<{ bytes: Uint8Array; tagging: PdfTagging }> {
  const say = diagnostics().publish;
  const { origin, pathname: page } = new URL(url);
  const blocked: string[] = [];
  const tab = await browser.newPage();
  // What the print page's CSP refuses (an inline style, a script) would silently be missing from the PDF.
  await tab.addInitScript(() => {
    const seen: string[] = [];
    (globalThis as { __cspViolations?: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI || e.sample || ''}`.trim()),
    );
  });
  await tab.route('**/*', (route) => {
    const requested = route.request().url();
    // The print server (sirv) never redirects, so a request let through cannot be sent on elsewhere.
    if (new URL(requested).origin === origin) return route.continue();
    blocked.push(requested);
    return route.abort('blockedbyclient');
  });
  try {
    try {
      await tab.goto(url, { waitUntil: 'networkidle', timeout: LOAD_TIMEOUT_MS });
    } catch (e) {
      throw new Error(say.printFailed(page, (e as Error).message.split('\n')[0] ?? ''), { cause: e });
    }
    await tab.evaluate(() => document.fonts.ready);
    // Chromium tags role="img" boxes (the charts) and images as /Figure, in document order.
    const tagging = await tab.evaluate(() => ({
      figureAlts: [...document.querySelectorAll('[role="img"], img')].map(
        (el) => el.getAttribute('aria-label') ?? el.getAttribute('alt') ?? '',
      ),
      linkLabels: Object.fromEntries(
        [...document.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')].map((a) => [
          decodeURIComponent(a.hash.slice(1)),
          (a.querySelector('.toc-text') ?? a).textContent!.replace(/\s+/g, ' ').trim(),
        ]),
      ),
    }));
    const bytes = await printWithToc({
      pdf: () => tab.pdf(PDF_OPTIONS),
      fillToc: async (numbers) => {
        const missing = await tab.evaluate((numbers) => {
          const lost: string[] = [];
          for (const el of document.querySelectorAll<HTMLElement>('[data-toc-target]')) {
            const n = numbers[el.dataset.tocTarget!];
            if (n === undefined) lost.push(el.dataset.tocTarget!);
            el.textContent = n === undefined ? '' : String(n);
          }
          return lost;
        }, numbers);
        // The digits may need glyphs not yet loaded.
        await tab.evaluate(() => document.fonts.ready);
        return missing;
      },
    });
    if (blocked.length) throw new Error(say.printBlocked(page, blocked));
    const violations = await tab.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations ?? []);
    if (violations.length) throw new Error(say.printCspViolations(page, violations));
    return { bytes, tagging };
  } finally {
    await tab.close();
  }
}
