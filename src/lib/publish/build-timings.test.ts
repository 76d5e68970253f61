import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { noTimings, readTimings, timingsFile } from './build-timings.ts';

const dir = mkdtempSync(join(tmpdir(), 'wp-timings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tempFile = () => join(dir, `timings-${n++}.json`);

describe('build timings', () => {
  it('the default sink records nothing', () => {
    expect(noTimings('pdf', 1.5)).toBeUndefined();
  });

  it('records each phase in seconds (to the millisecond) in the named JSON file', () => {
    const file = tempFile();
    const record = timingsFile(file);
    record('validation', 0.31234);
    record('pdf:2024', 2.5);
    record('search', 0.8);
    record('pdf', 5.25);
    expect(readTimings(file)).toEqual({ phases: { validation: 0.312, 'pdf:2024': 2.5, search: 0.8, pdf: 5.25 } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(readTimings(file));
  });

  it('starts afresh for each build; a phase recorded twice keeps the last figure', () => {
    const file = tempFile();
    writeFileSync(file, JSON.stringify({ phases: { search: 3 } }));
    const record = timingsFile(file);
    expect(readTimings(file)).toEqual({ phases: {} });
    record('astro', 9);
    record('astro', 7);
    expect(readTimings(file)).toEqual({ phases: { astro: 7 } });
  });

  it('refuses a file that is not a timings record', () => {
    const file = tempFile();
    writeFileSync(file, '[1, 2]');
    expect(() => readTimings(file)).toThrow('is not a build timings file');
    expect(existsSync(file)).toBe(true);
  });
});
