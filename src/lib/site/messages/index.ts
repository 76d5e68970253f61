import { zhCN } from './zh-CN.ts';
import { zhCNDiagnostics } from './zh-CN-diagnostics.ts';

/**
 * The message catalogues, one per language. Components, pages, charts, the feed and the PDF take
 * their words from the catalogue of the site's configured language (`language` in site.yaml); a
 * new language is a new catalogue of the same shape, with no change to components.
 */
export type Messages = typeof zhCN;
/**
 * What editors read from the npm scripts and the build: errors, warnings, hints, usage, progress.
 * In the default language (they are printed before site.yaml is read, or when it is broken); a new
 * language is a new catalogue of this shape, with no change to the modules.
 */
export type Diagnostics = typeof zhCNDiagnostics;

export const DEFAULT_LANGUAGE = 'zh-CN';
const CATALOGUES: Record<string, Messages> = { 'zh-CN': zhCN };
const DIAGNOSTICS: Record<string, Diagnostics> = { 'zh-CN': zhCNDiagnostics };
export const LANGUAGES = Object.keys(CATALOGUES);

function lookup<T>(catalogues: Record<string, T>, language: string): T {
  const catalogue = catalogues[language];
  if (!catalogue)
    throw new Error(`No message catalogue for “${language}” (available: ${Object.keys(catalogues).join(', ')})`);
  return catalogue;
}

export const messagesFor = (language: string = DEFAULT_LANGUAGE): Messages => lookup(CATALOGUES, language);
export const diagnostics = (language: string = DEFAULT_LANGUAGE): Diagnostics => lookup(DIAGNOSTICS, language);
