import { gzipSync } from 'node:zlib';

export interface PageWeight {
  html: number;
  css: number;
  /** JavaScript fetched before any interaction: module scripts, their static imports, inline scripts. */
  js: number;
  jsFiles: string[];
}

const gz = (bytes: Uint8Array | string) => gzipSync(bytes).length;

/**
 * Gzip bytes a page loads up front. Static `import … from` chains are followed (they load at once);
 * dynamic `import()` chunks are not (they load on demand).
 * `read(path)` returns the bytes of a site path such as `/_astro/x.js`, or null.
 */
export function pageWeight(html: string, read: (sitePath: string) => Uint8Array | null): PageWeight {
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
  const moduleSrcs = [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)].map((m) => m[1]!);
  const inlineScripts = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g),
  ]
    .map((m) => m[1]!)
    .join('');

  const seen = new Set<string>();
  const queue = [...moduleSrcs];
  let js = inlineScripts ? gz(inlineScripts) : 0;
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const bytes = read(path);
    if (!bytes) continue;
    js += gz(bytes);
    const code = new TextDecoder().decode(bytes);
    // Static imports only: `import x from "./a.js"` / `import "./a.js"` / `export … from "./a.js"`.
    for (const m of code.matchAll(
      /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`]([^"'`]+\.js)["'`]/g,
    )) {
      queue.push(new URL(m[1]!, `http://site${path}`).pathname);
    }
  }
  return {
    html: gz(html),
    css: css.reduce((n, p) => n + (read(p) ? gz(read(p)!) : 0), 0) + (inlineStyles ? gz(inlineStyles) : 0),
    js,
    jsFiles: [...seen],
  };
}
