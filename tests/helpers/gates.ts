/**
 * The quality gates, with tools others wrote: links (linkinator), HTML (html-validate and the W3C Nu Html
 * Checker), accessibility (axe-core).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import AxeBuilder from '@axe-core/playwright';
import { HtmlValidate } from 'html-validate';
import { LinkChecker } from 'linkinator';
import type { Page } from 'playwright-core';

export const htmlFilesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));

/** Every internal link, fragment (#anchor), image and download of every page; external links are not fetched (no network here). */
export async function brokenLinks(dir: string): Promise<string[]> {
  const result = await new LinkChecker().check({
    path: htmlFilesOf(dir).map((f) => relative(dir, f)),
    serverRoot: dir,
    recurse: true,
    checkFragments: true,
    concurrency: 20,
    linksToSkip: async (link) => !/^https?:\/\/(localhost|127\.0\.0\.1)[:/]/.test(link),
  });
  return result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (${l.status}) ← ${l.parent}`);
}

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Chart figures size themselves with an inline aspect-ratio taken from the rendered SVG.
    'no-inline-style': 'off',
    // Vega's SVG output: attribute order and self-closing style are the renderer's.
    'attribute-boolean-style': 'off',
    'void-style': 'off',
    'no-trailing-whitespace': 'off',
    // Chinese page titles are long by nature (chapter · edition · site).
    'long-title': 'off',
    // Scrollable table boxes are focusable named groups (TableScroll.astro); no native element fits.
    'prefer-native-element': ['error', { exclude: ['group'] }],
  },
});

export async function htmlErrors(dir: string): Promise<string[]> {
  const errors: string[] = [];
  for (const file of htmlFilesOf(dir)) {
    const report = await validator.validateFile(file);
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${relative(dir, file)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return errors;
}

/**
 * The W3C Nu Html Checker (vnu.jar from npm `vnu-jar`, run by the system Java) on every page of `dir`:
 * its errors as `page:line message`. The checker the W3C's own validator runs.
 */
export function nuErrors(dir: string): string[] {
  const jar = join(import.meta.dirname, '..', '..', 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  let report: string;
  try {
    // vnu writes its JSON report to stderr, and exits 1 when it found errors.
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--skip-non-html', dir], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    return [];
  } catch (e) {
    report = (e as { stderr: string }).stderr;
  }
  const { messages } = JSON.parse(report) as { messages: Array<{ url: string; lastLine?: number; message: string }> };
  return messages.map((m) => `${relative(dir, new URL(m.url).pathname)}:${m.lastLine ?? ''} ${m.message}`);
}

const HTMLCS = readFileSync(
  join(import.meta.dirname, '..', '..', 'node_modules', 'html_codesniffer', 'build', 'HTMLCS.js'),
  'utf8',
);

/**
 * HTML_CodeSniffer, the engine pa11y runs, with its WCAG2AA standard: the errors on the page as it is now.
 * The page's context needs `bypassCSP` (the sniffer is injected as an inline script).
 */
export async function codeSnifferErrors(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: HTMLCS });
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        type Message = { type: number; code: string; msg: string; element?: Element };
        const sniffer = (
          window as unknown as {
            HTMLCS: {
              process: (standard: string, root: Document, done: () => void) => void;
              getMessages: () => Message[];
            };
          }
        ).HTMLCS;
        sniffer.process('WCAG2AA', document, () =>
          resolve(
            sniffer
              .getMessages()
              .filter((m) => m.type === 1) // errors; 2 and 3 are warnings and notices
              .map((m) => `${m.code}: ${m.msg} (${m.element?.outerHTML.slice(0, 120) ?? ''})`),
          ),
        );
      }),
  );
}

/** axe-core with the WCAG 2.1 A/AA rules (GB/T 37668-2019 follows WCAG 2.0/2.1 AA). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}
