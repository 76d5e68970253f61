import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { decodeText } from './text-file.ts';

const csv = 'indicator,period,value\nfood_pass_rate,2024,98.6\n产品合格率,2024,97\n';

describe('decodeText', () => {
  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeText(Buffer.from(csv), 'a.csv')).toEqual({ text: csv });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'a.csv')).toEqual({
      text: csv,
    });
  });
  it('refuses GBK/GB18030 from Excel and points at the first Chinese character', () => {
    const result = decodeText(iconv.encode(csv, 'gb18030'), 'data/ledgers/2024.csv');
    expect('problem' in result && result.problem).toMatchObject({
      severity: 'error',
      file: 'data/ledgers/2024.csv',
      line: 3,
      column: 1,
      message: expect.stringContaining('不是 UTF-8'),
      hint: expect.stringContaining('CSV UTF-8'),
    });
  });
  it('refuses UTF-16 (Excel “Unicode text”)', () => {
    for (const bytes of [
      iconv.encode(csv, 'utf16le', { addBOM: true }),
      iconv.encode(csv, 'utf16be', { addBOM: true }),
      // Without a byte-order mark, as some tools save it: UTF-8 decoding would accept it, NULs and all.
      iconv.encode(csv, 'utf16le'),
      iconv.encode(csv, 'utf16be'),
    ]) {
      const result = decodeText(bytes, 'x.csv');
      expect('problem' in result && result.problem.message).toContain('UTF-16');
    }
  });
  it('does not take Chinese UTF-8 for UTF-16', () => {
    expect(decodeText(Buffer.from('id,name\nx,制造业产品质量合格率\n'.repeat(20)), 'x.csv')).toHaveProperty('text');
  });
});
