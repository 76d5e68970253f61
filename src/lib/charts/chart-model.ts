import type { TopLevelSpec } from 'vega-lite';

/** A chart as readers meet it: spec, a one-sentence summary, and exactly its data as a table. */
export interface ChartModel {
  /** Stable, URL-safe key within an edition: names the CSV download. */
  key: string;
  title: string;
  summary: string;
  spec: TopLevelSpec;
  table: { columns: string[]; rows: Array<Array<string | number>> };
}

/**
 * The kinds of top-level spec the builders write, taken from Vega-Lite's own `TopLevelSpec`, so an object
 * literal of one is checked field by field (mark types, encodings, scales) with no cast.
 */
export type LayeredSpec = Extract<TopLevelSpec, { layer: unknown }>;
/** One layer of a `LayeredSpec`: a unit spec (mark and encoding) or a layer of layers. */
export type SpecLayer = LayeredSpec['layer'][number];
export type SingleViewSpec = Extract<TopLevelSpec, { mark: unknown }>;
