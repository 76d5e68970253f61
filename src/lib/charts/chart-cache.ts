import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { writeWhole } from '../site/write-whole.ts';

/**
 * Chart SVGs kept across builds, by content: a build draws only the charts whose spec (or renderer) changed.
 * Drawing is most of a build's page rendering (~150 SVGs for the demo, 10–50 ms each); an unchanged chart is
 * a file read. The build gives the folder (`site-config.ts`, through the site module): the rendering runs in
 * Astro's bundled server code, where this module's own location says nothing about the project.
 */

/** What a render gave: the SVG and what Vega-Lite and Vega warned of, replayed on a hit so editors still see it. */
export interface RenderedChart {
  svg: string;
  warnings: string[];
}

export interface ChartSvgCache {
  /** The folder of the kept charts (made on the first write). */
  dir: string;
  /**
   * What decides an SVG besides its spec: the renderer's code and the versions of the libraries it runs
   * (`chartRendererIdentity`). Part of every key, so a changed renderer never serves an old drawing.
   */
  renderer: string;
}

/** The renderer's own files: a change in any of them (text widths, the SVG's post-processing) draws every chart again. */
const RENDERER_FILES = ['chart-svg.ts', 'chart-cache.ts', 'text-width.ts'];
/** The libraries that compile, lay out and write a chart: a new version may draw it differently. */
const RENDERER_PACKAGES = ['vega', 'vega-lite', 'vega-interpreter', 'vega-scenegraph'];

/**
 * The identity of the chart renderer of the project at `codeRoot`: its files, the installed versions of the
 * libraries it draws with and the time zone. Computed where the sources are files (the build's configuration), not in the
 * bundled pages.
 */
export function chartRendererIdentity(codeRoot: string): string {
  const hash = createHash('sha256');
  for (const name of RENDERER_FILES) hash.update(readFileSync(join(codeRoot, 'src/lib/charts', name))).update('\0');
  for (const name of RENDERER_PACKAGES) hash.update(installedVersion(codeRoot, name)).update('\0');
  // Vega writes dates in the local time zone.
  hash.update(Intl.DateTimeFormat().resolvedOptions().timeZone);
  return hash.digest('hex');
}

function installedVersion(codeRoot: string, name: string): string {
  try {
    const { version } = JSON.parse(readFileSync(join(codeRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return `${name}@${String(version)}`;
  } catch {
    // Not where npm puts it (a nested copy): the renderer's files and the other versions still decide.
    return `${name}@?`;
  }
}

/** The key of a spec for this renderer: also the in-memory memo's, so a spec is hashed once. */
export function chartKey(renderer: string, spec: unknown): string {
  return createHash('sha256').update(renderer).update('\0').update(JSON.stringify(spec)).digest('hex').slice(0, 32);
}

const fileName = (key: string) => `${key}.json`;

/** The kept render of `key`, if any (an unreadable or damaged entry is a miss: the chart is drawn again). */
export function readChart(cache: ChartSvgCache, key: string): RenderedChart | undefined {
  let text: string;
  try {
    text = readFileSync(join(cache.dir, fileName(key)), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const kept = JSON.parse(text) as Partial<RenderedChart>;
    if (
      typeof kept.svg === 'string' &&
      Array.isArray(kept.warnings) &&
      kept.warnings.every((w) => typeof w === 'string')
    )
      return { svg: kept.svg, warnings: kept.warnings };
  } catch {
    // Damaged (a disk full mid-write elsewhere): drawn again, and written anew.
  }
  return undefined;
}

/** Keeps a render. Whole or not at all (a stopped build leaves no half file); an unwritable folder only costs a redraw. */
export function keepChart(cache: ChartSvgCache, key: string, chart: RenderedChart): void {
  try {
    mkdirSync(cache.dir, { recursive: true });
    writeWhole(cache.dir, fileName(key), JSON.stringify(chart));
  } catch {
    // Read-only node_modules, a full disk: the next build draws this chart again.
  }
}
