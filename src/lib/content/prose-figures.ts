import { entryAt } from '../ledger/evaluation.ts';
import type { Indicator } from '../ledger/indicator.ts';
import { PROSE_WORDS } from '../ledger/input-words.ts';
import { halfWidth, unitAgrees } from '../ledger/unit.ts';
import { formatValue } from '../model/format.ts';
import type { Project } from '../model/project.ts';
import { diagnostics } from '../site/messages/index.ts';
import { type Problem, warning } from '../site/problems.ts';
import { valueTag } from './editor-components.ts';
import { chapterTree, type JsxNode, splitFrontMatter } from './mdx-chapter.ts';

/**
 * Figures written as plain text right after an indicator's name — “制造业产品质量合格率为97.2%” — found
 * so that `npm run check` can compare them with the ledger and `import-chapter` can bind them to <Value>.
 * The reading is deliberately narrow: the name as the catalogue writes it, then at most a connecting
 * word (为, 达到, 降至 …), then a number in the indicator's unit. Anything looser would raise false alarms
 * on sentences such as “较上年提高0.3个百分点” or “A和B分别为97%和98%”.
 */
export interface ProseFigure {
  indicator: Indicator;
  /** The year the sentence gives the figure for: a year (`2023年`, `上年`) opening the clause, else the edition's. */
  period: string;
  value: number;
  /** The figure as written, number and unit: `97.2%`. */
  written: string;
  /** Where the figure (number and unit) is in the text, for a caller that replaces it. */
  start: number;
  end: number;
}

