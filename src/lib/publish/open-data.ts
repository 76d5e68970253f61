import { createHash } from 'node:crypto';
import type { Indicator } from '../ledger/indicator.ts';
import { rowAt } from '../ledger/lookup.ts';
import type { Edition, Project } from '../content/project.ts';
import { evaluateStatus, STATUSES, type Status } from '../ledger/status.ts';

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
  status: Status;
  status_by: 'editor' | 'computed';
  note: string | null;
  source: string;
}

/** Column definitions: the data dictionary of the downloads and the Table Schema of the package. */
export const LEDGER_FIELDS: Array<{
  name: keyof LedgerRecord;
  title: string;
  type: 'integer' | 'number' | 'string';
  description: string;
  required?: boolean;
  enum?: readonly string[];
}> = [
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
    description: '已完成 / 未完成 / 不再统计 / 政策调整 / 未评估（无目标或无法判断）',
    required: true,
    enum: STATUSES,
  },
  {
    name: 'status_by',
    title: '判定方式',
    type: 'string',
    description: 'computed：由数值与目标计算；editor：由编辑按文件填写',
    required: true,
    enum: ['computed', 'editor'],
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

export function ledgerRecords(project: Project, edition: Edition): LedgerRecord[] {
  const order = new Map(project.indicators.map((i, n) => [i.id, n]));
  return [...edition.rows]
    .sort((a, b) => Number(a.period) - Number(b.period) || order.get(a.indicator)! - order.get(b.indicator)!)
    .map((row) => {
      const indicator = project.indicatorById.get(row.indicator)!;
      const previous = rowAt(project, edition, row.indicator, String(Number(row.period) - 1))?.value;
      const verdict = evaluateStatus({
        value: row.value,
        target: row.target,
        direction: indicator.direction,
        previous: typeof previous === 'number' ? previous : null,
        editorStatus: row.editorStatus,
      });
      return {
        edition: edition.year,
        indicator: indicator.id,
        name: indicator.name,
        domain: indicator.domain,
        unit: indicator.unit,
        period: Number(row.period),
        value: typeof row.value === 'number' ? row.value : null,
        value_text: typeof row.value === 'string' ? row.value : null,
        target: row.target?.text ?? null,
        status: verdict.status,
        status_by: verdict.by,
        note: row.note || null,
        source: row.source || indicator.source,
      };
    });
}

export const allLedgerRecords = (project: Project): LedgerRecord[] =>
  project.editions.flatMap((e) => ledgerRecords(project, e));

export const recordRow = (r: LedgerRecord) => LEDGER_FIELDS.map((f) => r[f.name]);
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
  record: LedgerRecord;
  /** Later editions that restated this period's value. */
  revisions: Array<{ by: number; value: number | string | null; note: string }>;
}

/**
 * An indicator across all periods, each as first published (by its own edition, or by the first edition
 * that reported it as a baseline), with the later restatements listed.
 */
export function indicatorSeries(project: Project, id: string): SeriesPoint[] {
  const records = allLedgerRecords(project).filter((r) => r.indicator === id);
  const periods = [...new Set(records.map((r) => r.period))].sort((a, b) => a - b);
  return periods.map((period) => {
    const candidates = records.filter((r) => r.period === period);
    const record = candidates.find((r) => r.edition === period) ?? candidates.sort((a, b) => a.edition - b.edition)[0]!;
    const value = (r: LedgerRecord) => r.value ?? r.value_text;
    const revisions = candidates
      .filter((r) => r.edition > record.edition && value(r) !== value(record))
      .map((r) => ({ by: r.edition, value: value(r), note: r.note ?? '' }));
    return { period: String(period), record, revisions };
  });
}
