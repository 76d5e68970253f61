import { describe, expect, it } from 'vitest';

import type { BreakdownDefinition } from './breakdown.ts';
import { parseBreakdownTable } from './breakdown-table.ts';

const FILE = 'data/breakdowns/spot_checks/2024.csv';

/** The demo's product-category breakdown, as its yaml defines it. */
const spotChecks: BreakdownDefinition = {
  id: 'spot_checks',
  title: '产品质量监督抽查结果（按产品类别）',
  dimension: '产品类别',
  indicator: 'spot_check_pass_rate',
  measures: [
    { id: 'enterprises', name: '抽查企业', unit: '家', decimals: null, role: { kind: 'count', sums: true } },
    { id: 'batches', name: '抽查批次', unit: '批次', decimals: null, role: { kind: 'count', sums: true } },
    { id: 'passed', name: '合格批次', unit: '批次', decimals: null, role: { kind: 'count', sums: true } },
    {
      id: 'pass_rate',
      name: '合格率',
      unit: '%',
      decimals: 1,
      role: { kind: 'rate', numerator: 'passed', denominator: 'batches' },
    },
    { id: 'change', name: '合格率比上年', unit: '个百分点', decimals: 1, role: { kind: 'change', of: 'pass_rate' } },
  ],
  chart: 'pass_rate',
  bands: [100, 95, 90],
  file: 'data/breakdowns/spot_checks.yaml',
};

const HEADER = 'category,name,parent,enterprises,batches,passed,pass_rate,change,note,checked';
const read = (...lines: string[]) => parseBreakdownTable(lines.join('\n'), FILE, spotChecks, 2024);
/** Each problem as [severity, line, column, message]. */
const located = (...lines: string[]) =>
  read(...lines).problems.map((p) => [p.severity, p.line, p.column, p.message] as const);