const {
  connectors,
  yearSuffixes,
  lastYear,
  thisYear,
  comparingBefore,
  comparingAfter,
  notALevel,
  addedBefore,
  yearUnit,
} = PROSE_WORDS;
const either = (words: readonly string[]) => `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;
/** A word between a name and its figure that means “is”: the figure is the indicator's level. */
const CONNECTOR = `${either(connectors)}?`;
/** A number, with thousands separators (1,234) or full-width digits as typed with a Chinese input method. */
const NUMBER = '([0-9０-９]{1,3}(?:,[0-9０-９]{3})+(?![0-9０-９])|[0-9０-９]+)([.．][0-9０-９]+)?';
/** A year in a sentence (`2023年`, `2023年底`, `上年`, `今年`): what a figure after it may be for. */
const YEAR = new RegExp(`(\\d{4})${yearUnit}${either(yearSuffixes)}?|(${either(lastYear)})|(${either(thisYear)})`, 'g');
/** A year right after a figure says whose figure it is (“97.1%（2023年）”), unless compared with (比上年): too subtle. */
const YEAR_AFTER = new RegExp(
  `^[^。；，\\n]{0,4}(?<!${either(comparingBefore)})(?:\\d{4}${yearUnit}|${either(lastYear)})`,
);
const COMPARED_BEFORE = new RegExp(`${either(comparingBefore)}$`);
const COMPARED_AFTER = new RegExp(either(comparingAfter));
const NOT_A_LEVEL = new RegExp(`^${either(notALevel)}`);
const ADDED_BEFORE = new RegExp(`${either(addedBefore)}$`);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The figures of `text` that follow a numeric indicator's name, in order. */
export function proseFigures(text: string, indicators: readonly Indicator[], year: number): ProseFigure[] {
  const found: Array<ProseFigure & { nameStart: number }> = [];
  for (const indicator of indicators) {
    // The pattern needs the name as written: a plain search first spares a pattern per indicator and chapter
    // (10,000 indicators × 30 chapters took 15 s).
    if (indicator.type !== 'number' || indicator.name.length < 2 || !text.includes(indicator.name)) continue;
    // The name, an optional bracketed remark (（QCI）), emphasis marks, a connecting word, the number.
    const pattern = new RegExp(
      `${escape(indicator.name)}(?:（[^）]{0,20}）)?[*_\\s]{0,3}${CONNECTOR}\\s*[*_]{0,2}${NUMBER}`,
      'g',
    );
    for (const match of text.matchAll(pattern)) {
      // “新增示范项目3个，累计达到5个”: 3 is this year's addition; the ledger holds the level (5).
      if (ADDED_BEFORE.test(text.slice(0, match.index))) continue;
      const numberEnd = match.index + match[0].length;
      const unit = unitAfter(text.slice(numberEnd), indicator.unit);
      if (unit === null || YEAR_AFTER.test(text.slice(numberEnd + unit.length))) continue;
      const start = numberEnd - match[1]!.length - (match[2]?.length ?? 0);
      const period = yearOfSentence(text.slice(0, match.index), year);
      const digits = halfWidth(`${match[1]}${match[2] ?? ''}`).replaceAll(',', '');
      found.push({
        indicator,
        period,
        value: Number(digits),
        written: text.slice(start, numberEnd + unit.length),
        start,
        end: numberEnd + unit.length,
        nameStart: match.index,
      });
    }
  }
  // One figure, one indicator: where one name holds another (城市空气质量优良天数比例, 空气质量优良天数比例),
  // the figure belongs to the longer name, the one that starts first.
  const byFigure = new Map<number, ProseFigure & { nameStart: number }>();
  for (const figure of found)
    if ((byFigure.get(figure.start)?.nameStart ?? Infinity) > figure.nameStart) byFigure.set(figure.start, figure);
  return [...byFigure.values()].sort((a, b) => a.start - b.start).map(({ nameStart: _, ...figure }) => figure);
}

/**
 * The year of the sentence before a name: its last year word, unless that year is compared with or names
 * something else (COMPARED_*), else the edition's. “2023年，全区A为96.8%，B为98.5%”: B is 2023's too.
 */
function yearOfSentence(before: string, year: number): string {
  const sentence = before.slice(before.search(/[^。；！？\n]*$/));
  const last = [...sentence.matchAll(YEAR)].at(-1);
  if (!last) return String(year);
  const clauseAfter = sentence.slice(last.index + last[0].length).split(/[，,]/)[0]!;
  if (COMPARED_BEFORE.test(sentence.slice(0, last.index)) || COMPARED_AFTER.test(clauseAfter)) return String(year);
  return last[1] ?? (last[2] ? String(year - 1) : String(year));
}

/**
 * The indicator's unit as written after a number (`%`, `百分比`, `家`, `个`); '' when no unit follows
 * (`90.6，`: an index written without 分); null when another unit does (`年`, `个百分点`, `分以上`).
 */
function unitAfter(rest: string, unit: string): string | null {
  for (let length = unit === '' ? 0 : Math.min(rest.length, 8); length > 0; length--) {
    const written = rest.slice(0, length);
    // “个百分点” is a change, not a level, though it starts with the count word 个.
    if (unitAgrees(written, unit) && !NOT_A_LEVEL.test(rest.slice(length))) return written;
  }
  // A digit, decimal point or thousands comma next would mean the number was read short: not a figure.
  return /^\s*(?:[\p{Script=Han}%‰a-zA-Z0-9０-９.．]|,\d)/u.test(rest) ? null : '';
}

/** Whether a figure written with its own precision says the ledger's value: 97% says 97.1%, 97.2% does not. */
export function saysValue(figure: ProseFigure, value: number): boolean {
  const decimals = halfWidth(figure.written).match(/\.(\d+)/)?.[1]?.length ?? 0;
  return Math.abs(value - figure.value) <= 0.5 * 10 ** -decimals + 1e-9;
}

/**
 * `npm run check`: every figure the chapters write as text after an indicator's name, compared with
 * the ledger's value for that year (what <Value> would show); a warning with both numbers where they
 * differ, suggesting <Value>. `read` gives a chapter file's text.
 */
export function proseFigureWarnings(project: Project, read: (file: string) => string): Problem[] {
  const say = diagnostics().proseFigures;
  const problems: Problem[] = [];
  for (const edition of project.editions)
    for (const chapter of edition.chapters) {
      let tree: JsxNode;
      try {
        tree = chapterTree(splitFrontMatter(read(chapter.file)).body);
      } catch {
        continue; // a chapter that does not parse is reported by the loader
      }
      for (const run of textRuns(tree))
        for (const figure of proseFigures(run.text, project.catalogue, edition.year)) {
          const entry = entryAt(project.editions, edition, figure.indicator.id, figure.period);
          if (typeof entry?.value !== 'number' || saysValue(figure, entry.value)) continue;
          const ledger = formatValue(entry.value, figure.indicator);
          problems.push(
            warning(chapter.file, say.differs(figure.indicator.name, figure.written, figure.period, ledger), {
              ...run.at(figure.start),
              hint: say.useValue(
                valueTag(figure.indicator.id, figure.period === String(edition.year) ? undefined : figure.period),
              ),
            }),
          );
        }
    }
  return problems;
}

/** A block's text as read (emphasis is not a break: 为**97.2%**), with where each character is in the file. */
interface TextRun {
  text: string;
  at: (offset: number) => { line: number; column: number };
}

/** Blocks whose inline content reads as one run of text. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** What stands for a component or code inside a run, so that no figure is read across it. */
const OBJECT = '\uFFFC';

/** The text runs of a tree, one per paragraph, heading or table cell (code and component attributes left out). */
function textRuns(node: JsxNode): TextRun[] {
  if (!BLOCKS.has(node.type)) return (node.children ?? []).flatMap(textRuns);
  const pieces: Array<{ from: number; node: JsxNode }> = [];
  let text = '';
  const collect = (child: JsxNode) => {
    if (child.type === 'text') {
      pieces.push({ from: text.length, node: child });
      text += child.value ?? '';
    } else if (['emphasis', 'strong', 'delete', 'link'].includes(child.type)) child.children?.forEach(collect);
    else text += OBJECT;
  };
  node.children?.forEach(collect);
  return [
    {
      text,
      at: (offset) => {
        const piece = pieces.findLast((p) => p.from <= offset)!;
        const lines = piece.node.value!.slice(0, offset - piece.from).split('\n');
        const start = piece.node.position!.start;
        return {
          line: start.line + lines.length - 1,
          column: (lines.length === 1 ? start.column : 1) + lines.at(-1)!.length,
        };
      },
    },
  ];
}
