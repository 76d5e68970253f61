import { describe, expect, it } from 'vitest';

import { splitTargetCell } from './target-cell.ts';

const parts = (cell: string, count: number) => {
  const split = splitTargetCell(cell, count);
  if (!split.ok) throw new Error(`${cell} into ${count}: ${split.problem}`);
  return split.parts;
};

describe('splitTargetCell: one printed cell, the targets of several indicators in order', () => {
  it('keeps the cell whole for one indicator', () => {
    expect(parts('县(区)100%开展;规模以上企业90%开展。', 1)).toEqual(['县(区)100%开展;规模以上企业90%开展。']);
  });

  it('cuts clauses at semicolons, full-width or not, and drops the closing full stop', () => {
    expect(parts('县(区)100%开展;规模以上企业90%开展。', 2)).toEqual(['县(区)100%开展', '规模以上企业90%开展']);
    expect(parts('通过测量管理体系认证企业20个以上；\n获得诚信计量单位服务型企业10个以上。', 2)).toEqual([
      '通过测量管理体系认证企业20个以上',
      '获得诚信计量单位服务型企业10个以上',
    ]);
  });

  it('distributes the words shared by 分别 over the numbers, in both of the plan’s word orders', () => {
    const expected = ['15.2%', '11.2%', '9.1%', '8.7%'].map((n) => `在2010年基础上下降${n}`);
    expect(
      parts('主要污染物二氧化硫、氮氧化物、化学需氧量、氨氮排放量分别在2010年基础上下降15.2%、11.2%、9.1%、8.7%', 4),
    ).toEqual(expected);
    expect(
      parts('主要污染物二氧化硫、氮氧化物、化学需氧量、氨氮排放量在2010年基础上分别下降15.2%、11.2%、9.1%、8.7%', 4),
    ).toEqual(expected);
    expect(parts('区长质量奖、市长质量奖分别达到5个、2个以上', 2)).toEqual(['达到5个', '达到2个以上']);
  });

  it('cuts at 、 between pieces that each have their own number', () => {
    expect(parts('主导或参与制修订国家标准10项以上、行业标准20项以上', 2)).toEqual([
      '主导或参与制修订国家标准10项以上',
      '行业标准20项以上',
    ]);
  });

  it('gives names joined by 、 the target they share', () => {
    expect(parts('企业重点监控设备使用登记率、重点监控设备定期检验率达到100%。', 2)).toEqual(['达到100%', '达到100%']);
    expect(parts('环境空气中二氧化硫、二氧化氮控制在二级标准内', 2)).toEqual(['控制在二级标准内', '控制在二级标准内']);
    expect(parts('药品生产、经营企业100%通过GMP、GSP认证', 2)).toEqual([
      '100%通过GMP、GSP认证',
      '100%通过GMP、GSP认证',
    ]);
  });

  it('cuts as far as the ids go, each clause whole or cut', () => {
    const cell =
      '主要污染物二氧化硫、氮氧化物、化学需氧量、氨氮排放量分别在2010年基础上下降15.2%、11.2%、9.1%、8.7%;环境空气中二氧化硫、二氧化氮控制在二级标准内;城市集中式饮用水水源水质达标率100%。';
    expect(parts(cell, 7)).toHaveLength(7);
    expect(parts(cell, 6).slice(4)).toEqual([
      '环境空气中二氧化硫、二氧化氮控制在二级标准内',
      '城市集中式饮用水水源水质达标率100%',
    ]);
    expect(parts(cell, 3)[0]).toBe(
      '主要污染物二氧化硫、氮氧化物、化学需氧量、氨氮排放量分别在2010年基础上下降15.2%、11.2%、9.1%、8.7%',
    );
    const standards = '主导或参与制修订国家标准10项以上、行业标准20项以上;创建标准化良好行为企业20家以上。';
    expect(parts(standards, 3)).toEqual([
      '主导或参与制修订国家标准10项以上',
      '行业标准20项以上',
      '创建标准化良好行为企业20家以上',
    ]);
    expect(parts(standards, 2)).toEqual([
      '主导或参与制修订国家标准10项以上、行业标准20项以上',
      '创建标准化良好行为企业20家以上',
    ]);
  });

  it('cuts at commas, but not inside a number', () => {
    expect(parts('建设5个自主创新品牌示范企业,制订一批高新技术产业技术标准。', 2)).toEqual([
      '建设5个自主创新品牌示范企业',
      '制订一批高新技术产业技术标准',
    ]);
    expect(parts('新增商标1,500件以上，2个基地', 2)).toEqual(['新增商标1,500件以上', '2个基地']);
  });

  it('says so when no way gives as many targets as ids, with the finest split', () => {
    expect(splitTargetCell('县(区)100%开展;规模以上企业90%开展。', 3)).toEqual({
      ok: false,
      problem: 'mismatch',
      parts: ['县(区)100%开展', '规模以上企业90%开展'],
    });
    expect(splitTargetCell('1个', 2)).toEqual({ ok: false, problem: 'mismatch', parts: ['1个'] });
  });

  it('says so when several ways give as many targets as ids', () => {
    expect(splitTargetCell('甲、乙达到90%;丙、丁达到80%', 3)).toEqual({
      ok: false,
      problem: 'ambiguous',
      ways: [
        ['甲、乙达到90%', '达到80%', '达到80%'],
        ['达到90%', '达到90%', '丙、丁达到80%'],
      ],
    });
  });
});
