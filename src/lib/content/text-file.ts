import { readFileSync } from 'node:fs';
import { error, type Problem } from './problems.ts';

const SAVE_AS_UTF8 = '请用 Excel 的“另存为 → CSV UTF-8（逗号分隔）(*.csv)”，或在记事本/WPS 中选择 UTF-8 编码重新保存。';

/**
 * Decodes an editor's text file. Excel on Chinese Windows saves CSV as GBK/GB18030 or UTF-16,
 * which would otherwise turn every Chinese name into mojibake — so we refuse them with a fix.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      problem: error(file, '文件是 UTF-16 编码（Excel“Unicode 文本”格式），无法读取。', {
        line: 1,
        column: 1,
        hint: SAVE_AS_UTF8,
      }),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    return {
      problem: error(file, '文件不是 UTF-8 编码（看起来是 GBK/GB18030，Excel 默认的“CSV（逗号分隔）”就是这种编码）。', {
        line,
        column,
        hint: SAVE_AS_UTF8,
      }),
    };
  }
}

/** Position of the first byte sequence that is not valid UTF-8, to point the editor at it. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  const lenient = new TextDecoder('utf-8');
  const lines = lenient
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .split('\n');
  const index = lines.findIndex((l) => l.includes('\uFFFD'));
  return index < 0 ? { line: 1, column: 1 } : { line: index + 1, column: lines[index]!.indexOf('\uFFFD') + 1 };
}

export function readText(absPath: string, file: string): { text: string } | { problem: Problem } {
  return decodeText(readFileSync(absPath), file);
}
