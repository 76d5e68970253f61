// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/lib, bottom up (docs/architecture.md): each folder imports only from the folders
 * listed for it, so no import runs back up and no two layers loop.
 */
/** @type {Record<string, string[]>} */
const LAYERS = {
  site: [],
  ledger: ['site'],
  model: ['site', 'ledger'],
  content: ['site', 'ledger', 'model'],
  charts: ['site', 'ledger', 'model'],
  publish: ['site', 'ledger', 'model'],
  share: ['site', 'ledger', 'model', 'charts'],
  forms: ['site', 'ledger', 'model', 'content', 'publish'],
  commands: ['site', 'ledger', 'model', 'content', 'charts', 'publish', 'share', 'forms'],
};

const layerRules = Object.entries(LAYERS).map(([layer, below]) => ({
  files: [`src/lib/${layer}/**/*.ts`],
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': /** @type {import('eslint').Linter.RuleEntry} */ ([
      'error',
      {
        patterns: [
          ...Object.keys(LAYERS)
            .filter((other) => other !== layer && !below.includes(other))
            .map((other) => ({
              group: [`**/${other}/**`],
              message: `src/lib/${layer}/ may import only from ${below.join(', ') || 'no other layer'} (docs/architecture.md).`,
            })),
          // The library never reaches up into the Astro site (src/site.ts, components, integrations).
          { group: ['**/src/**', '../../*.ts', '../../../*.ts'], message: 'src/lib/ does not import the Astro site.' },
        ],
      },
    ]),
  },
}));

export default tseslint.config(
  { ignores: ['**/dist/', '**/.build-tmp/', '.astro/', 'node_modules/', '**/screenshots/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Chinese typography uses the ideographic space (U+3000) on purpose, e.g. “第一章\u3000总论”.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
    plugins: { 'simple-import-sort': simpleImportSort },
  },
  ...layerRules,
  // In a component, import order is the order of the bundled stylesheets: sorting would change the cascade.
  { files: ['**/*.astro'], rules: { 'simple-import-sort/imports': 'off' } },
  // An ambient declaration file can only name module types with import().
  { files: ['**/*.d.ts'], rules: { '@typescript-eslint/consistent-type-imports': 'off' } },
);
