import { createHash } from 'node:crypto';

import type { BreakdownTable } from '../ledger/breakdown.ts';
import { type Entry, firstPublishedEntry, restatedEntries } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { PLAN_TARGET_KINDS } from '../ledger/plan.ts';
import { STATUS_SOURCES, STATUSES } from '../ledger/status.ts';
import { formatTarget } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';

/**
 * The researchers' view of the ledger: one record per edition (vintage) × indicator × period, exactly
 * as that edition published it. Everything downloadable — CSV, XLSX, JSON, the data package — is built
 * from these records, so the files cannot disagree with the pages.
 */
export interface LedgerRecord {
  edition: number;
  indicator: string;
  name: string;
  domain: string;
  unit: string;
  period: number;
  value: number | null;
  value_text: string | null;
  target: string | null;
  /** For a target against a base (在2010年基础上下降15.2%): the base, its value and the limit it implies. */
  base_period: string | null;
  base_value: number | null;
  base_limit: number | null;
  /** The status label in the site's language (the codes are internal). */
  status: string;
  status_by: string;
  note: string | null;
  source: string;
}

/**
 * A column of a download: its name, title, Table Schema type and description — one definition for the data
 * dictionary (the /data/ page, the XLSX sheet, the JSON's fields) and the data package's Table Schema.
 */
export interface DownloadField<R> {
  name: keyof R & string;
  title: string;
  type: 'integer' | 'number' | 'string';
  description: string;
  required?: boolean;
  enum?: readonly string[];
}

/** Column definitions: the data dictionary of the downloads and the Table Schema of the package. */
export const ledgerFields = (m: Messages): Array<DownloadField<LedgerRecord>> => {
  const f = m.ledgerFields;
  return [
    { name: 'edition', ...f.edition, type: 'integer', required: true },
    { name: 'indicator', ...f.indicator, type: 'string', required: true },
    { name: 'name', ...f.name, type: 'string', required: true },
    { name: 'domain', ...f.domain, type: 'string', required: true },
    { name: 'unit', ...f.unit, type: 'string' },
    { name: 'period', ...f.period, type: 'integer', required: true },
    { name: 'value', ...f.value, type: 'number' },
    { name: 'value_text', ...f.value_text, type: 'string' },
    { name: 'target', ...f.target, type: 'string' },
    { name: 'base_period', ...f.base_period, type: 'string' },
    { name: 'base_value', ...f.base_value, type: 'number' },
    { name: 'base_limit', ...f.base_limit, type: 'number' },
    {
      name: 'status',
      title: f.status.title,
      type: 'string',
      description: f.status.description(STATUSES.map((s) => m.status[s])),
      required: true,
      enum: STATUSES.map((s) => m.status[s]),
    },
    {
      name: 'status_by',
      title: f.status_by.title,
      type: 'string',
      description: f.status_by.description(m.statusBy.computed, m.statusBy.editor),
      required: true,
      enum: STATUS_SOURCES.map((s) => m.statusBy[s]),
    },
    { name: 'note', ...f.note, type: 'string' },
    { name: 'source', ...f.source, type: 'string', required: true },
  ];
};

/** The columns of the indicator catalogue download (indicators.csv, the XLSX sheet, the package). */
export const catalogueFields = (m: Messages): Array<DownloadField<Indicator>> => {
  const f = m.catalogueFields;
  return [
    { name: 'id', ...f.id, type: 'string', required: true },
    { name: 'name', ...f.name, type: 'string', required: true },
    { name: 'domain', ...f.domain, type: 'string', required: true },
    { name: 'group', ...f.group, type: 'string' },
    { name: 'unit', ...f.unit, type: 'string' },
    { name: 'direction', ...f.direction, type: 'string', required: true, enum: ['higher', 'lower'] },
    { name: 'type', ...f.type, type: 'string', required: true, enum: ['number', 'text'] },
    { name: 'decimals', ...f.decimals, type: 'integer' },
    { name: 'definition', ...f.definition, type: 'string' },
    { name: 'source', ...f.source, type: 'string' },
  ];
};

/** A plan target as a download record: which plan, which year, what kind, and the plan's own words. */
export interface PlanTargetRecord {
  plan: string;
  plan_name: string;
  plan_start: number;
  plan_end: number;
  indicator: string;
  name_in_plan: string;
  year: number;
  kind: string;
  target: string;
  /** The whole cell the plan printed when it holds targets of several indicators; else null. */
  target_as_printed: string | null;
  note: string | null;
}

