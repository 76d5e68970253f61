/** The demo build (global setup) records its phase timings as data for `npm run bench`. */
import { describe, expect, inject, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { type Phase, readTimings } from '../src/lib/publish/build-timings.ts';
import { ROOT } from './helpers/project-copy.ts';

const file = inject('demoBuildTimings');

describe('the demo build', () => {
  it.skipIf(!file)('writes every phase to WHITE_PAPER_TIMINGS, each within the whole Astro build', () => {
    const { phases } = readTimings(file!);
    const printed = loadProject(ROOT).editions.map((e): Phase => `pdf:${e.year}`);
    const always: string[] = ['astro', 'pages', 'finishing', 'pdf', 'pictures', 'search', 'validation'];
    expect(Object.keys(phases)).toEqual(expect.arrayContaining(always));
    // Per-edition PDF times appear only for editions printed afresh (not taken from the PDF cache).
    expect(Object.keys(phases).filter((k) => !always.includes(k) && !printed.includes(k as Phase))).toEqual([]);
    for (const seconds of Object.values(phases)) expect(seconds).toBeGreaterThan(0);
    // Astro's own part ends where the integrations' build-done work (PDF, pictures, search: the finishing) begins.
    expect(phases.pdf! + phases.pictures! + phases.search!).toBeLessThanOrEqual(phases.finishing!);
    expect(phases.pages! + phases.finishing!).toBeLessThanOrEqual(phases.astro!);
    for (const edition of printed) expect(phases[edition] ?? 0).toBeLessThanOrEqual(phases.pdf!);
  });
});
