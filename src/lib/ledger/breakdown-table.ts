import { parseCsvTable } from '../site/csv-table.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, errorCount, type Problem } from '../site/problems.ts';
import {
  type BreakdownDefinition,
  type BreakdownMeasure,
  type BreakdownRow,
  type BreakdownTable,
  TABLE_COLUMNS,
  TOTAL_CATEGORY,
} from './breakdown.ts';
import { ID_PATTERN } from './indicator.ts';
import { type FigureRead, isNoFigure, readFigure } from './ledger.ts';
import { unitAgrees } from './unit.ts';

const say = diagnostics().breakdown;

/**
 * A year's table of a breakdown (`data/breakdowns/<id>/<year>.csv`) read against its definition: the
 * columns are the fixed ones and the definition's measures (in any order; any other column is an
 * error, since every column of a breakdown is published); each row a category with a well-formed id,
 * once, under a parent listed before it that is itself top-level (two levels: 大类 › 产品); each figure
 * a number, or unknown when empty or `—`. Every problem is located; a row with an error is left out.
 * The figures' agreement with one another is not judged here but in `breakdown-checks.ts`.
 */
export function parseBreakdownTable(
  text: string,
  file: string,
  definition: BreakdownDefinition,
  year: number,
): { table: BreakdownTable; problems: Problem[] } {
  const ids = definition.measures.map((m) => m.id);
  const csv = parseCsvTable(text, file, [...TABLE_COLUMNS.required, ...ids], TABLE_COLUMNS.optional, {
    message: (column) => say.unknownColumn(column, definition.file),
    hint: say.unknownColumnHint(ids),
  });
  const problems = [...csv.problems];
  // Every category as first written, with its parent cell, before any row is judged: a row's parent is
  // then found wherever it is (and named as listed too late, not as unknown), even when its own row is left out.
  const written = new Map<string, { line: number; parent: string }>();
  for (const row of csv.rows)
    if (!written.has(row.cells.category!))
      written.set(row.cells.category!, { line: row.line, parent: row.cells.parent ?? '' });

  const rows: BreakdownRow[] = [];
  for (const { cells, line, at } of csv.rows) {
    const before = errorCount(problems);
    const category = cells.category!;
    if (category === '') problems.push(error(file, say.emptyCategory, at('category', say.categoryHint)));
    else if (!ID_PATTERN.test(category))
      problems.push(error(file, say.badCategory(category), at('category', say.categoryHint)));
    else if (written.get(category)!.line !== line)
      problems.push(error(file, say.duplicateCategory(category, written.get(category)!.line), at('category')));
    if (cells.name === '') problems.push(error(file, say.emptyName, at('name')));

    const parent = cells.parent ?? '';
    const parentRow = written.get(parent);
    const parentProblem =
      parent === ''
        ? null
        : category === TOTAL_CATEGORY
          ? say.totalWithParent
          : parent === TOTAL_CATEGORY || parent === category
            ? say.badParent(parent)
            : !parentRow
              ? say.unknownParent(parent)
              : parentRow.line > line
                ? say.parentAfter(parent, parentRow.line)
                : parentRow.parent !== ''
                  ? say.tooDeep(parent, parentRow.parent)
                  : null;
    if (parentProblem) problems.push(error(file, parentProblem, at('parent', say.parentHint)));

    const values: Record<string, number | null> = {};
    const writtenDecimals: Record<string, number> = {};
    for (const measure of definition.measures) {
      const cell = cells[measure.id]!;
      values[measure.id] = null;
      if (isNoFigure(cell)) continue;
      const read = readFigure(cell);
      if (!read.ok) {
        const { message, hint } = figureProblem(read, cell, measure);
        problems.push(error(file, message, at(measure.id, hint)));
      } else if (read.unit !== null && !unitAgrees(read.unit, measure.unit))
        problems.push(
          error(file, say.unitMismatch(cell, measure.name, measure.unit), at(measure.id, say.unitMismatchHint)),
        );
      else {
        values[measure.id] = read.value;
        writtenDecimals[measure.id] = read.decimals;
      }
    }
    if (errorCount(problems) > before) continue;
    rows.push({
      category,
      name: cells.name!,
      parent: parent || null,
      values,
      writtenDecimals,
      note: cells.note ?? '',
      checked: cells.checked ?? '',
      line,
    });
  }
  if (errorCount(csv.problems) === 0 && ![...written.keys()].some((c) => c !== TOTAL_CATEGORY))
    problems.push(error(file, say.noCategories, { line: 1, hint: say.noCategoriesHint }));
  return {
    table: {
      definition,
      year,
      rows: rows.filter((r) => r.category !== TOTAL_CATEGORY),
      total: rows.find((r) => r.category === TOTAL_CATEGORY) ?? null,
      columns: csv.header,
      file,
    },
    problems,
  };
}

/** What is wrong with a figure cell, in the words of a breakdown (the ledger's where they fit any table). */
function figureProblem(
  read: Extract<FigureRead, { ok: false }>,
  cell: string,
  measure: BreakdownMeasure,
): { message: string; hint: string } {
  const ledger = diagnostics().ledger;
  if (read.problem === 'too_large') return { message: ledger.tooLarge(cell), hint: ledger.tooLargeHint };
  if (read.problem === 'scientific')
    return {
      message: say.scientific(cell),
      hint: read.plain ? ledger.scientificHint(read.plain) : ledger.tooLargeHint,
    };
  return {
    message: say.notANumber(cell, measure.name),
    hint: read.plain ? ledger.thousandsHint(read.plain) : say.numberHint(measure.unit),
  };
}
