import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import type { Browser } from 'playwright-core';

import { closeWhenStopped } from '../site/child-processes.ts';
import { diagnostics } from '../site/messages/index.ts';

/** The system Chrome/Chromium (npm cannot download browsers on these machines): CHROME_PATH wins. */
const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
];

/** Headless flags that work as root in a sandbox with no network. */
export const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function findChrome(): string | undefined {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : undefined;
  return CHROME_CANDIDATES.find((p) => existsSync(p));
}

/**
 * The version of the system browser as the launched browser reports it (`156.0.8078.114`), asked of the program
 * (`--version`, a fraction of a second) rather than by starting it (one to two seconds): a build whose PDFs all
 * come from the cache never starts a browser. Undefined when there is none or it does not say.
 */
export function browserVersion(): string | undefined {
  const executablePath = findChrome();
  if (!executablePath) return undefined;
  const run = spawnSync(executablePath, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return dottedVersion(run.stdout ?? '');
}

/** `Chromium 156.0.8078.114 built on Debian…`, `Google Chrome 140.0.7339.80` → the four-part version. */
export const dottedVersion = (said: string): string | undefined => /\b(\d+\.\d+\.\d+\.\d+)\b/.exec(said)?.[1];

/**
 * `WHITE_PAPER_PDF=off npm run build` builds the site without the PDF edition: the editor's switch, read
 * once by the commands (scripts/build.ts, astro.config.mjs) and passed on as the build's `pdf` option.
 */
export const PDF_SWITCH = 'WHITE_PAPER_PDF';
export const pdfSwitch = (env: Record<string, string | undefined>): boolean => env[PDF_SWITCH] !== 'off';

/**
 * Starts the system Chrome/Chromium headless (Playwright gives it a fresh temporary profile), or says
 * in Chinese how to install one, point to one, or build without the PDF edition.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(diagnostics().publish.noBrowser(PDF_SWITCH));
  // Imported here, not at the top: the build loads this module before it needs a browser, if ever.
  const { chromium } = await import('playwright-core');
  try {
    // Closed by the command when it is stopped (closeWhenStopped), not killed by Playwright's own handlers.
    const browser = await chromium.launch({
      executablePath,
      args: CHROME_FLAGS,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    browser.on(
      'disconnected',
      closeWhenStopped(() => browser.close()),
    );
    return browser;
  } catch (e) {
    // A path that is not a working browser (CHROME_PATH=/bin/false): say which, and the ways round.
    const why = (e as Error).message.split('\n')[0] ?? '';
    throw new Error(diagnostics().publish.browserFailed(executablePath, why, PDF_SWITCH), { cause: e });
  }
}
