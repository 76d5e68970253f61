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

/**
 * The print page's policy (it is never published; Chromium prints it in the build): the site's, with
 * the page's one generated <style> element (the running headers) allowed by its hash, and no frames.
 */
export const printCspMeta = (inlineStyle: string): string =>
  CSP_DIRECTIVES.filter(([k]) => !META_FORBIDDEN.has(k))
    .map(([k, v]) =>
      k === 'style-src' ? [k, `${v} 'sha256-${createHash('sha256').update(inlineStyle).digest('base64')}'`] : [k, v],
    )
    .concat([['frame-src', "'none'"]])
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

export const cspHeader = (): string => CSP_DIRECTIVES.map(([k, v]) => `${k} ${v}`).join('; ');
export const cspMeta = (): string =>
  CSP_DIRECTIVES.filter(([k]) => !META_FORBIDDEN.has(k))
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
