import type { BreakdownDefinition, BreakdownTable } from '../ledger/breakdown.ts';
import type { Entry } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import type { LedgerRow } from '../ledger/ledger.ts';
import type { Plan } from '../ledger/plan.ts';
import type { Problem } from '../site/problems.ts';
import type { ChartRef } from './chart-ref.ts';
import type { EditionMeta, SiteConfig } from './schemas.ts';

/**
 * The site as loaded: what every page, download, chart and check reads. Defined here, below the loader
 * (content/) and the outputs (charts/, publish/, forms/), so they all depend on the model, not on each other.
 */
export interface Chapter {
  slug: string;
  /** Path of the MDX file relative to the project root. */
  file: string;
  /** Id of the entry in Astro's `chapters` collection. */
  collectionId: string;
  title: string;
  order: number;
  summary?: string;
  /** The chapter's <Chart> usages (their CSV downloads are generated from this list). */
  charts: ChartRef[];
}

export interface Edition extends EditionMeta {
  chapters: Chapter[];
  /** Custom Vega-Lite specs in the edition folder, by file name (for <Chart kind="custom">). */
  customSpecs: Record<string, unknown>;
  /** The evaluated entries of the edition's own year, in catalogue order. */
  yearEntries: Entry[];
  /** Every evaluated entry of the edition: all periods it reports (baseline years included). */
  allEntries: Entry[];
  /** The ledger rows as the editor wrote them (with file and line, for warnings). */
  ledgerRows: LedgerRow[];
  ledgerFile: string;
  /** The breakdown tables this edition publishes (`data/breakdowns/<id>/<year>.csv`), in definition order. */
  breakdowns: BreakdownTable[];
}

export interface Project {
  site: SiteConfig;
  /** Every indicator of data/indicators.csv (for check and for scaffolding a new edition's ledger). */
  catalogue: Indicator[];
  /**
   * The indicators the loaded editions report or a plan sets a target for, in catalogue order: what the
   * site publishes. One only a draft edition uses stays off the public site (pages, index, downloads, search).
   */
  publishedIndicators: Indicator[];
  /** Every indicator of the catalogue by id (published or not). */
  catalogueById: Map<string, Indicator>;
  /** Development plans, by start year: what editions report against. */
  plans: Plan[];
  /** Breakdown tables (`data/breakdowns/<id>.yaml`), by id: what editions' breakdowns are. */
  breakdowns: BreakdownDefinition[];
  domains: string[];
  /** Editions in ascending year; drafts only when asked for. */
  editions: Edition[];
  problems: Problem[];
}

/** The newest edition shown (drafts only when they were loaded). */
export const latestEdition = (project: Project): Edition | undefined => project.editions.at(-1);
