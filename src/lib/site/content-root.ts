import { resolve } from 'node:path';

/**
 * Where the editors' files are: content/ and data/ of the project (the working directory), or of another
 * site's folder given by `--root` (e.g. examples/dongtou). Every command takes the root as an option and
 * hands it on (to the Astro config, its integrations and the chapter collection): one code base builds any site.
 */
export const contentRoot = (given?: string): string => resolve(given || process.cwd());
