import { describe, expect, it } from 'vitest';

import { diagnostics, messagesFor } from './index.ts';

const pdfLog = diagnostics().publish;

describe('pdf build log', () => {
  it('says per edition pages, size and seconds, or that the cached PDF was reused', () => {
    expect(pdfLog.pdfEdition(2024, 16, 632_730, 3_849)).toBe('PDF 2024年版：16 页，617.9 KB（3.8 秒）');
    expect(pdfLog.pdfEdition(2024, 16, 632_730, undefined)).toBe(
      'PDF 2024年版：16 页，617.9 KB（内容未变，沿用上次生成的 PDF）',
    );
    expect(pdfLog.pdfTotal(3, 9_600)).toBe('PDF 版共 3 期，用时 9.6 秒');
  });
});

describe('pdf messages', () => {
  it('gives the edition page size and page count', () => {
    expect(messagesFor().pdf.facts(2_500_000, 120)).toBe('（PDF，2.4 MB，120 页）');
  });
});
