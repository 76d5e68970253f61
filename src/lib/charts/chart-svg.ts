import { availableParallelism } from 'node:os';

import { Tinypool } from 'tinypool';
import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { chartKey, type ChartSvgCache, keepChart, readChart, type RenderedChart } from './chart-cache.ts';
import { textWidth } from './text-width.ts';

// Vega measures text with a Latin-based estimate when there is no canvas (Node): make it CJK-aware,
// or Chinese axis labels and legends overlap and get clipped.
// (vega re-exports vega-scenegraph's textMetrics at runtime; its typings omit it.)
interface TextItem {
  fontSize?: number;
  text?: unknown;
}
const { textMetrics } = vega as unknown as { textMetrics: { width: (item: TextItem, text?: string) => number } };
textMetrics.width = (item, text) => textWidth(String(text ?? item.text ?? '').trim(), item.fontSize ?? 11);

/** Receives each warning Vega-Lite or Vega gives about a chart, in their (English) words, once. */
export type ChartWarning = (warning: string) => void;

/**
 * Prints a chart's warning for the editor, in the diagnostics' words, naming the chart by its title and
 * edition: what the build does with the warnings of the charts it draws.
 */
export const printChartWarning =
  (title: string, edition: number): ChartWarning =>
  (warning) =>
    console.warn(diagnostics().build.chartWarning(visible(title), edition, visible(warning)));

let kept: ChartSvgCache | undefined;

/**
 * Keeps every chart drawn in `cache` across builds, and draws only those not kept there (`chart-cache.ts`);
 * `undefined`: this process's memory only (tests, `astro dev`). The build sets it before the first page
 * renders (`site.ts`, from the site module).
 */
export function useChartSvgCache(cache: ChartSvgCache | undefined): void {
  kept = cache;
}

let threads: Tinypool | undefined;

/**
 * Draws the charts in worker threads, one per core, running `worker` (chart-draw-worker.ts, as a file URL):
 * the page rendering goes on while charts are drawn (Astro renders several pages at once, `site-config.ts`).
 * The build sets it with the cache; `undefined` (tests, `astro dev`): drawn in this thread. Idle threads end
 * by themselves and never keep the process alive.
 */
export function drawChartsInThreads(worker: string | undefined): void {
  void threads?.destroy();
  threads = worker
    ? new Tinypool({
        filename: worker,
        minThreads: 0,
        maxThreads: Math.max(1, availableParallelism()),
        idleTimeout: 2000,
      })
    : undefined;
}

/**
 * Compiles a Vega-Lite spec and renders it to a static SVG string in Node (no browser, no canvas):
 * the chart is there with JavaScript off, in the PDF and in web archives. The fixed width/height
 * attributes are removed so the SVG scales with its container through its viewBox. What Vega-Lite and
 * Vega warn of goes to `warn`, never to the console in their English.
 */
export function renderChartSvg(spec: TopLevelSpec, warn: ChartWarning): Promise<string> {
  // The same chart appears on several pages (chapter, print edition, indicator page): render it once
  // (and so report its warnings once).
  // The memo is bounded (least recently used goes first): held for a whole build, every chart of a
  // large ledger's indicator pages grew it by ~130 KB each, past a gigabyte for 100k ledger rows.
  const cache = kept;
  const key = chartKey(cache?.renderer ?? '', spec);
  let svg = rendered.get(key);
  if (svg) rendered.delete(key);
  else svg = drawOrReuse(spec, key, cache, warn);
  rendered.set(key, svg);
  if (rendered.size > RENDERED_CHARTS_KEPT) rendered.delete(rendered.keys().next().value!);
  return svg;
}

/** A chart from the cache, its warnings said again (the editor still has to hear them); else drawn and kept. */
async function drawOrReuse(
  spec: TopLevelSpec,
  key: string,
  cache: ChartSvgCache | undefined,
  warn: ChartWarning,
): Promise<string> {
  const reused = cache && readChart(cache, key);
  const drawn = reused ?? (await (threads ? (threads.run(spec) as Promise<RenderedChart>) : drawChart(spec)));
  if (!reused && cache) keepChart(cache, key, drawn);
  for (const warning of drawn.warnings) warn(warning);
  return drawn.svg;
}

/** Enough for every chart of several editions' chapters and print editions in the order Astro renders them. */
const RENDERED_CHARTS_KEPT = 500;
const rendered = new Map<string, Promise<string>>();

/** A Vega loader that loads nothing: a spec that tries to read a file or a URL fails instead. */
const refuse = () => Promise.reject(new Error('charts load no files or URLs'));
const NO_LOADING = { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };

