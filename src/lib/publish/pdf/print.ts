import type { Page } from 'playwright-core';

import { diagnostics } from '../../site/messages/index.ts';
import { PDF_SWITCH } from '../chrome.ts';
import { namedDestinationPages } from './document.ts';
import type { PdfTagging } from './tagging.ts';

/** A loaded print page, as the two passes need it: a browser tab in the build, a fake in unit tests. */
export interface PrintPage {
  /** Prints the page as it now is. */
  pdf(): Promise<Uint8Array>;
  /**
   * Prints it only to learn where its headings fall: the same pages, without the tags and outline that cost half
   * the printing time of a page of tables (and 90% of its bytes).
   */
  draftPdf(): Promise<Uint8Array>;
  /**
   * Writes the page number of each 目录 entry's target: the targets it had no number for, and whether any entry
   * now reads differently.
   */
  fillToc(numbers: TocNumbers): Promise<{ missing: string[]; changed: boolean }>;
}

/** The page of each named destination (the headings a 目录 entry points to), by name. */
export type TocNumbers = Record<string, number>;

/**
 * Prints the page with its 目录 numbered. Chromium cannot compute target-counter(), so the numbers come from a
 * print: the page of every heading (its named destination), read from the PDF. Without `guess` that is a draft
 * print (`draftPdf`: the same pages, measured, untagged), and the PDF is printed with the 目录 numbered from it.
 * With `guess` (the numbers of the edition's previous PDF: an edit seldom moves a heading to another page) the 目录
 * is numbered before the first print, and when that print's headings are on the pages its 目录 names, it is the
 * PDF: one print instead of two; else the 目录 is numbered from it and printed again. Never more than two prints.
 */
export async function printWithToc(page: PrintPage, guess?: TocNumbers): Promise<Uint8Array> {
  if (guess) await page.fillToc(guess);
  const first = guess ? await page.pdf() : await page.draftPdf();
  const { missing, changed } = await page.fillToc(Object.fromEntries(await namedDestinationPages(first)));
  if (missing.length) throw new Error(diagnostics().publish.tocPagesMissing(missing));
  return guess && !changed ? first : page.pdf();
}

const PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  tagged: true,
  outline: true,
} as const;

/** What lays out the pages as PDF_OPTIONS does, without what only the reader's PDF needs. */
const DRAFT_OPTIONS = { ...PDF_OPTIONS, tagged: false, outline: false } as const;

/** How long one edition may take to load before printing: a demo edition loads in about a second. */
const LOAD_TIMEOUT_MS = 60_000;

/**
 * Where the print tabs are opened: the build's one browser context, shared by every edition so that the print
 * fonts (some sixty Unicode-range slices per edition) are fetched and decoded once, not once per edition (a context
 * per edition cost Chromium ~40% more CPU for the demo's three); or a browser (tests).
 */
export interface PrintTabs {
  newPage(): Promise<Page>;
}

/**
 * Prints the print page at `url` in a new tab of `tabs`, fonts loaded, 目录 numbered (`printWithToc`, from
 * `guess` when given); with what the page says of its figures and links, which Chromium's tagged PDF leaves out
 * (tagging.ts).
 * The tab may load only what the print server serves: every other request (another host, another port
 * of this machine, a frame, a redirect's target) is refused and fails the print with the addresses named,
 * so a build never reaches into the network it runs in and nothing is silently missing from the PDF.
 */
export async function printUrl(
  tabs: PrintTabs,
  url: string,
  guess?: TocNumbers,
): Promise<{ bytes: Uint8Array; tagging: PdfTagging }> {
  const say = diagnostics().publish;
  const { origin, pathname: page } = new URL(url);
  const blocked: string[] = [];
  const tab = await tabs.newPage();
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
      // The load event, not “network idle” (half a second without a request, waited out by every edition): what
      // prints is the stylesheets, the fonts and the pictures, awaited below.
      await tab.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
      await tab.evaluate(loaded);
    } catch (e) {
      throw new Error(say.printFailed(page, (e as Error).message.split('\n')[0] ?? ''), { cause: e });
    }
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
    // Chromium's own failure ("Printing failed", a crashed tab) in the editor's words.
    const print = (options: typeof DRAFT_OPTIONS | typeof PDF_OPTIONS) =>
      tab.pdf(options).catch((e: unknown) => {
        throw new Error(say.printCrashed(page, (e as Error).message.split('\n')[0] ?? '', PDF_SWITCH), { cause: e });
      });
    const bytes = await printWithToc(
      {
        pdf: () => print(PDF_OPTIONS),
        draftPdf: () => print(DRAFT_OPTIONS),
        fillToc: async (numbers) => {
          const filled = await tab.evaluate((numbers) => {
            const missing: string[] = [];
            let changed = false;
            for (const el of document.querySelectorAll<HTMLElement>('[data-toc-target]')) {
              const n = numbers[el.dataset.tocTarget!];
              if (n === undefined) missing.push(el.dataset.tocTarget!);
              const text = n === undefined ? '' : String(n);
              if (el.textContent !== text) changed = true;
              el.textContent = text;
            }
            return { missing, changed };
          }, numbers);
          // The digits may need glyphs not yet loaded.
          await tab.evaluate(() => document.fonts.ready);
          return filled;
        },
      },
      guess,
    );
    if (blocked.length) throw new Error(say.printBlocked(page, blocked));
    const violations = await tab.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations ?? []);
    if (violations.length) throw new Error(say.printCspViolations(page, violations));
    return { bytes, tagging };
  } finally {
    await tab.close();
  }
}

/**
 * In the tab: every picture loaded (a lazy one, below the first screen, would otherwise print as nothing) and
 * every font the page uses.
 */
async function loaded(): Promise<void> {
  const pictures = [...document.images];
  for (const img of pictures) img.loading = 'eager';
  await Promise.all(
    pictures.map(
      (img) =>
        img.complete ||
        new Promise((done) => {
          img.addEventListener('load', done);
          img.addEventListener('error', done);
        }),
    ),
  );
  await document.fonts.ready;
}