describe('parseBreakdownTable: a year’s table read against its definition', () => {
  it('reads categories in file order, the total apart, unknown figures as null, and the decimals written', () => {
    const { table, problems } = read(
      'batches,category,name,parent,enterprises,passed,pass_rate,change,note,checked',
      '203,total,合计,,103,192,94.6,0.5,,',
      '24,agri_inputs,农业生产资料,,14,20,83.3,—,,',
      '14,fertilizer,化肥,agri_inputs,９,11,78.6%,-4.7个百分点,,原报告如此',
      '10,farm_film,农膜,agri_inputs,,9,90.0,,2024年起单列,',
    );
    expect(problems).toEqual([]);
    expect(table.total).toMatchObject({ category: 'total', name: '合计', parent: null, line: 2 });
    expect(table.rows.map((r) => [r.category, r.parent, r.line])).toEqual([
      ['agri_inputs', null, 3],
      ['fertilizer', 'agri_inputs', 4],
      ['farm_film', 'agri_inputs', 5],
    ]);
    expect(table.rows[1]).toMatchObject({
      values: { enterprises: 9, batches: 14, passed: 11, pass_rate: 78.6, change: -4.7 },
      checked: '原报告如此',
    });
    // Empty and — are unknown, never 0.
    expect(table.rows[0]!.values.change).toBeNull();
    expect(table.rows[2]!.values).toMatchObject({ enterprises: null, change: null });
    expect(table.rows[2]!.writtenDecimals).toEqual({ batches: 0, passed: 0, pass_rate: 1 });
    expect(table.rows[2]!.note).toBe('2024年起单列');
    expect(table.columns[0]).toBe('batches');
  });

  it('a column that is not a measure and a measure without its column are errors on the header', () => {
    expect(located(`${HEADER},rate2`, 'total,合计,,103,203,192,94.6,0.5,,,1')).toEqual([
      ['error', 1, 11, '列“rate2”不是 data/breakdowns/spot_checks.yaml 中定义的量，它的数值不会被读取。'],
    ]);
    expect(located(HEADER.replace(',passed', ''), 'total,合计,,103,203,94.6,0.5,,')).toEqual([
      ['error', 1, undefined, '表头缺少列：passed。'],
    ]);
  });

  it('a figure that is not a number, or in another unit, is located at its cell and the row left out', () => {
    const { table, problems } = read(
      HEADER,
      'total,合计,,103,203,192,94.6,0.5,,',
      'daily_goods,日用消费品,,24,四十八,46,95.8,2.6,,',
      'electrical,电子电器,,18,36,35,97.2‰,0.2,,',
      'building,建筑和装饰装修材料,,"1,015",30,28,93.3,1e1,,',
    );
    expect(problems.map((p) => [p.line, p.column, p.message, p.hint])).toEqual([
      [3, 5, '“抽查批次”的值“四十八”不是数字。', expect.stringContaining('单位“批次”已在定义文件中写明')],
      [4, 7, '值“97.2‰”的单位与“合格率”的单位“%”不一致。', expect.any(String)],
      [5, 4, '“抽查企业”的值“1,015”不是数字。', '请去掉千位分隔符，写成 1015。'],
      [5, 8, expect.stringContaining('是科学计数法'), '请写成普通的数字：10。'],
    ]);
    expect(table.rows.map((r) => r.category)).toEqual([]);
  });

  it('category ids are well formed and written once; every row has a name', () => {
    expect(
      located(
        HEADER,
        'total,合计,,103,203,192,94.6,0.5,,',
        'Daily,日用消费品,,24,48,46,95.8,2.6,,',
        ',电子电器,,18,36,35,97.2,0.2,,',
        'building,,,15,30,28,93.3,0.0,,',
        'building,建筑材料,,15,30,28,93.3,0.0,,',
      ),
    ).toEqual([
      ['error', 3, 1, '分类编号“Daily”不合规。'],
      ['error', 4, 1, '分类编号（category）为空。'],
      ['error', 5, 2, '名称（name）为空。'],
      ['error', 6, 1, '分类“building”重复（第 5 行已有）。'],
    ]);
  });

  it('a parent is a top-level category listed before its children, never the total or the row itself', () => {
    expect(
      located(
        HEADER,
        'total,合计,agri_inputs,103,203,192,94.6,0.5,,',
        'fertilizer,化肥,agri_inputs,9,14,11,78.6,-4.7,,',
        'agri_inputs,农业生产资料,,14,24,20,83.3,-3.1,,',
        'farm_film,农膜,agri_input,5,10,9,90.0,0.0,,',
        'nitrogen,氮肥,fertilizer,5,10,9,90.0,0.0,,',
        'machinery,机械,total,20,40,38,95.0,0.4,,',
        'tools,工具,tools,20,40,38,95.0,0.4,,',
      ),
    ).toEqual([
      ['error', 2, 3, '合计行（total）不属于任何分类，parent 列应留空。'],
      ['error', 3, 3, '上级分类“agri_inputs”在第 4 行，应列在它的各下级分类之前。'],
      ['error', 5, 3, '上级分类“agri_input”不在本表中。'],
      ['error', 6, 3, '上级分类“fertilizer”本身属于“agri_inputs”：分类最多两级（大类 › 产品）。'],
      ['error', 7, 3, '上级分类不能是“total”：不能是合计行，也不能是这一行自己。'],
      ['error', 8, 3, '上级分类不能是“tools”：不能是合计行，也不能是这一行自己。'],
    ]);
  });

  it('a table of no category is an error; the total row and parent column are optional', () => {
    expect(located(HEADER, 'total,合计,,103,203,192,94.6,0.5,,')).toEqual([
      ['error', 1, undefined, '表中除合计外没有任何分类。'],
    ]);
    const flat = read('category,name,enterprises,batches,passed,pass_rate,change', 'large,大型企业,12,24,24,100.0,');
    expect(flat.problems).toEqual([]);
    expect(flat.table.total).toBeNull();
    expect(flat.table.rows).toMatchObject([{ category: 'large', parent: null, note: '', checked: '' }]);
  });
});
