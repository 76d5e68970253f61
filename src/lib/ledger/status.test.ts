import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { evaluateStatus, parseEditorStatus, type Status } from './status.ts';
import { parseTarget, type Direction } from './target.ts';

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
