import { createHash } from 'node:crypto';
import type { Indicator } from '../ledger/indicator.ts';
import type { Edition, Project } from '../content/project.ts';
import type { Entry } from '../ledger/evaluation.ts';
import { STATUSES, STATUS_SOURCES } from '../ledger/status.ts';
import { writtenTarget } from '../ledger/target.ts';
import { messagesFor, type Messages } from '../site/messages/index.ts';

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
  /** The status label in the site's language (the codes are internal). */
  status: string;
  status_by: string;
  note: string | null;
  source: string;
}

export interface LedgerField {
  name: keyof LedgerRecord;
  title: string;
  type: 'integer' | 'number' | 'string';
  description: string;
  required?: boolean;
  enum?: readonly string[];
}

/** Column definitions: the data dictionary of the downloads and the Table Schema of the package. */
export const ledgerFields = (m: Messages): LedgerField[] => [
  {
    name: 'edition',
    title: '版本',
    type: 'integer',
    description: '发布该数值的白皮书年度版本（数据年份版本，vintage）；同一统计期的数值以各版本发布时为准',
    required: true,
  },
  {
    name: 'indicator',
    title: '指标编号',
    type: 'string',
    description: '指标的稳定编号，对应指标目录 indicators.csv 的 id',
    required: true,
  },
  { name: 'name', title: '指标名称', type: 'string', description: '指标中文名称', required: true },
  {
    name: 'domain',
    title: '领域',
    type: 'string',
    description: '指标所属领域（产品质量、工程质量、服务质量、环境质量等）',
    required: true,
  },
  { name: 'unit', title: '单位', type: 'string', description: '数值的计量单位；空表示无量纲或定性指标' },
  { name: 'period', title: '统计期', type: 'integer', description: '数值所属年份', required: true },
  { name: 'value', title: '数值', type: 'number', description: '数值型指标的数值（单位见 unit 列）；空表示无数据' },
  { name: 'value_text', title: '定性情况', type: 'string', description: '定性指标的完成情况描述（如“已创成”）' },
  {
    name: 'target',
    title: '目标',
    type: 'string',
    description: '该期目标，按原文记录（如 ≥96、≤0.42、稳步下降、建成）',
  },
  {
    name: 'status',
    title: '完成情况',
    type: 'string',
    description: `${STATUSES.map((s) => m.status[s]).join(' / ')}（无目标或无法判断）`,
    required: true,
    enum: STATUSES.map((s) => m.status[s]),
  },
  {
    name: 'status_by',
    title: '判定方式',
    type: 'string',
    description: `${m.statusBy.computed}：由数值与目标计算；${m.statusBy.editor}：由编辑按文件填写`,
    required: true,
    enum: STATUS_SOURCES.map((s) => m.statusBy[s]),
  },
  { name: 'note', title: '备注', type: 'string', description: '编辑备注（口径变化、修订原因等）' },
  { name: 'source', title: '数据来源', type: 'string', description: '提供数据的部门', required: true },
];

export const CATALOGUE_FIELDS: Array<{
  name: keyof Indicator;
  title: string;
  type: 'integer' | 'string';
  description: string;
  required?: boolean;
  enum?: readonly string[];
}> = [
  { name: 'id', title: '指标编号', type: 'string', description: '稳定编号，发布后不变', required: true },
  { name: 'name', title: '指标名称', type: 'string', description: '中文名称', required: true },
  { name: 'domain', title: '领域', type: 'string', description: '所属领域', required: true },
  { name: 'unit', title: '单位', type: 'string', description: '计量单位' },
  {
    name: 'direction',
    title: '方向',
    type: 'string',
    description: 'higher：越高越好；lower：越低越好',
    required: true,
    enum: ['higher', 'lower'],
  },
  {
    name: 'type',
    title: '类型',
    type: 'string',
    description: 'number：数值型；text：定性',
    required: true,
    enum: ['number', 'text'],
  },
  { name: 'decimals', title: '小数位数', type: 'integer', description: '发布时显示的小数位数' },
  { name: 'definition', title: '定义', type: 'string', description: '统计口径' },
  { name: 'source', title: '数据来源', type: 'string', description: '提供数据的部门' },
];

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
    target: e.target ? writtenTarget(e.target) : null,
    status: m.status[e.status],
    status_by: m.statusBy[e.statusBy],
    note: e.note || null,
    source: e.source,
  };
}

/** The edition's evaluated entries of every period, as download records. */
export const ledgerRecords = (project: Project, edition: Edition): LedgerRecord[] =>
  edition.ledger.map((e) => toRecord(e, messagesFor(project.site.language)));

export const allLedgerRecords = (project: Project): LedgerRecord[] =>
  project.editions.flatMap((e) => ledgerRecords(project, e));

/** The column names of every download, in order (names do not depend on the language). */
export const RECORD_COLUMNS = ledgerFields(messagesFor()).map((f) => f.name);
export const recordRow = (r: LedgerRecord) => RECORD_COLUMNS.map((name) => r[name]);
export const catalogueRow = (i: Indicator) => CATALOGUE_FIELDS.map((f) => i[f.name]);

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
  const revisions: Revision[] = [];
  for (const row of edition.rows) {
    for (const later of project.editions.filter((e) => e.year > edition.year)) {
      const restated = later.rows.find((r) => r.indicator === row.indicator && r.period === row.period);
      if (restated && restated.value !== row.value) {
        revisions.push({
          indicator: project.indicatorById.get(row.indicator)!,
          period: row.period,
          published: row.value,
          revised: restated.value,
          by: later.year,
          note: restated.note,
        });
      }
    }
  }
  return revisions;
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface SeriesPoint {
  period: string;
  /** The entry as first published. */
  entry: Entry;
  /** Later editions that restated this period's value. */
  revisions: Array<{ by: number; value: number | string | null; note: string }>;
}

/**
 * An indicator across all periods, each as first published (by its own edition, or by the first edition
 * that reported it as a baseline), with the later restatements listed.
 */
export function indicatorSeries(project: Project, id: string): SeriesPoint[] {
  const entries = project.editions.flatMap((e) => e.ledger.filter((x) => x.indicator.id === id));
  const periods = [...new Set(entries.map((e) => e.period))].sort();
  return periods.map((period) => {
    const candidates = entries.filter((e) => e.period === period).sort((a, b) => a.edition - b.edition);
    const entry = candidates.find((e) => String(e.edition) === period) ?? candidates[0]!;
    const revisions = candidates
      .filter((e) => e.edition > entry.edition && e.value !== entry.value)
      .map((e) => ({ by: e.edition, value: e.value, note: e.note }));
    return { period, entry, revisions };
  });
}
