import { messagesFor } from '../site/messages/index.ts';
import { STATUS_WORDS } from './input-words.ts';
import { type Context, meetsTarget, type Target } from './target.ts';

/**
 * The status vocabulary of Chinese plan completion tables (洞头区 表1), plus “not assessed”, as codes.
 * Their labels (已完成, 未完成 …) are in the message catalogue; the order is the display order.
 */
export const STATUSES = ['met', 'not_met', 'in_progress', 'discontinued', 'policy_changed', 'not_assessed'] as const;
export type Status = (typeof STATUSES)[number];

/** Who decided a status: the editor in the ledger's status column, or the evaluation. */
export const STATUS_SOURCES = ['computed', 'editor'] as const;
export type StatusSource = (typeof STATUS_SOURCES)[number];

/**
 * The editor's status as a code, with what follows the status word after a comma kept as a remark
 * (the plans write `未完成，有待推进`, `政策调整，不再开展`). null when empty, undefined when the first
 * word is not a status.
 */
export function parseEditorStatus(raw: string): { status: Status; remark: string } | null | undefined {
  const text = raw.trim();
  if (text === '') return null;
  const [word, ...rest] = text.split(/\s*[,，;；]\s*/);
  const status = (STATUS_WORDS as Record<string, Status | undefined>)[word!.replace(/\s+/g, '')];
  return status && { status, remark: rest.join('，') };
}

export interface StatusInput extends Context {
  value: number | string | null;
  target: Target | null;
  /** What the editor wrote in the status column, already normalised; it always wins. */
  editorStatus: Status | null;
}

export interface StatusVerdict {
  status: Status;
  by: StatusSource;
}

export function evaluateStatus(input: StatusInput): StatusVerdict {
  if (input.editorStatus) return { status: input.editorStatus, by: 'editor' };
  if (input.target === null || typeof input.value !== 'number') return { status: 'not_assessed', by: 'computed' };
  const met = meetsTarget(input.target, input.value, input);
  return { status: met === null ? 'not_assessed' : met ? 'met' : 'not_met', by: 'computed' };
}

/** The status's word in the reader's language (已完成, 未完成 …). */
export const statusLabel = (status: Status, language?: string): string => messagesFor(language).status[status];

/** Text-and-icon label: status is never conveyed by colour alone. */
export const STATUS_ICON: Record<Status, string> = {
  met: '✓',
  not_met: '✗',
  in_progress: '◐',
  discontinued: '—',
  policy_changed: '↻',
  not_assessed: '○',
};

// The status words name only statuses that exist.
STATUS_WORDS satisfies Record<string, Status>;
