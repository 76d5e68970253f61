/**
 * The default `npm install` (.npmrc: omit=dev) installs what the build and the editors' commands run, and
 * nothing of the test tooling: every package that code imports must be a dependency or one of theirs, never
 * only a devDependency's. The test suite itself always has everything (`npm test` installs the devDependencies
 * first), so without this check an import of a test-only package from src/ would pass every test and fail
 * a bureau's `npm run build` or `npm run forms`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT } from './helpers/project-copy.ts';

interface LockEntry {
  dev?: boolean;
  devOptional?: boolean;
}
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The package a bare import names (`a`, `@s/a`), or undefined for relative paths, node:, astro: and virtual: modules. */
function packageOf(specifier: string): string | undefined {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier)) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Packages a source file imports at run time: import/export … from, bare import, import(); `import type` is erased. */
function runtimeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g))
    if (!m[2]) found.push(m[3]!);
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found.flatMap((s) => packageOf(s) ?? []);
}

/** What the default install runs: src/ without its tests, astro.config.mjs, and the scripts of every npm command
 * that does not install the test tooling first (build, check, forms, import, …; not test or bench). */
function defaultInstallSources(): string[] {
  const src = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.(ts|mjs|astro)$/.test(f.name) && !f.name.endsWith('.test.ts'))
    .map((f) => join(f.parentPath, f.name));
  const scripts = Object.values(manifest.scripts)
    .filter((command) => !command.includes('test-tools'))
    .flatMap((command) =>
      [...command.matchAll(/\bnode\s+(?:--\S+\s+)*(scripts\/\S+\.ts)/g)].map((m) => join(ROOT, m[1]!)),
    );
  return [...src, join(ROOT, 'astro.config.mjs'), ...scripts];
}

describe('the default install', () => {
  it('holds every package that the build and the editors’ commands import', () => {
    const sources = defaultInstallSources();
    expect(sources).toEqual(
      expect.arrayContaining([join(ROOT, 'scripts', 'build.ts'), join(ROOT, 'scripts', 'forms.ts')]),
    );
    const missing: string[] = [];
    for (const file of sources)
      for (const name of runtimeImports(readFileSync(file, 'utf8'))) {
        const entry = lock.packages[`node_modules/${name}`];
        if (!entry || entry.dev || entry.devOptional) missing.push(`${file.slice(ROOT.length + 1)}: ${name}`);
      }
    expect(missing).toEqual([]);
  });

  it('runs the npm scripts with the Node of the `node` dependency, not only the test tooling', () => {
    expect(manifest.dependencies).toHaveProperty('node');
    expect(manifest.devDependencies).not.toHaveProperty('node');
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^omit=dev$/m);
    for (const name of ['test', 'test:unit', 'test:e2e', 'bench'])
      expect(manifest.scripts[name], name).toMatch(/^npm run --silent test-tools && /);
  });

  it('reads the import forms it checks', () => {
    const text = [
      "import type { A } from 'only-types';",
      "import { b,\n  c } from 'multi-line';",
      "import d from '@scope/pkg/deep/file.js';",
      "import 'side-effect';",
      "export { e } from 're-export';",
      "const f = await import('dynamic');",
      "import g from './relative.ts';",
      "import { h } from 'node:fs';",
      "import { getCollection } from 'astro:content';",
    ].join('\n');
    expect(runtimeImports(text)).toEqual(['multi-line', '@scope/pkg', 'side-effect', 're-export', 'dynamic']);
  });
});

describe('fonts/ (the PDF edition’s fonts)', () => {
  it('holds every woff2 file that its CSS names, and nothing else', () => {
    for (const family of ['noto-sans-sc', 'noto-serif-sc']) {
      const dir = join(ROOT, 'fonts', family);
      const named = ['400.css', '700.css'].flatMap((css) =>
        [...readFileSync(join(dir, css), 'utf8').matchAll(/url\(\.\/files\/([^)]+)\)/g)].map((m) => m[1]!),
      );
      expect(named.length, family).toBeGreaterThan(200);
      expect(
        named.every((name) => name.endsWith('.woff2')),
        family,
      ).toBe(true);
      expect(readdirSync(join(dir, 'files')).sort(), family).toEqual([...new Set(named)].sort());
    }
  });
});
