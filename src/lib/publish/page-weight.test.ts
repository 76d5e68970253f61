import { describe, expect, it } from 'vitest';
import { pageWeight } from './page-weight.ts';

const files: Record<string, string> = {
  '/_astro/a.js': 'import{x}from"./b.js";const lazy=()=>import(`./big.js`);x();',
  '/_astro/b.js': 'export const x=()=>1;',
  '/_astro/big.js': 'x'.repeat(100000),
  '/_astro/s.css': 'body{color:red}',
};
const read = (p: string) => (files[p] ? new TextEncoder().encode(files[p]) : null);

describe('pageWeight', () => {
  it('follows static imports but not dynamic import() chunks', () => {
    const w = pageWeight(
      '<link rel="stylesheet" href="/_astro/s.css"><script type="module" src="/_astro/a.js"></script><script type="application/json">{"a":1}</script>',
      read,
    );
    expect(w.jsFiles).toEqual(['/_astro/a.js', '/_astro/b.js']);
    expect(w.js).toBeGreaterThan(0);
    expect(w.js).toBeLessThan(200);
    expect(w.css).toBeGreaterThan(0);
  });
  it('counts inline scripts and nothing when there is no script', () => {
    expect(pageWeight('<p>hi</p>', read).js).toBe(0);
    expect(pageWeight('<script>console.log(1)</script>', read).js).toBeGreaterThan(0);
  });
});
