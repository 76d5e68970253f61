import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTimings, recordPhase, startTimings, TIMINGS_ENV } from './build-timings.ts';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'wp-timings-')), 'timings.json');

describe('build timings', () => {
  it('writes nothing when the variable is not set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wp-timings-'));
    const env = { OTHER: join(dir, 'timings.json') };
    startTimings(env);
    recordPhase('pdf', 1.5, env);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('records each phase in seconds (to the millisecond) in the named JSON file', () => {
    const file = tempFile();
    const env = { [TIMINGS_ENV]: file };
    startTimings(env);
    recordPhase('validation', 0.31234, env);
    recordPhase('pdf:2024', 2.5, env);
    recordPhase('search', 0.8, env);
    recordPhase('pdf', 5.25, env);
    expect(readTimings(file)).toEqual({ phases: { validation: 0.312, 'pdf:2024': 2.5, search: 0.8, pdf: 5.25 } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(readTimings(file));
  });

  it('starts afresh for each build, and starts a record when Astro runs without scripts/build.ts', () => {
    const file = tempFile();
    const env = { [TIMINGS_ENV]: file };
    recordPhase('search', 3, env);
    expect(readTimings(file)).toEqual({ phases: { search: 3 } });
    startTimings(env);
    expect(readTimings(file)).toEqual({ phases: {} });
    recordPhase('astro', 9, env);
    recordPhase('astro', 7, env);
    expect(readTimings(file)).toEqual({ phases: { astro: 7 } });
  });

  it('refuses a file that is not a timings record', () => {
    const file = tempFile();
    writeFileSync(file, '[1, 2]');
    expect(() => readTimings(file)).toThrow('is not a build timings file');
    expect(existsSync(file)).toBe(true);
  });
});
