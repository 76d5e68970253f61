import { diagnostics } from '../site/messages/index.ts';

/** An Office document (.xlsx, .docx) by what its zip archive declares, before any library unpacks it. */
export type OfficeKind = 'xlsx' | 'docx';

const KINDS = {
  xlsx: { part: 'xl/workbook.xml', old: '.xls', limit: 50 },
  docx: { part: 'word/document.xml', old: '.doc', limit: 200 },
} as const;

export interface OfficeEntries {
  /** The archive's file names and their declared unpacked sizes. */
  entries: Map<string, number>;
}

/**
 * Reads the zip's central directory (the list at its end) and checks, without unpacking anything, that the
 * bytes are an Office document of `kind`: not empty, not an old binary or password-protected file, a zip
 * holding the kind's main part, and at most the kind's limit in MB once unpacked (a few KB that unpack to
 * gigabytes never reach the spreadsheet or Word reader). Returns why not, in the editors' words.
 */
export function officeEntries(bytes: Uint8Array, kind: OfficeKind): OfficeEntries | { why: string } {
  const say = diagnostics().files;
  const k = KINDS[kind];
  if (bytes.length === 0) return { why: say.empty };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  if (bytes.length >= 4 && u32(0) === 0xe011cfd0) return { why: say.oldOrEncrypted(k.old) };
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { why: say.notZip };
  // The end-of-central-directory record: 22 bytes and a comment of at most 65535, at the end.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--)
    if (u32(at) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) return { why: say.corrupt };
  const count = u16(end + 10);
  let at = u32(end + 16);
  const entries = new Map<string, number>();
  let total = 0;
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return { why: say.corrupt };
    const size = u32(at + 24);
    const nameLength = u16(at + 28);
    const skip = nameLength + u16(at + 30) + u16(at + 32);
    if (at + 46 + skip > bytes.length) return { why: say.corrupt };
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // 0xFFFFFFFF: a ZIP64 size, over 4 GB; no editor's form or draft comes near.
    total += size === 0xffffffff ? Infinity : size;
    entries.set(name, size);
    at += 46 + skip;
  }
  if (total > k.limit * 1024 * 1024)
    return { why: say.tooLarge(Number.isFinite(total) ? Math.ceil(total / 1024 / 1024) : 4096, k.limit) };
  if (!entries.has(k.part)) return { why: say.notThisKind(kind) };
  return { entries };
}

/**
 * The deepest nesting of elements in an XML text, counted without recursion (comments and CDATA left out,
 * quoted attribute values skipped): what a recursive reader would need in stack frames.
 */
export function xmlDepth(xml: string): number {
  const text = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const tag = /<(\/?)[A-Za-z_][^\s>/]*(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;
  let depth = 0;
  let deepest = 0;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (m[1]) depth--;
    else if (!m[2]) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}
