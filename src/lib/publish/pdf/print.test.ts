import { describe, expect, it } from 'vitest';

import { pdfWithDestinations } from '../../../../tests/helpers/pdf.ts';
import { type PrintPage, printWithToc } from './print.ts';

/** A print page whose headings land on the given pages, and whose 目录 lists `tocTargets`. */
async function fakePage(destinations: Record<string, number>, tocTargets: string[]) {
  const firstPrint = await pdfWithDestinations(6, destinations);
  const secondPrint = new Uint8Array([2]);
  const calls: string[] = [];
  const toc: Record<string, string> = {};
  const page: PrintPage = {
    pdf: async () => {
      calls.push('pdf');
      return calls.includes('fillToc') ? secondPrint : firstPrint;
    },
    fillToc: async (numbers) => {
      calls.push('fillToc');
      for (const t of tocTargets) toc[t] = numbers[t] === undefined ? '' : String(numbers[t]);
      return tocTargets.filter((t) => numbers[t] === undefined);
    },
  };
  return { page, calls, toc, secondPrint };
}

describe('printWithToc', () => {
  it('numbers the 目录 from the first print and returns the second', async () => {
    const fake = await fakePage({ 'ch-1': 3, 'ch-2': 5, appendix: 6 }, ['ch-1', 'ch-2', 'appendix']);
    expect(await printWithToc(fake.page)).toBe(fake.secondPrint);
    expect(fake.calls).toEqual(['pdf', 'fillToc', 'pdf']);
    expect(fake.toc).toEqual({ 'ch-1': '3', 'ch-2': '5', appendix: '6' });
  });

  it('stops, naming every 目录 entry whose heading the first print does not have', async () => {
    const fake = await fakePage({ 'ch-1': 3 }, ['ch-1', 'ch-2', 'appendix']);
    await expect(printWithToc(fake.page)).rejects.toThrow('目录页码缺失：ch-2、appendix');
    expect(fake.calls).toEqual(['pdf', 'fillToc']);
  });
});