/** The columns of plan-targets.csv: the data dictionary and the package's Table Schema. */
export const planTargetFields = (m: Messages): Array<DownloadField<PlanTargetRecord>> => {
  const f = m.planTargetFields;
  return [
    { name: 'plan', ...f.plan, type: 'string', required: true },
    { name: 'plan_name', ...f.plan_name, type: 'string', required: true },
    { name: 'plan_start', ...f.plan_start, type: 'integer', required: true },
    { name: 'plan_end', ...f.plan_end, type: 'integer', required: true },
    { name: 'indicator', ...f.indicator, type: 'string', required: true },
    { name: 'name_in_plan', ...f.name_in_plan, type: 'string', required: true },
    { name: 'year', ...f.year, type: 'integer', required: true },
    {
      name: 'kind',
      title: f.kind.title,
      type: 'string',
      description: f.kind.description,
      required: true,
      enum: PLAN_TARGET_KINDS.map((k) => m.plan.kinds[k]),
    },
    { name: 'target', ...f.target, type: 'string', required: true },
    { name: 'target_as_printed', ...f.target_as_printed, type: 'string' },
    { name: 'note', ...f.note, type: 'string' },
  ];
};

export const planTargetRecords = (project: Project, m: Messages): PlanTargetRecord[] =>
  project.plans.flatMap((plan) =>
    plan.targets.map((t) => ({
      plan: plan.id,
      plan_name: plan.name,
      plan_start: plan.start,
      plan_end: plan.end,
      indicator: t.indicator,
      name_in_plan: t.name,
      year: t.year,
      kind: m.plan.kinds[t.kind],
      target: formatTarget(t.target, project.catalogueById.get(t.indicator)!),
      target_as_printed: t.target.cell ?? null,
      note: t.note || null,
    })),
  );

/** An evaluated entry as a download record, with the labels of the site's language. */
export function toRecord(e: Entry, m: Messages): LedgerRecord {
  return {
    edition: e.edition,
    indicator: e.indicator.id,
    name: e.indicator.name,
    domain: e.indicator.domain,
    unit: e.indicator.unit,
    period: Number(e.period),
    value: typeof e.value === 'number' ? e.value : null,
    value_text: typeof e.value === 'string' ? e.value : null,
    target: e.target ? formatTarget(e.target, e.indicator) : null,
    base_period: e.baseline?.period ?? null,
    base_value: e.baseline?.value ?? null,
    base_limit: e.baseline?.limit ?? null,
    status: m.status[e.status],
    status_by: m.statusBy[e.statusBy],
    note: e.note || null,
    source: e.source,
  };
}

/** The edition's evaluated entries of every period, as download records. */
export const ledgerRecords = (project: Project, edition: Edition): LedgerRecord[] =>
  edition.allEntries.map((e) => toRecord(e, messagesFor(project.site.language)));

export const allLedgerRecords = (project: Project): LedgerRecord[] =>
  project.editions.flatMap((e) => ledgerRecords(project, e));

/** The column names of every download, in order (names do not depend on the language). */
export const RECORD_COLUMNS = ledgerFields(messagesFor()).map((f) => f.name);
export const CATALOGUE_COLUMNS = catalogueFields(messagesFor()).map((f) => f.name);
export const recordRow = (r: LedgerRecord) => RECORD_COLUMNS.map((name) => r[name]);
export const catalogueRow = (i: Indicator) => CATALOGUE_COLUMNS.map((name) => i[name]);
export const PLAN_TARGET_COLUMNS = planTargetFields(messagesFor()).map((f) => f.name);
export const planTargetRow = (r: PlanTargetRecord) => PLAN_TARGET_COLUMNS.map((name) => r[name]);

/**
 * A breakdown's figure as a download record, tidy (one observation a row): one record per edition ×
 * breakdown × category × measure, so every figure of every table is one row a researcher can filter and
 * pivot, whatever measures a table has. A figure the report does not give is empty — never 0.
 */
export interface BreakdownRecord {
  edition: number;
  breakdown: string;
  title: string;
  /** The catalogue indicator the table breaks down (its total is that indicator's value), if any. */
  indicator: string | null;
  dimension: string;
  category: string;
  /** The category's name as that edition's report prints it (a renamed category keeps its id). */
  category_name: string;
  parent: string | null;
  measure: string;
  measure_name: string;
  value: number | null;
  unit: string;
  note: string | null;
}

/**
 * The columns of breakdowns-*.csv: the data dictionary and the package's Table Schema. `parent` names a
 * category of the same breakdown and edition; the package can only say it is one of the file's categories
 * (see `dataPackage`).
 */