/**
 * Vega-Lite says it drops “fit-y” whenever a fit meets a height in steps (a discrete y), fit-x included,
 * and then does exactly the fit-x asked for (vega/vega-lite#8579): about the phone design (fit-x), this
 * says nothing about the chart. The site's own row charts have a height in pixels (chart-tokens.ts
 * `rowsHeight`) and never meet it; an editor's chart with a discrete y does.
 */
const FIT_X_FALSE_ALARM = 'Dropping "fit-y" because spec has discrete height.';
const asksFitX = (spec: TopLevelSpec) => {
  const { autosize } = spec as { autosize?: string | { type?: string } };
  return (typeof autosize === 'string' ? autosize : autosize?.type) === 'fit-x';
};

/**
 * A logger for Vega-Lite's compiler and Vega's view that hands their warnings to `warn` instead of
 * printing them in English. Errors are printed as Vega prints them: the custom-chart trial
 * (chart-trial-child.ts) watches for them, and validation reports them in the editor's words.
 */
function chartLogger(warn: ChartWarning): vega.LoggerInterface {
  return vega.logger(vega.Warn, undefined, (method, level, args) => {
    if (method === 'warn') warn(args.map(String).join(' '));
    else console[method](level, ...args);
  });
}

/** A headless Vega view of a compiled spec: expressions interpreted (no eval), nothing loaded. */
function headlessView(compiled: vega.Spec, logger: vega.LoggerInterface): vega.View {
  const runtime = vega.parse(compiled, undefined, { ast: true });
  return new vega.View(runtime, { renderer: 'none', expr: expressionInterpreter, loader: NO_LOADING, logger });
}

/**
 * Draws a chart: its SVG, and what Vega-Lite and Vega warned of (each once, however many marks they warned of it
 * for). A spec that fails to draw throws, its warnings then lost with it.
 */
export async function drawChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings = new Set<string>();
  const logger = chartLogger((warning) => {
    if (!(warning === FIT_X_FALSE_ALARM && asksFitX(spec))) warnings.add(warning);
  });
  // The static SVG is aria-hidden (the caption, summary and table describe it in the site's language), so
  // Vega's generated ARIA descriptions — English, with raw floats — are left out of the page.
  const compiled = compile(
    { ...spec, config: { ...(spec as { config?: object }).config, aria: false } } as TopLevelSpec,
    { logger },
  );
  const view = headlessView(compiled.spec, logger);
  try {
    const svg = await view.toSVG();
    return {
      svg: svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, '<svg$1 aria-hidden="true" focusable="false"'),
      warnings: [...warnings],
    };
  } finally {
    view.finalize();
  }
}

/** Drops warnings: for `plottedData`, whose spec is drawn by `renderChartSvg` too, which reports them. */
const UNHEARD = chartLogger(() => {});

interface VegaMark {
  from?: { data?: string; facet?: { data?: string } };
}

/**
 * The records a spec's marks draw, after its transforms (filters, calculations, aggregates): what the
 * chart shows, for its data table and CSV. Records drawn by several marks (a line and its points) once.
 * Worked out once per spec and build: a custom chart is built for its chapter, the print page, its CSV and its
 * pictures, each time with the same spec. The records are shared between callers: read, never changed.
 */
export function plottedData(spec: TopLevelSpec): Array<Record<string, unknown>> {
  const key = chartKey('plotted', spec);
  const records = plotted.get(key) ?? plot(spec);
  plotted.delete(key);
  plotted.set(key, records);
  if (plotted.size > PLOTTED_KEPT) plotted.delete(plotted.keys().next().value!);
  return records;
}

/** Custom charts are few; their records can be large (a whole ledger's, filtered). */
const PLOTTED_KEPT = 50;
const plotted = new Map<string, Array<Record<string, unknown>>>();

function plot(spec: TopLevelSpec): Array<Record<string, unknown>> {
  const compiled = compile(spec, { logger: UNHEARD }).spec;
  // Top-level marks name the view's datasets (a line's group mark through its facet); marks inside groups
  // draw from those.
  const marks = (compiled as { marks?: VegaMark[] }).marks ?? [];
  const datasets = new Set(marks.flatMap((mark) => mark.from?.facet?.data ?? mark.from?.data ?? []));
  const view = headlessView(compiled, UNHEARD).run();
  try {
    const records = new Map<string, Record<string, unknown>>();
    for (const name of datasets)
      for (const record of view.data(name) as Array<Record<string, unknown>>)
        records.set(JSON.stringify(record), record);
    return [...records.values()];
  } finally {
    view.finalize();
  }
}
