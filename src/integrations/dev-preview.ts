import { contentRoot } from '../lib/site/content-root.ts';
import { relative } from 'node:path';
import type { AstroIntegration } from 'astro';
import { PATHS } from '../lib/content/project.ts';
import { diagnostics } from '../lib/site/messages/index.ts';

/** Read by src/site.ts: drafts are shown only by `astro dev`, whatever NODE_ENV says. */
export const SHOW_DRAFTS_ENV = 'WHITE_PAPER_SHOW_DRAFTS';

/**
 * The editors' preview (`npm run dev`): draft editions are visible, and the page reloads when an
 * editor saves a CSV or YAML file, not only MDX. The loaded project (src/site.ts) is cached per
 * module instance, so every server module is invalidated.
 */
export function devPreview(): AstroIntegration {
  return {
    name: 'white-paper-dev-preview',
    hooks: {
      'astro:config:setup': ({ command }) => {
        process.env[SHOW_DRAFTS_ENV] = command === 'dev' ? '1' : '';
      },
      'astro:server:setup': ({ server, logger }) => {
        const watched = [PATHS.catalogue, `${PATHS.ledgers}/`, PATHS.site, `${PATHS.editions}/`];
        server.watcher.add(['data', 'content']);
        const reload = (file: string) => {
          const path = file.replaceAll('\\', '/');
          if (!/\.(csv|ya?ml|json)$/.test(path) || !watched.some((w) => path.includes(w))) return;
          for (const environment of Object.values(server.environments)) environment.moduleGraph.invalidateAll();
          server.ws.send({ type: 'full-reload' });
          logger.info(diagnostics().build.reloaded(relative(contentRoot(), file)));
        };
        server.watcher.on('change', reload);
        server.watcher.on('add', reload);
        server.watcher.on('unlink', reload);
      },
    },
  };
}
