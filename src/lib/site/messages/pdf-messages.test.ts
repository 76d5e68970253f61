import { describe, expect, it } from 'vitest';
import { messagesFor } from './index.ts';

const pdfMessages = messagesFor().pdf;

// scripts/bench.ts reads PDF timings and sizes back from these log lines.
describe('pdfMessages build log', () => {
  it('says per edition pages, size and seconds, or that the cached PDF was reused', () => {
    expect(pdfMessages.edition(2024, 16, 632_730, 3_849)).toBe('PDF 2024年版：16 页，617.9 KB（3.8 秒）');
    expect(pdfMessages.edition(2024, 16, 632_730, undefined)).toBe(
      'PDF 2024年版：16 页，617.9 KB（内容未变，沿用上次生成的 PDF）',
    );
    expect(pdfMessages.total(3, 9_600)).toBe('PDF 版共 3 期，用时 9.6 秒');
  });

  it('gives the edition page size and page count', () => {
    expect(pdfMessages.facts(2_500_000, 120)).toBe('（PDF，2.4 MB，120 页）');
  });
});
