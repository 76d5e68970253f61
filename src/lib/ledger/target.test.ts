import { describe, expect, it } from 'vitest';
import { meetsTarget, parseTarget, type Target } from './target.ts';

const ok = (raw: string): Target | null => {
  const r = parseTarget(raw);
  if (!r.ok) throw new Error(r.message);
  return r.target;
};

describe('parseTarget', () => {
  it.each([
    ['≥96', { kind: 'compare', op: '>=', value: 96 }],
    ['>=96', { kind: 'compare', op: '>=', value: 96 }],
    ['≥ 96%', { kind: 'compare', op: '>=', value: 96 }],
    ['＞90', { kind: 'compare', op: '>', value: 90 }],
    ['≤0.42', { kind: 'compare', op: '<=', value: 0.42 }],
    ['<=25', { kind: 'compare', op: '<=', value: 25 }],
    ['<30', { kind: 'compare', op: '<', value: 30 }],
    ['100', { kind: 'reach', value: 100 }],
    ['2.8', { kind: 'reach', value: 2.8 }],
    ['90-95', { kind: 'range', min: 90, max: 95 }],
    ['90~95%', { kind: 'range', min: 90, max: 95 }],
    ['90～95', { kind: 'range', min: 90, max: 95 }],
    ['稳步下降', { kind: 'trend', change: 'down' }],
    ['持续提升', { kind: 'trend', change: 'up' }],
    ['不低于上年', { kind: 'trend', change: 'hold' }],
    ['建成', { kind: 'qualitative' }],
    ['创成', { kind: 'qualitative' }],
    ['完成上级下达任务', { kind: 'qualitative' }],
  ])('%s', (raw, expected) => {
    expect(ok(raw)).toMatchObject(expected);
  });

  it('treats an empty cell or a slash as “no target”', () => {
    expect(ok('')).toBeNull();
    expect(ok(' / ')).toBeNull();
  });

  it.each(['≥', '>=abc', '96以上左右', '95-90', 'abc', '≥9 6'])('rejects %s with a Chinese message', (raw) => {
    const r = parseTarget(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/目标/);
  });
});

describe('meetsTarget', () => {
  it('compares in both directions, inclusive where the operator says so', () => {
    expect(meetsTarget(ok('≥96')!, 96, 'higher', null)).toBe(true);
    expect(meetsTarget(ok('≥96')!, 95.9, 'higher', null)).toBe(false);
    expect(meetsTarget(ok('>96')!, 96, 'higher', null)).toBe(false);
    expect(meetsTarget(ok('≤0.42')!, 0.42, 'lower', null)).toBe(true);
    expect(meetsTarget(ok('<0.42')!, 0.42, 'lower', null)).toBe(false);
  });

  it('reads a bare number in the indicator’s direction', () => {
    expect(meetsTarget(ok('100')!, 100, 'higher', null)).toBe(true);
    expect(meetsTarget(ok('100')!, 99.9, 'higher', null)).toBe(false);
    expect(meetsTarget(ok('25')!, 24, 'lower', null)).toBe(true);
    expect(meetsTarget(ok('25')!, 26, 'lower', null)).toBe(false);
  });

  it('checks ranges inclusively', () => {
    expect(meetsTarget(ok('90-95')!, 90, 'higher', null)).toBe(true);
    expect(meetsTarget(ok('90-95')!, 95.1, 'higher', null)).toBe(false);
  });

  it('judges trend targets against the previous period, and cannot without one', () => {
    expect(meetsTarget(ok('稳步下降')!, 30, 'lower', 32)).toBe(true);
    expect(meetsTarget(ok('稳步下降')!, 32, 'lower', 32)).toBe(false);
    expect(meetsTarget(ok('持续提升')!, 33, 'higher', 32)).toBe(true);
    expect(meetsTarget(ok('不低于上年')!, 32, 'higher', 32)).toBe(true);
    expect(meetsTarget(ok('不低于上年')!, 31, 'higher', 32)).toBe(false);
    expect(meetsTarget(ok('稳步下降')!, 30, 'lower', null)).toBeNull();
  });

  it('never judges a qualitative target', () => {
    expect(meetsTarget(ok('建成')!, 1, 'higher', null)).toBeNull();
  });
});
