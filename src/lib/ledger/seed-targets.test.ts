import { readFileSync } from 'node:fs';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import type { Indicator } from './indicator.ts';
import { rowTargets } from './ledger.ts';
import { type Comparator, type Direction, meetsTarget, type Target, tidyTarget } from './target.ts';

/**
 * The definition of done of the target grammar: every target cell of seeds 000, 001, 002 and 004 as
 * printed (tests/fixtures/seed-targets.csv), read through a ledger row naming as many indicators as
 * the cell holds targets, each part of the expected kind and each number judged just below, at and
 * just above it.
 */
interface SeedCell {
  seed: string;
  section: string;
  count: string;
  units: string;
  direction: Direction;
  parts: string;
  cell: string;
}
const cells: SeedCell[] = parse(readFileSync(new URL('../../../tests/fixtures/seed-targets.csv', import.meta.url)), {
  columns: true,
  comment: '#',
});

const indicator = (id: string, unit: string, direction: Direction): Indicator => ({
  id,
  name: id,
  domain: '质量',
  group: '',
  unit,
  direction,
  type: 'number',
  decimals: null,
  definition: '',
  source: '',
});
const at = (_column: string, hint?: string) => ({ line: 2, column: 1, hint });

/** The fixture's notation of a target, for comparing with what the fixture expects. */
function notation(target: Target): string {
  const basis = 'basis' in target && target.basis ? ` ${target.basis}` : '';
  switch (target.kind) {
    case 'compare':
      return `${target.op}${target.value}${basis}`;
    case 'reach':
      return `reach ${target.value}${basis}`;
    case 'range':
      return `range ${target.min}-${target.max}${basis}`;
    case 'base':
      return `base ${target.base} ${target.change} ${target.amount}${target.points ? '个百分点' : '%'}`;
    case 'trend':
      return `trend ${target.change}`;
    case 'qualitative':
      return `qualitative ${target.reason}`;
    case 'tiered':
      return `tiered ${notation(target.high)} / ${notation(target.low)}`;
  }
}

/** Verdicts just below, at and just above a threshold, for a value that must stand `op` to it. */
const VERDICTS: Record<Comparator, [boolean, boolean, boolean]> = {
  '>=': [false, true, true],
  '>': [false, false, true],
  '<=': [true, true, false],
  '<': [true, false, false],
};
const around = (n: number) => [n - Math.max(Math.abs(n) / 1000, 0.001), n, n + Math.max(Math.abs(n) / 1000, 0.001)];

describe('every target cell of the seed plans, verbatim', () => {
  it('holds the tables and the main targets of the four plans', () => {
    expect(cells.length).toBe(101);
    expect(new Set(cells.map((c) => c.seed))).toEqual(new Set(['000', '001', '002', '004']));
    expect(cells.filter((c) => c.section.startsWith('表')).length).toBe(21);
  });

  it.each(cells.map((c) => [`${c.seed} ${c.section}: ${c.cell}`, c] as const))('%s', (_name, c) => {
    const parts = c.parts.split(' | ');
    expect(parts).toHaveLength(Number(c.count));
    const units = c.units.split(' | ');
    const ids = parts.map((_, n) => `seed_${n + 1}`);
    const catalogue = new Map(
      ids.map((id, n) => [id, indicator(id, (units[n] ?? units[0]!).trim(), c.direction)] as const),
    );
    const read = rowTargets(ids.join('、'), c.cell, catalogue, 'data/plans/seed.csv', at);
    expect([...read.idProblems, ...read.targetProblems]).toEqual([]);
    const targets = read.targets.map((t) => (t.ok ? t.target! : null)!);
    expect(targets.map(notation)).toEqual(parts);

    // The cell is kept as printed: whole when it is one target, on every part when it holds several.
    if (parts.length === 1) expect(targets[0]).toMatchObject({ text: tidyTarget(c.cell), cell: null });
    else for (const target of targets) expect(target.cell).toBe(tidyTarget(c.cell));

    for (const [n, target] of targets.entries()) {
      const spec = parts[n]!.split(' ');
      const judge = (value: number, context: { previous?: number; base?: number } = {}) =>
        meetsTarget(target, value, {
          direction: c.direction,
          previous: context.previous ?? null,
          base: context.base ?? null,
        });
      const op = /^[<>]=?/.exec(spec[0]!)?.[0] as Comparator | undefined;
      if (op) {
        const number = Number(spec[0]!.slice(op.length));
        expect(around(number).map((v) => judge(v))).toEqual(VERDICTS[op]);
      } else if (spec[0] === 'reach') {
        const number = Number(spec[1]);
        expect(around(number).map((v) => judge(v))).toEqual(VERDICTS[c.direction === 'higher' ? '>=' : '<=']);
      } else if (spec[0] === 'base') {
        // Against a base value of 200: 下降15.2% allows at most 169.6, 增加15% asks at least 230.
        const amount = Number.parseFloat(spec[3]!);
        const limit = spec[2] === 'down' ? 200 * (1 - amount / 100) : 200 * (1 + amount / 100);
        expect(around(limit).map((v) => judge(v, { base: 200 }))).toEqual(VERDICTS[spec[2] === 'down' ? '<=' : '>=']);
        expect(judge(limit, {})).toBeNull();
      } else if (spec[0] === 'trend') {
        const expected = { down: VERDICTS['<'], up: VERDICTS['>'] }[spec[1] as 'down' | 'up'] ?? [
          ...(c.direction === 'higher' ? VERDICTS['>'] : VERDICTS['<']),
        ];
        expect(around(50).map((v) => judge(v, { previous: 50 }))).toEqual(expected);
      } else {
        expect(spec[0]).toBe('qualitative');
        expect(judge(1, { previous: 0, base: 1 })).toBeNull();
      }
    }
  });
});
