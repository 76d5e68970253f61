import { ELEMENT_NODE, h, type Node, parse, renderSync } from 'ultrahtml';
import { querySelector } from 'ultrahtml/selector';

import { diagnostics } from '../../site/messages/index.ts';

const SLOT = 'data-pdf-facts';

/**
 * The edition page with the PDF's size and page count (known only once the PDF is printed) written into
 * its `<span data-pdf-facts>`, which loses the attribute. The parser finds the element; the rest of the
 * page is kept byte for byte, where re-serialising the whole tree would rewrite attributes elsewhere.
 * `page` names the page in the error if the element is missing.
 */
export function withPdfFacts(html: string, facts: string, page: string): string {
  const slot: Node | undefined = querySelector(parse(html), `[${SLOT}]`);
  if (slot?.type !== ELEMENT_NODE) throw new Error(diagnostics().publish.factsSlotMissing(page));
  const { [SLOT]: _slot, ...attributes } = slot.attributes;
  const [open, close] = slot.loc;
  return html.slice(0, open.start) + renderSync(h(slot.name, attributes, facts)) + html.slice(close.end);
}
