import { createHash } from 'node:crypto';

import * as vega from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';

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

/**
 * Compiles a Vega-Lite spec and renders it to a static SVG string in Node (no browser, no canvas):
 * the chart is there with JavaScript off, in the PDF and in web archives. The fixed width/height
 * attributes are removed so the SVG scales with its container through its viewBox.
 */
export function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  // The same chart appears on several pages (chapter, print edition, indicator page): render it once.
  // The cache is bounded (least recently used goes first): held for a whole build, every chart of a
  // large ledger's indicator pages grew it by ~130 KB each, past a gigabyte for 100k ledger rows.
  const key = createHash('sha256').update(JSON.stringify(spec)).digest('base64');
  let svg = rendered.get(key);
  if (svg) rendered.delete(key);
  else svg = render(spec);
  rendered.set(key, svg);
  if (rendered.size > RENDERED_CHARTS_KEPT) rendered.delete(rendered.keys().next().value!);
  return svg;
}

/** Enough for every chart of several editions' chapters and print editions in the order Astro renders them. */
const RENDERED_CHARTS_KEPT = 500;
const rendered = new Map<string, Promise<string>>();

/** A Vega loader that loads nothing: a spec that tries to read a file or a URL fails instead. */
const refuse = () => Promise.reject(new Error('charts load no files or URLs'));
const NO_LOADING = { ...vega.loader(), load: refuse, sanitize: refuse, http: refuse, file: refuse };

/** A headless Vega view of a compiled spec: expressions interpreted (no eval), nothing loaded. */
function headlessView(compiled: vega.Spec): vega.View {
  const runtime = vega.parse(compiled, undefined, { ast: true });
  return new vega.View(runtime, { renderer: 'none', expr: expressionInterpreter, loader: NO_LOADING });
}

async function render(spec: TopLevelSpec): Promise<string> {
  // The static SVG is aria-hidden (the caption, summary and table describe it in the site's language), so
  // Vega's generated ARIA descriptions — English, with raw floats — are left out of the page.
  const view = headlessView(
    compile({ ...spec, config: { ...(spec as { config?: object }).config, aria: false } } as TopLevelSpec).spec,
  );
  try {
    const svg = await view.toSVG();
    return svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, '<svg$1 aria-hidden="true" focusable="false"');
  } finally {
    view.finalize();
  }
}

interface VegaMark {
  from?: { data?: string; facet?: { data?: string } };
}

/**
 * The records a spec's marks draw, after its transforms (filters, calculations, aggregates): what the
 * chart shows, for its data table and CSV. Records drawn by several marks (a line and its points) once.
 */
export function plottedData(spec: TopLevelSpec): Array<Record<string, unknown>> {
  const compiled = compile(spec).spec;
  // Top-level marks name the view's datasets (a line's group mark through its facet); marks inside groups
  // draw from those.
  const marks = (compiled as { marks?: VegaMark[] }).marks ?? [];
  const datasets = new Set(marks.flatMap((mark) => mark.from?.facet?.data ?? mark.from?.data ?? []));
  const view = headlessView(compiled).run();
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
