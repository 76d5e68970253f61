import { readFileSync } from 'node:fs';

import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from '../site/problems.ts';

/**
 * Decodes an editor's text file. Excel on Chinese Windows saves CSV as GBK/GB18030 or UTF-16,
 * which would otherwise turn every Chinese name into mojibake — so we refuse them with a fix.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string } | { problem: Problem } {
  const d = diagnostics().text;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes)) {
    return {
      problem: error(file, d.utf16, {
        line: 1,
        column: 1,
        hint: d.saveAsUtf8,
      }),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    const { line, column } = firstInvalidUtf8(bytes);
    return {
      problem: error(file, d.notUtf8, {
        line,
        column,
        hint: d.saveAsUtf8,
      }),
    };
  }
}

/**
 * UTF-16 without a byte-order mark: Latin letters, digits and commas (every CSV header) come out as a
 * byte and a zero, so one of the two byte positions is mostly zeros — which UTF-8 text never has, and
 * which UTF-8 decoding would accept silently (NUL is valid UTF-8).
 */
function looksUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  if (sample.length < 4) return false;
  const zeros = [0, 1].map((parity) => sample.filter((b, i) => b === 0 && i % 2 === parity).length);
  return Math.max(...zeros) > sample.length / 2 / 3;
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
