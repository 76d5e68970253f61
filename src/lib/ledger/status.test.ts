import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { parseCatalogue } from './indicator.ts';
import { parseLedger } from './ledger.ts';
import { evaluateStatus, parseEditorStatus, type Status } from './status.ts';
import { type Direction, parseTarget } from './target.ts';

interface DongtouRow {
  name: string;
  unit: string;
  direction: Direction;
  target: string;
  value: string;
  /** The verdict as the document words it (已完成, 未完成 …). */
  document_status: string;
  editor_status: string;
}

const rows: DongtouRow[] = parse(readFileSync(new URL('../../../tests/fixtures/dongtou-table1.csv', import.meta.url)), {
  columns: true,
  comment: '#',
});

const documentVerdict = (row: DongtouRow): Status => parseEditorStatus(row.document_status)!.status;

const verdict = (row: DongtouRow) => {
  const target = parseTarget(row.target);
  if (!target.ok) throw new Error(`${row.name}: ${target.problem}`);
  const value = row.value === '' ? null : Number.isNaN(Number(row.value)) ? row.value : Number(row.value);
  return evaluateStatus({
    value,
    target: target.target,
    direction: row.direction,
    previous: null,
    base: null,
    editorStatus: parseEditorStatus(row.editor_status)?.status ?? null,
  });
};

describe('洞头区“十三五”完成情况表（表1）', () => {
  it('has the whole table', () => {
    expect(rows.length).toBe(49);
  });

  const computed = rows.filter((r) => r.editor_status === '');
  it.each(computed.map((r) => [r.name, r] as const))('computes the document’s verdict for %s', (_name, row) => {
    expect(verdict(row)).toEqual({ status: documentVerdict(row), by: 'computed' });
  });

  it('computes every row whose target and value are numeric', () => {
    const numeric = rows.filter((r) => r.value !== '' && !Number.isNaN(Number(r.value)) && /\d/.test(r.target));
    const stated = numeric.filter((r) => r.editor_status !== '').map(documentVerdict);
    // Only policy changes are stated by the editor among numeric rows; the rest are computed.
    expect(new Set(stated)).toEqual(new Set(['policy_changed']));
    expect(computed.length).toBe(numeric.length - stated.length);
  });

  it('keeps the editor’s verdict for qualitative targets and discontinued indicators', () => {
    for (const row of rows.filter((r) => r.editor_status !== '')) {
      expect(verdict(row)).toEqual({ status: documentVerdict(row), by: 'editor' });
    }
  });
});

describe('evaluateStatus', () => {
  const target = (t: string) => {
    const r = parseTarget(t);
    return r.ok ? r.target : null;
  };
  it('is 未评估 without a value or a target', () => {
    expect(
      evaluateStatus({
        value: null,
        target: target('≥96'),
        direction: 'higher',
        previous: null,
        base: null,
        editorStatus: null,
      }).status,
    ).toBe('not_assessed');
    expect(
      evaluateStatus({ value: 97, target: null, direction: 'higher', previous: null, base: null, editorStatus: null })
        .status,
    ).toBe('not_assessed');
    expect(
      evaluateStatus({
        value: '已建成',
        target: target('建成'),
        direction: 'higher',
        previous: null,
        base: null,
        editorStatus: null,
      }).status,
    ).toBe('not_assessed');
  });
  it('lets the editor override a computed verdict', () => {
    expect(
      evaluateStatus({
        value: 90,
        target: target('≥96'),
        direction: 'higher',
        previous: null,
        base: null,
        editorStatus: 'discontinued',
      }),
    ).toEqual({ status: 'discontinued', by: 'editor' });
  });
  it('reads editor synonyms and rejects unknown words', () => {
    expect(parseEditorStatus('完成')).toEqual({ status: 'met', remark: '' });
    expect(parseEditorStatus('政策调整,不再开展')).toEqual({ status: 'policy_changed', remark: '不再开展' });
    expect(parseEditorStatus('未完成，有待推进')).toEqual({ status: 'not_met', remark: '有待推进' });
    expect(parseEditorStatus('积极推行建设中')).toEqual({ status: 'in_progress', remark: '' });
    expect(parseEditorStatus('有待推进')).toEqual({ status: 'in_progress', remark: '' });
    expect(parseEditorStatus('')).toBeNull();
    expect(parseEditorStatus('差不多')).toBeUndefined();
  });
});

describe('洞头区“十四五”主要目标（表2）in an editor’s ledger, words verbatim', () => {
  const table2: Array<{ domain: string; name: string; unit: string; direction: string; target: string }> = parse(
    readFileSync(new URL('../../../tests/fixtures/dongtou-table2.csv', import.meta.url)),
    { columns: true, comment: '#' },
  );
  const id = (n: number) => `t2_${String(n + 1).padStart(2, '0')}`;
  const catalogueCsv = [
    'id,name,domain,unit,direction',
    ...table2.map((r, n) => [id(n), `"${r.name}"`, r.domain, r.unit, r.direction].join(',')),
  ].join('\n');
  const catalogue = new Map(parseCatalogue(catalogueCsv, 'data/indicators.csv').indicators.map((i) => [i.id, i]));
  const ledgerCsv = [
    'indicator,period,value,target',
    ...table2.map((r, n) => [id(n), '2025', '', `"${r.target}"`].join(',')),
  ].join('\n');
  const { rows, problems } = parseLedger(ledgerCsv, 'data/ledgers/2025.csv', catalogue);

  it('is read without an error; the only warnings suggest the unit 个 for the two counts without one', () => {
    expect(table2).toHaveLength(30);
    expect(rows).toHaveLength(30);
    expect(problems.map((p) => [p.severity, p.line, p.hint])).toEqual([
      ['warning', 30, expect.stringContaining('unit 列为该指标填写“个”')],
      ['warning', 31, expect.stringContaining('unit 列为该指标填写“个”')],
    ]);
  });

  it('reads each target as the plan means it', () => {
    const kinds = Object.fromEntries(rows.map((r, n) => [table2[n]!.name, r.target]));
    expect(kinds['城市空气细颗粒物(PM2.5)浓度']).toMatchObject({ kind: 'tiered', high: { op: '<=', value: 25 } });
    expect(kinds['近岸海域水质优良(一、二类)比例']).toMatchObject({
      kind: 'compare',
      value: 57.5,
      remark: '“十四五”均值',
    });
    expect(kinds['万元GDP二氧化碳排放量']).toMatchObject({ kind: 'trend', change: 'down', remark: '完成市下达任务' });
    expect(kinds['区长质量奖']).toMatchObject({ kind: 'compare', op: '>=', value: 5, unit: '个' });
    expect(kinds['国家级生态文明建设示范区创建']).toMatchObject({ kind: 'qualitative', text: '基本建成' });
    expect(kinds['主要污染物排放削减率']).toMatchObject({ kind: 'qualitative' });
    expect(kinds['制造业产品质量合格率']).toMatchObject({ kind: 'reach', value: 96 });
  });
});
