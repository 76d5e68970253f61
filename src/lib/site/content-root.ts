import { resolve } from 'node:path';

/**
 * Where the editors' files are: content/ and data/ of the project (the working directory), or of another
 * site's folder given by `--root` (e.g. examples/dongtou). The npm scripts set the variable; the Astro
 * build, its integrations and the content collection read it, so one code base builds any site.
 */
export const CONTENT_ROOT_ENV = 'WHITE_PAPER_ROOT';

export const contentRoot = (): string => resolve(process.env[CONTENT_ROOT_ENV] || process.cwd());
