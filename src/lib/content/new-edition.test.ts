import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

import { readBreakdownCsv, readBreakdownDefinition } from '../../../tests/helpers/breakdowns.ts';
import { copySite } from '../../../tests/helpers/project-copy.ts';
import { loadProject } from './load-project.ts';
import { scaffoldEdition } from './new-edition.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/** The demo as loaded with its breakdowns (read from data/breakdowns as the loader will). */
const demo = (root: string) => loadProject(root, { includeDrafts: true });

describe('new-edition carries each breakdown’s categories forward', () => {
  const scaffold = scaffoldEdition(demo(ROOT), ROOT, 2025);
  const files = 'files' in scaffold ? scaffold.files : new Map<string, string | Uint8Array>();

  it.each(['spot_checks', 'spot_checks_by_size'])(
    '%s: last year’s categories (ids, names, parents) in its order, every figure and note empty',
    (id) => {
      const text = files.get(`data/breakdowns/${id}/2025.csv`);
      expect(typeof text, `data/breakdowns/${id}/2025.csv`).toBe('string');
      const rows = parse(text as string, { columns: true }) as Array<Record<string, string>>;
      const last = readBreakdownCsv(ROOT, id, 2024);
      expect(rows.map(({ category, name, parent }) => ({ category, name, parent }))).toEqual(
        last.map(({ category, name, parent }) => ({ category, name, parent })),
      );
      const { measures } = readBreakdownDefinition(ROOT, id);
      expect(Object.keys(rows[0]!)).toEqual([
        'category',
        'name',
        'parent',
        ...measures.map((m) => m.id),
        'note',
        'checked',
      ]);
      // Figures, the change on last year, the note (“2024年起改称…” is last year's) and checked: all this year's.
      for (const row of rows)
        for (const column of [...measures.map((m) => m.id), 'note', 'checked']) expect(row[column], column).toBe('');
    },
  );

  it('writes a table only for the breakdowns the edition it copies publishes', () => {
    const project = demo(ROOT);
    const withoutBySize = {
      ...project,
      editions: project.editions.map((e) => ({
        ...e,
        breakdowns: e.breakdowns.filter((t) => t.definition.id !== 'spot_checks_by_size'),
      })),
    };
    const result = scaffoldEdition(withoutBySize, ROOT, 2025);
    expect('files' in result && [...result.files.keys()].filter((f) => f.startsWith('data/breakdowns/'))).toEqual([
      'data/breakdowns/spot_checks/2025.csv',
    ]);
  });

  it('overwrites no breakdown table the year already has', () => {
    const site = copySite('wp-new-edition-');
    mkdirSync(join(site, 'data/breakdowns/spot_checks_by_size'), { recursive: true });
    writeFileSync(join(site, 'data/breakdowns/spot_checks_by_size/2025.csv'), 'category,name\n');
    const result = scaffoldEdition(demo(site), site, 2025);
    expect(result).toEqual({ error: expect.stringContaining('data/breakdowns/spot_checks_by_size/2025.csv 已存在') });
  });
});
