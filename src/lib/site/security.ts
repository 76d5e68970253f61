import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy the site works under: no inline script or style, no eval (Vega
 * interprets its expressions; Pagefind's WebAssembly needs 'wasm-unsafe-eval'), nothing from other
 * origins. Pages carry it in a <meta> (which cannot hold frame-ancestors); servers should send the full
 * header — docs/deploy.md has nginx and Apache snippets built from the same directives.
 */
export const CSP_DIRECTIVES: ReadonlyArray<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> element may carry (browsers ignore frame-ancestors there, with a console warning). */
const META_FORBIDDEN = new Set(['frame-ancestors']);

const joined = (directives: ReadonlyArray<readonly [string, string]>): string =>
  directives.map(([k, v]) => `${k} ${v}`).join('; ');
const META_DIRECTIVES = CSP_DIRECTIVES.filter(([k]) => !META_FORBIDDEN.has(k));

export const cspHeader = (): string => joined(CSP_DIRECTIVES);
export const cspMeta = (): string => joined(META_DIRECTIVES);

/**
 * The print page's policy (it is never published; Chromium prints it in the build): the site's, with
 * the page's one generated <style> element (the running headers) allowed by its hash, and no frames.
 */
export function printCspMeta(inlineStyle: string): string {
  const hash = `'sha256-${createHash('sha256').update(inlineStyle).digest('base64')}'`;
  return joined([
    ...META_DIRECTIVES.map(([k, v]) => [k, k === 'style-src' ? `${v} ${hash}` : v] as const),
    ['frame-src', "'none'"],
  ]);
}
