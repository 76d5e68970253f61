import { meetsTarget, type Direction, type Target } from './target.ts';

/** The status vocabulary of Chinese plan completion tables (洞头区 表1), plus “not assessed”. */
export const STATUSES = ['已完成', '未完成', '不再统计', '政策调整', '未评估'] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses an editor may write in the ledger's status column, with common synonyms. */
const EDITOR_STATUS: Record<string, Status> = {
  已完成: '已完成',
  完成: '已完成',
  已达成: '已完成',
  达标: '已完成',
  未完成: '未完成',
  未达成: '未完成',
  未达标: '未完成',
  不再统计: '不再统计',
  停止统计: '不再统计',
  政策调整: '政策调整',
  '政策调整，不再开展': '政策调整',
  未评估: '未评估',
};

export function parseEditorStatus(raw: string): Status | null | undefined {
  const text = raw.trim().replace(/[,，]\s*/g, '，');
  if (text === '') return null;
  return EDITOR_STATUS[text];
}

export interface StatusInput {
  value: number | string | null;
  target: Target | null;
  direction: Direction;
  previous: number | null;
  /** What the editor wrote in the status column, already normalised; it always wins. */
  editorStatus: Status | null;
}

export interface StatusVerdict {
  status: Status;
  /** Where the verdict came from: the editor, or computed from value and target. */
  by: 'editor' | 'computed';
}

export function evaluateStatus(input: StatusInput): StatusVerdict {
  if (input.editorStatus) return { status: input.editorStatus, by: 'editor' };
  if (input.target === null || typeof input.value !== 'number') return { status: '未评估', by: 'computed' };
  const met = meetsTarget(input.target, input.value, input.direction, input.previous);
  return { status: met === null ? '未评估' : met ? '已完成' : '未完成', by: 'computed' };
}

/** Text-and-icon label: status is never conveyed by colour alone. */
export const STATUS_ICON: Record<Status, string> = {
  已完成: '✓',
  未完成: '✗',
  不再统计: '—',
  政策调整: '↻',
  未评估: '○',
};

/** Statuses that count toward “N 项指标中 M 项已完成”. */
export const isAssessed = (s: Status): boolean => s === '已完成' || s === '未完成';