export const breakdownFields = (m: Messages): Array<DownloadField<BreakdownRecord>> => {
  const f = m.breakdownFields;
  return [
    { name: 'edition', ...f.edition, type: 'integer', required: true },
    { name: 'breakdown', ...f.breakdown, type: 'string', required: true },
    { name: 'title', ...f.title, type: 'string', required: true },
    { name: 'indicator', ...f.indicator, type: 'string' },
    { name: 'dimension', ...f.dimension, type: 'string', required: true },
    { name: 'category', ...f.category, type: 'string', required: true },
    { name: 'category_name', ...f.category_name, type: 'string', required: true },
    { name: 'parent', ...f.parent, type: 'string' },
    { name: 'measure', ...f.measure, type: 'string', required: true },
    { name: 'measure_name', ...f.measure_name, type: 'string', required: true },
    { name: 'value', ...f.value, type: 'number' },
    { name: 'unit', ...f.unit, type: 'string' },
    { name: 'note', ...f.note, type: 'string' },
  ];
};

/** A table's figures as records: the total row first, then the categories in the report's order, each measure in turn. */
export function breakdownRecords(table: BreakdownTable, edition: number): BreakdownRecord[] {
  const { definition } = table;
  return [...(table.total ? [table.total] : []), ...table.rows].flatMap((row) =>
    definition.measures.map((measure) => ({
      edition,
      breakdown: definition.id,
      title: definition.title,
      indicator: definition.indicator,
      dimension: definition.dimension,
      category: row.category,
      category_name: row.name,
      parent: row.parent,
      measure: measure.id,
      measure_name: measure.name,
      value: row.values[measure.id] ?? null,
      unit: measure.unit,
      note: row.note || null,
    })),
  );
}

/** Every breakdown table an edition publishes, as records. */
export const editionBreakdownRecords = (edition: Edition): BreakdownRecord[] =>
  edition.breakdowns.flatMap((table) => breakdownRecords(table, edition.year));

export const BREAKDOWN_COLUMNS = breakdownFields(messagesFor()).map((f) => f.name);
export const breakdownRow = (r: BreakdownRecord) => BREAKDOWN_COLUMNS.map((name) => r[name]);

/**
 * A figure a later edition restated: the earlier edition keeps what it published (a vintage), and
 * says which of its figures were revised and by which edition.
 */
export interface Revision {
  indicator: Indicator;
  period: string;
  published: number | string | null;
  revised: number | string | null;
  by: number;
  note: string;
}

export function laterRevisions(project: Project, edition: Edition): Revision[] {
  return edition.allEntries.flatMap((entry) =>
    restatedEntries(project.editions, entry).map(({ edition: later, record }) => ({
      indicator: entry.indicator,
      period: entry.period,
      published: entry.value,
      revised: record.value,
      by: later.year,
      note: record.note,
    })),
  );
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface SeriesPoint {
  period: string;
  /** The entry as first published. */
  entry: Entry;
  /** Later editions that restated this period's value. */
  revisions: Array<{ by: number; value: number | string | null; note: string }>;
}

/** Every edition's entries grouped by indicator, once per project (one scan, not one per indicator page). */
const grouped = new WeakMap<readonly Edition[], Map<string, Entry[]>>();
function entriesByIndicator(project: Project): Map<string, Entry[]> {
  let byId = grouped.get(project.editions);
  if (!byId) {
    byId = new Map();
    for (const e of project.editions.flatMap((edition) => edition.allEntries)) {
      const list = byId.get(e.indicator.id);
      if (list) list.push(e);
      else byId.set(e.indicator.id, [e]);
    }
    grouped.set(project.editions, byId);
  }
  return byId;
}

/**
 * An indicator across all periods, each as first published (by its own edition, or by the first edition
 * that reported it as a baseline), with the later restatements listed: the vintage rules of
 * `ledger/vintage.ts`, through the evaluation's entries.
 */
export function indicatorSeries(project: Project, id: string): SeriesPoint[] {
  const entries = entriesByIndicator(project).get(id) ?? [];
  const periods = [...new Set(entries.map((e) => e.period))].sort();
  return periods.map((period) => {
    const entry = firstPublishedEntry(project.editions, id, period)!;
    const revisions = restatedEntries(project.editions, entry).map(({ edition, record }) => ({
      by: edition.year,
      value: record.value,
      note: record.note,
    }));
    return { period, entry, revisions };
  });
}
