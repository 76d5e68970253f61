import { describe, expect, it } from 'vitest';

import { pdfWithDestinations } from '../../../../tests/helpers/pdf.ts';
import { type PrintPage, printWithToc, type TocNumbers } from './print.ts';

/**
 * A print page whose headings land on the given pages, and whose 目录 lists `tocTargets`: what it did, the 目录
 * as each print showed it, and the prints themselves.
 */
async function fakePage(headings: TocNumbers, tocTargets: string[]) {
  const calls: string[] = [];
  const toc: Record<string, string> = Object.fromEntries(tocTargets.map((t) => [t, '']));
  const shown: Array<Record<string, string>> = [];
  const prints: Uint8Array[] = [];
  const print = (kind: string) => async () => {
    calls.push(kind);
    shown.push({ ...toc });
    prints.push(await pdfWithDestinations(6, headings));
    return prints.at(-1)!;
  };
  const page: PrintPage = {
    pdf: print('pdf'),
    draftPdf: print('draftPdf'),
    fillToc: async (numbers) => {
      calls.push('fillToc');
      let changed = false;
      for (const t of tocTargets) {
        const text = numbers[t] === undefined ? '' : String(numbers[t]);
        changed ||= toc[t] !== text;
        toc[t] = text;
      }
      return { missing: tocTargets.filter((t) => numbers[t] === undefined), changed };
    },
  };
  return { page, calls, shown, prints };
}

const headings = { 'ch-1': 3, 'ch-2': 5, appendix: 6 };
const numbered = { 'ch-1': '3', 'ch-2': '5', appendix: '6' };
const targets = ['ch-1', 'ch-2', 'appendix'];

describe('printWithToc', () => {
  it('numbers the 目录 from a draft print and returns the print after it', async () => {
    const fake = await fakePage(headings, targets);
    expect(await printWithToc(fake.page)).toBe(fake.prints[1]);
    expect(fake.calls).toEqual(['draftPdf', 'fillToc', 'pdf']);
    expect(fake.shown).toEqual([{ 'ch-1': '', 'ch-2': '', appendix: '' }, numbered]);
  });

  it('stops, naming every 目录 entry whose heading the first print does not have', async () => {
    const fake = await fakePage({ 'ch-1': 3 }, targets);
    await expect(printWithToc(fake.page)).rejects.toThrow('目录页码缺失：ch-2、appendix');
    expect(fake.calls).toEqual(['draftPdf', 'fillToc']);
  });

  it('prints the PDF after the draft also when the 目录 has nothing to number', async () => {
    const fake = await fakePage(headings, []);
    expect(await printWithToc(fake.page)).toBe(fake.prints[1]);
    expect(fake.calls).toEqual(['draftPdf', 'fillToc', 'pdf']);
  });

  it('prints once when the previous numbers still hold', async () => {
    const fake = await fakePage(headings, targets);
    // Destinations that are not 目录 targets (a figure's) do not count.
    expect(await printWithToc(fake.page, { ...headings, 'chart-pm25': 4 })).toBe(fake.prints[0]);
    expect(fake.calls).toEqual(['fillToc', 'pdf', 'fillToc']);
    expect(fake.shown).toEqual([numbered]);
  });

  it('prints again, numbered from the first print, when a heading has moved or is new', async () => {
    const guesses: TocNumbers[] = [
      { 'ch-1': 3, 'ch-2': 4, appendix: 6 },
      { 'ch-1': 3, appendix: 6 },
    ];
    for (const guess of guesses) {
      const fake = await fakePage(headings, targets);
      expect(await printWithToc(fake.page, guess)).toBe(fake.prints[1]);
      expect(fake.calls).toEqual(['fillToc', 'pdf', 'fillToc', 'pdf']);
      expect(fake.shown[1]).toEqual(numbered);
    }
  });
});
