import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

import sirv from 'sirv';

export interface ServeOptions {
  /** Path the directory is served under, like the site's `base` (default `/`); anything else is a 404. */
  base?: string;
  /** Further directories by path prefix, e.g. the print fonts (fonts/), which are never published. */
  mounts?: Record<string, string>;
  /** A file of the directory sent with every 404, as a static host sends `404.html`; else an empty 404. */
  notFoundPage?: string;
  /** Headers sent with every response, as a web server configured for the site would (e.g. the CSP). */
  headers?: Record<string, string>;
  /** Send `<file>.gz` where it exists to browsers that accept gzip (precompressed, like nginx's gzip_static). */
  gzip?: boolean;
}

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, a free port chosen at start. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves a built directory on localhost: the one static server of the build, tests and scripts.
 * Path prefixes (`base`, mounts) start and end with `/`.
 */
export async function serveStatic(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  // Mounts before the base, which may be `/` and would match everything.
  const routes = [...Object.entries(options.mounts ?? {}), [options.base ?? '/', dir] as const].map(
    ([prefix, root]) => ({
      prefix,
      files: sirv(root, { dev: true, extensions: ['html'], gzip: options.gzip ?? false }),
    }),
  );
  const notFoundBody = options.notFoundPage ? readFileSync(join(dir, options.notFoundPage)) : undefined;
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    const notFound = () => {
      if (notFoundBody) res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(notFoundBody);
      else res.writeHead(404).end();
    };
    const url = req.url ?? '/';
    const route = routes.find((r) => url.startsWith(r.prefix));
    if (!route) return notFound();
    req.url = url.slice(route.prefix.length - 1);
    route.files(req, res, notFound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
