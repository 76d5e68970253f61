import { join, relative } from 'node:path';

import type { AstroIntegration } from 'astro';

import { PATHS } from '../lib/content/load-project.ts';
import { diagnostics } from '../lib/site/messages/index.ts';

/**
 * The editors' preview (`npm run dev`): the page reloads when an editor saves a CSV or YAML file of the
 * site in `root`, not only MDX. The loaded project (src/site.ts) is cached per module instance, so every
 * server module is invalidated. (Drafts are visible in `astro dev`: `showDrafts` of the site module.)
 */
export function devPreview({ root }: { root: string }): AstroIntegration {
  return {
    name: 'white-paper-dev-preview',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const watched = [PATHS.catalogue, `${PATHS.ledgers}/`, PATHS.site, `${PATHS.editions}/`];
        server.watcher.add([join(root, 'data'), join(root, 'content')]);
        const reload = (file: string) => {
          const path = file.replaceAll('\\', '/');
          if (!/\.(csv|ya?ml|json)$/.test(path) || !watched.some((w) => path.includes(w))) return;
          for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
          server.ws.send({ type: 'full-reload' });
          logger.info(diagnostics().build.reloaded(relative(root, file)));
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
    },
  };
}
