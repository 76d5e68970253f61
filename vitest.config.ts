import { configDefaults, defineConfig } from 'vitest/config';

/**
 * `unit`: no build, no browser, no other program — the modules of src/lib and the suites that call the
 * commands in process on a copy of a site. Every other file in tests/ is `e2e` (builds, Chromium,
 * LibreOffice, the child processes that trial-render custom charts).
 */
const unit = [
  'src/**/*.test.ts',
  'tests/validation.test.ts',
  'tests/protections.test.ts',
  'tests/forms.test.ts',
  'tests/root-paths.test.ts',
  'tests/red-team-office.test.ts',
  'tests/red-team-text.test.ts',
  'tests/red-team-chapters.test.ts',
  'tests/new-site.test.ts',
  'tests/dependencies.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    // Every copy of a site or of the project a test file made is removed when that file is done.
    setupFiles: ['tests/helpers/cleanup.ts'],
    hookTimeout: 600_000,
    projects: [
      // Group orders run in turn: unit first, then e2e, so `vitest run` does not race the two for the 2 cores.
      // (Not 0: Vitest runs a single-worker project of group order 0 after all numbered groups.)
      // Unit files share their worker's modules (isolate: false): each file importing vega, zod and the
      // catalogues afresh was a third of the time. They keep no state between files (shuffled runs pass).
      {
        extends: true,
        // Both cores: the unit files share no state (each makes its own temp copies), so two run side by side.
        test: { name: 'unit', include: unit, isolate: false, maxWorkers: 2, sequence: { groupOrder: 1 } },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...unit],
          // Builds the demo once into dist/ with the real `npm run build` before the first e2e file.
          globalSetup: ['tests/global-setup.ts'],
          // The end-to-end suites share one built site and one browser; run files one at a time (2 cores).
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
