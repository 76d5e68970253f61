import { gzipSync } from 'node:zlib';

import { describe, expect, it } from 'vitest';

import { pageWeight } from './page-weight.ts';

const files: Record<string, string> = {
  '/_astro/a.js':
    'import{x}from"./b.js";const lazy=()=>import(`./big.js`);x();\nimport("./big.js").then((m)=>m.run());',
  '/_astro/b.js': 'export const x=()=>1;',
  '/_astro/big.js': 'x'.repeat(100000),
  '/_astro/s.css': 'body{color:red}',
};
const read = (p: string) => (files[p] ? new TextEncoder().encode(files[p]) : null);
/** Gzip bytes, computed here from the text the page is expected to load. */
const gz = (...texts: string[]) => texts.reduce((n, t) => n + gzipSync(t).length, 0);

describe('pageWeight', () => {
  it('follows static imports but not dynamic import() chunks', () => {
    const html =
      '<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/a.js"></script><script type="application/json">{"a":1}</script>';
    const w = pageWeight(html, read);
    expect(w.jsFiles).toEqual(['/_astro/a.js', '/_astro/b.js']);
    // Exactly a.js + b.js: neither the dynamic chunk (big.js) nor the JSON data island.
    expect(w.js).toBe(gz(files['/_astro/a.js']!, files['/_astro/b.js']!));
    expect(w.js).toBeLessThan(gz(files['/_astro/big.js']!) + gz(files['/_astro/a.js']!));
    expect(w.css).toBe(gz(files['/_astro/s.css']!));
    expect(w.html).toBe(gz(html));
  });

  it('follows every static form (import from, bare import, export from) across folders, each file once', () => {
    const chain: Record<string, string> = {
      '/_astro/page.js': 'import{a}from"./a.js";import"./side.js";export*from"../lib/re.js";',
      '/_astro/a.js': 'import"./side.js";export const a=1;',
      '/_astro/side.js': 'window.s=1;',
      '/lib/re.js': 'export const r=2;',
    };
    const w = pageWeight('<script type="module" src="/_astro/page.js"></script>', (p) =>
      chain[p] ? new TextEncoder().encode(chain[p]) : null,
    );
    expect(w.jsFiles).toEqual(['/_astro/page.js', '/_astro/a.js', '/_astro/side.js', '/lib/re.js']);
    expect(w.js).toBe(gz(...Object.values(chain)));
  });

  it('counts inline scripts (together) but not JSON data, and nothing when there is no script', () => {
    expect(pageWeight('<p>hi</p>', read)).toMatchObject({ js: 0, css: 0, jsFiles: [] });
    expect(pageWeight('<script>console.log(1)</script>', read).js).toBe(gz('console.log(1)'));
    expect(
      pageWeight(
        '<script>let a=1;</script><script type="application/ld+json">{"@type":"Dataset"}</script><script>a++;</script>',
        read,
      ).js,
    ).toBe(gz('let a=1;a++;'));
  });

  it('counts inline styles with the stylesheets', () => {
    const w = pageWeight('<link rel="stylesheet" href="/_astro/s.css"><style>p{margin:0}</style>', read);
    expect(w.css).toBe(gz(files['/_astro/s.css']!, 'p{margin:0}'));
  });
});
