import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { PATHS } from '../lib/project.ts';

/**
 * `npm run dev` reloads the page when an editor saves a CSV or YAML file, not only MDX: the loaded
 * project (src/site.ts) is cached per module instance, so every server module is invalidated.
 */
export function devReload(): AstroIntegration {
  return {
    name: 'white-paper-dev-reload',
    hooks: {
      'astro:server:setup': ({ server, logger }) => {
        const watched = [`${PATHS.catalogue}`, `${PATHS.ledgers}/`, `${PATHS.site}`, `${PATHS.editions}/`];
        server.watcher.add(['data', 'content']);
        const reload = (file: string) => {
          const path = file.replaceAll('\\', '/');
          if (!/\.(csv|ya?ml|json)$/.test(path) || !watched.some((w) => path.includes(w))) return;
          for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
          server.ws.send({ type: 'full-reload' });
          logger.info(`已重新读取 ${relative(process.cwd(), file)}`);
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
    },
  };
}
