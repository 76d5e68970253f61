import { existsSync } from 'node:fs';

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

/** `WHITE_PAPER_PDF=off npm run build` builds the site without the PDF edition. */
export const PDF_SWITCH = 'WHITE_PAPER_PDF';
export const pdfEnabled = (): boolean => process.env[PDF_SWITCH] !== 'off';
