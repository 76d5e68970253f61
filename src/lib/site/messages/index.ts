import type { Status } from '../../ledger/status.ts';
import { zhCN } from './zh-CN.ts';

/**
 * The message catalogues, one per language. Components, pages, charts, the feed and the PDF take
 * their words from the catalogue of the site's configured language (`language` in site.yaml); a
 * new language is a new catalogue of the same shape, with no change to components.
 */
export type Messages = typeof zhCN;

export const DEFAULT_LANGUAGE = 'zh-CN';
const CATALOGUES: Record<string, Messages> = { 'zh-CN': zhCN };
export const LANGUAGES = Object.keys(CATALOGUES);

export function messagesFor(language: string = DEFAULT_LANGUAGE): Messages {
  const messages = CATALOGUES[language];
  if (!messages) throw new Error(`No message catalogue for “${language}” (available: ${LANGUAGES.join(', ')})`);
  return messages;
}

export const statusLabel = (status: Status, language?: string): string => messagesFor(language).status[status];
