import type { Edition } from '../../model/project.ts';
import { messagesFor } from '../../site/messages/index.ts';
import type { PdfMetadata } from './document.ts';

/** What the PDF says of its publisher: from the site configuration, not this module. */
export interface PdfPublisher {
  agency: string;
  region: string;
  /** The indicator domains, as keywords. */
  domains: readonly string[];
  /** BCP 47 tag of the text, e.g. `zh-CN`. */
  language: string;
}

/**
 * The document information of an edition's PDF. Dated by the publication day (China Standard Time),
 * not the build, so the file does not change with the clock.
 */
export function editionPdfMetadata(
  edition: Pick<Edition, 'year' | 'title' | 'summary' | 'published'>,
  publisher: PdfPublisher,
): PdfMetadata {
  const m = messagesFor(publisher.language).pdf;
  return {
    title: edition.title,
    author: publisher.agency,
    subject: edition.summary,
    keywords: [m.keyword, publisher.region, m.yearKeyword(edition.year), ...publisher.domains],
    language: publisher.language,
    creator: m.creator,
    producer: 'Chromium + pdf-lib',
    date: new Date(`${edition.published}T00:00:00+08:00`),
  };
}
