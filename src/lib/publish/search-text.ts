/**
 * Chinese search with Pagefind, precisely (measured, see docs/architecture.md): every Han character
 * is indexed as a word of its own (U+200B around it), and a query is run as an AND query of its
 * characters for ranking, filtered by one exact-phrase query per term — 100% recall and precision.
 */
export const SEPARATOR = '\u200B';
const HAN = /(\p{Script=Han})/gu;
const IS_HAN = /^\p{Script=Han}$/u;

/**
 * What ends a table's parts and a heading in the indexed text, so that an excerpt reads them apart: Pagefind
 * joins an inline cell (`th`) to its neighbours, drops the space after a block ending in a Han character
 * (`品牌与标准2022年品牌与标准指标`) and puts a full stop after one ending in a digit (`−1.5. ✗未完成— 建筑工程`). Punctuation is kept in the excerpt
 * as written and, being a word of its own, also stops a phrase from matching across two cells.
 */
const ENDS = { cell: '，', row: '；', caption: '：', heading: '。' } as const;
/**
 * A part of a cell shown on a line of its own (a note, a progress mark: `data-search-aside` in the markup)
 * reads as an aside: 制造业产品质量合格率（初步统计）.
 */
const ASIDE = { open: '（', close: '）' } as const;
const CELL_END = /^<\/(td|th|caption|h[1-6])\s*>$/i;
const ROW_END = /^<\/tr\s*>$/i;
const OPEN_TAG = /^<([a-z][a-z0-9-]*)[\s>/]/i;
const CLOSE_TAG = /^<\/([a-z][a-z0-9-]*)/i;
const IS_ASIDE = /\sdata-search-aside(?=[\s=/>])/i;
/** Text already ending in punctuation (a cell that is a sentence) needs no more. */
const ENDS_IN_PUNCTUATION = /[。！？；：，、.!?;:,]\s*$/;

/**
 * What Pagefind is not given: scripts and styles, which it never indexes, and SVGs hidden from assistive
 * technology (the charts' drawings, whose figures the caption, summary and table say): half of an indicator
 * page's bytes, sent to Pagefind's process and parsed there for nothing.
 */
const NOT_INDEXED = /^<(script|style|svg)[\s>][\s\S]*<\/\1>$/i;

/**
 * An HTML page as Pagefind is given it (the page on disk is unchanged): a U+200B around every Han character
 * of its text nodes (tags untouched, `NOT_INDEXED` left out); each table cell, row, caption and heading ended by
 * punctuation (`ENDS`) where its text does not already end in some; each element marked `data-search-aside` in
 * parentheses.
 */
export function pageForIndex(html: string): string {
  const parts = html.split(
    /(<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<svg[^>]*\saria-hidden="true"[\s\S]*?<\/svg>|<[^>]+>)/,
  );
  let lastText = '';
  /** The asides open at this point: their tag and how many of that tag are open inside them. */
  const asides: Array<{ tag: string; depth: number }> = [];
  return parts
    .map((part, i) => {
      if (i % 2 === 0) {
        if (part.trim() !== '') lastText = part;
        return part.replace(HAN, `${SEPARATOR}$1${SEPARATOR}`);
      }
      if (NOT_INDEXED.test(part)) return '';
      const opened = OPEN_TAG.exec(part)?.[1]?.toLowerCase();
      const closed = CLOSE_TAG.exec(part)?.[1]?.toLowerCase();
      if (opened && IS_ASIDE.test(part)) {
        asides.push({ tag: opened, depth: 0 });
        lastText = ASIDE.open;
        return `${part}${ASIDE.open}`;
      }
      const aside = asides.at(-1);
      if (opened && aside?.tag === opened) aside.depth++;
      if (closed && aside?.tag === closed && aside.depth-- === 0) {
        asides.pop();
        lastText = ASIDE.close;
        return `${ASIDE.close}${part}`;
      }
      const end = CELL_END.exec(part);
      if (!end || lastText === '' || ENDS_IN_PUNCTUATION.test(lastText)) return part;
      const rowEnds = (parts[i + 1] ?? '').trim() === '' && ROW_END.test(parts[i + 2] ?? '');
      const tag = end[1]!.toLowerCase();
      const mark =
        tag === 'caption'
          ? ENDS.caption
          : tag.startsWith('h') && tag !== 'th'
            ? ENDS.heading
            : rowEnds
              ? ENDS.row
              : ENDS.cell;
      lastText = mark;
      return `${mark}${part}`;
    })
    .join('');
}

/** Remove the helper characters from anything shown to a reader (titles, excerpts). */
export function stripSeparators(text: string): string {
  return text.replaceAll(SEPARATOR, '');
}

export interface SearchPlan {
  /** The terms as the reader typed them (whitespace-separated). */
  terms: string[];
  /** AND query of all characters/words, used for ranking. */
  ranking: string;
  /** One exact-phrase query per term; a result must match all of them. */
  phrases: string[];
}

/** Words of a term as indexed: each Han character alone, runs of other characters kept together. */
export function termWords(term: string): string[] {
  return term
    .split(HAN)
    .flatMap((part) => (IS_HAN.test(part) ? [part] : part.split(/[\s\u3000]+/)))
    .filter((w) => w.trim() !== '');
}

export function planSearch(input: string): SearchPlan {
  const terms = input
    .normalize('NFKC')
    .trim()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  const words = terms.map(termWords);
  return {
    terms,
    ranking: words.flat().join(' '),
    phrases: words.filter((w) => w.length > 0).map((w) => `"${w.join(' ')}"`),
  };
}

/** Pagefind marks each character separately: strip the separators and join adjacent marks. */
export function cleanExcerpt(excerpt: string): string {
  return stripSeparators(excerpt).replace(/<\/mark>(\s*)<mark>/g, '$1');
}
