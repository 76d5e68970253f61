import type { Indicator } from '../ledger/indicator.ts';
import type { Project } from '../model/project.ts';
import type { Messages } from '../site/messages/index.ts';
import { paths, siteAddress } from '../site/urls.ts';

/** How to cite a dataset: GB/T 7714-2015 (数据集 [DS/OL]) and BibTeX. */
export interface CitedDataset {
  author: string;
  title: string;
  /** Place of publication (the region). */
  place: string;
  /** ISO date the cited version was published. */
  published: string;
  url: string;
  /** Stable BibTeX key (ASCII). */
  key: string;
  note?: string;
}

/** The citation of one indicator's series (its page, the permalink, and CSV), as of the latest edition. */
export function indicatorCitation(
  project: Project,
  indicator: Indicator,
  periods: readonly string[],
  m: Messages,
): CitedDataset {
  const latest = project.editions.at(-1)!;
  return {
    author: project.site.agency,
    title: m.citation.indicatorTitle(project.site.siteTitle, indicator.name, periods[0] ?? '', periods.at(-1) ?? ''),
    place: project.site.region,
    published: latest.published,
    url: siteAddress(project.site, paths.indicator(indicator.id)),
    key: `${indicator.id}_${latest.year}`,
    note: m.editionLabel(latest.year),
  };
}

/** The citation of all indicator data (the /data/ page), as of the latest edition. */
export function dataCitation(project: Project, m: Messages): CitedDataset {
  const latest = project.editions.at(-1)!;
  return {
    author: project.site.agency,
    title: m.citation.dataTitle(project.site.siteTitle, project.editions[0]?.year ?? latest.year, latest.year),
    place: project.site.region,
    published: latest.published,
    url: siteAddress(project.site, paths.data()),
    key: `white_paper_data_${latest.year}`,
  };
}

/** e.g. `青岚区市场监督管理局. 制造业产品质量合格率[DS/OL]. 示例市青岚区: 青岚区市场监督管理局, 2025(2025-04-22)[引用日期]. https://…` */
export function gbt7714(d: CitedDataset, m: Messages): string {
  const year = d.published.slice(0, 4);
  return `${d.author}. ${d.title}[DS/OL]. ${d.place}: ${d.author}, ${year}(${d.published})[${m.citation.accessed}]. ${d.url}.`;
}

const bibtexEscape = (s: string) => s.replace(/([{}%&$#_])/g, '\\$1');

export function bibtex(d: CitedDataset): string {
  const fields: Array<[string, string]> = [
    ['author', `{${bibtexEscape(d.author)}}`],
    ['title', `{${bibtexEscape(d.title)}}`],
    ['year', d.published.slice(0, 4)],
    ['date', d.published],
    ['publisher', bibtexEscape(d.author)],
    ['address', bibtexEscape(d.place)],
    ['url', d.url],
    ...(d.note ? ([['note', bibtexEscape(d.note)]] as Array<[string, string]>) : []),
  ];
  return `@dataset{${d.key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}`;
}
