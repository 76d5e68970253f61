import { diagnostics } from '../site/messages/index.ts';
import type { BreakdownDefinition } from './breakdown.ts';
import { type ImportedRow, mergeTable, type TableMerge } from './ledger-merge.ts';

/**
 * The columns of a breakdown's year file (`data/breakdowns/<id>/<year>.csv`), in order: the category's
 * structure, a column per measure of the definition, the note and the editor's `checked`.
 */
export const breakdownFileColumns = (definition: BreakdownDefinition): string[] => [
  'category',
  'name',
  'parent',
  ...definition.measures.map((m) => m.id),
  'note',
  'checked',
];

/**
 * Imported rows merged into a breakdown's year file (`mergeTable`), keyed by category; a file not there
 * yet is written with the definition's columns. Each row brings its name and parent, so a category the
 * file lacks is added whole.
 */
export const mergeBreakdown = (
  text: string,
  imported: ReadonlyArray<ImportedRow<string>>,
  definition: BreakdownDefinition,
): TableMerge<string> =>
  mergeTable(text, imported, {
    columns: breakdownFileColumns(definition),
    key: ['category'],
    duplicate: ([category], first) => diagnostics().imports.duplicateCategory(category!, first),
    duplicateHint: diagnostics().imports.duplicateHint,
  });
