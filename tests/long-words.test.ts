/**
 * Long words in the ledger (real plans have 30-character qualitative targets and values): tables wrap
 * them on the web at phone and desktop widths without overprinting or cutting a column off, and the
 * PDF appendix stays about as long as it was.
 */
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';

import { useBrowserOnDist } from './helpers/browser.ts';
import { build as runBuild, check as runCheck } from './helpers/commands.ts';
import { pdfinfo } from './helpers/pdf.ts';
import { copyProject, editFile, ROOT } from './helpers/project-copy.ts';

const LONG_VALUE = '已获得“两山”实践创新基地称号，创成浙江省级生态文明建设示范区。';
const LONG_TARGET = '创成国家级生态文明建设示范区并通过省级复核验收（完成上级下达任务）';

let dir = '';
let check = '';
beforeAll(async () => {
  dir = copyProject();
  editFile(dir, 'data/ledgers/2024.csv', (t) =>
    t
      .replace(/^quality_platform,2024,.*$/m, `quality_platform,2024,${LONG_VALUE},${LONG_TARGET},推进中,,`)
      .replace(
        /^food_safety_zone,2024,.*$/m,
        'food_safety_zone,2024,已完成上级下达目标,完成上级下达任务,"未完成，有待推进",,',
      ),
  );
  check = runCheck(dir).stdout;
  const build = await runBuild(dir, { pdf: true });
  expect(build.status, build.stderr).toBe(0);
});

/**
 * In every row of every figures table on the page: each cell's text lies inside its cell, no two
 * cells' texts overlap, and (on a phone) the table needs no sideways scroll. Returns what is wrong.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const textBox = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) return null;
      return {
        left: Math.min(...rects.map((r) => r.left)),
        right: Math.max(...rects.map((r) => r.right)),
        top: Math.min(...rects.map((r) => r.top)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
    };
    for (const table of document.querySelectorAll('table.card-table')) {
      const box = table.closest('.table-scroll') ?? table;
      if (box.scrollWidth > box.clientWidth + 1)
        problems.push(`${table.querySelector('caption')?.textContent}: ${box.scrollWidth} > ${box.clientWidth} px`);
      for (const row of table.querySelectorAll('tbody tr')) {
        const cells = [...row.children].map((cell) => ({
          cell,
          text: textBox(cell),
          box: cell.getBoundingClientRect(),
        }));
        for (const { cell, text, box } of cells) {
          if (text && (text.left < box.left - 1 || text.right > box.right + 1))
            problems.push(
              `${row.id || row.textContent?.slice(0, 12)}: text overflows its cell “${cell.textContent?.trim()}”`,
            );
        }
        for (const [i, a] of cells.entries())
          for (const b of cells.slice(i + 1))
            if (
              a.text &&
              b.text &&
              a.text.left < b.text.right - 1 &&
              b.text.left < a.text.right - 1 &&
              a.text.top < b.text.bottom - 1 &&
              b.text.top < a.text.bottom - 1
            )
              problems.push(`${row.id}: “${a.cell.textContent?.trim()}” overlaps “${b.cell.textContent?.trim()}”`);
      }
    }
    return problems;
  });
}

describe('long qualitative targets and text values', () => {
  const site = useBrowserOnDist(() => join(dir, 'dist'));

  it('npm run check warns and suggests the note column', () => {
    expect(check).toContain('的值有 32 个字，超过 20 个字');
    expect(check).toContain('的目标有 33 个字，超过 20 个字');
    expect(check).toContain('note 列');
  });

  for (const width of [390, 1280]) {
    it(`wrap in their cells without overlap at ${width} px (edition page and indicator page)`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 900 } });
      for (const path of ['/editions/2024/', '/indicators/quality_platform/', '/indicators/food_safety_zone/']) {
        await page.goto(site.origin + path);
        expect(await layoutProblems(page), `${path} at ${width} px`).toEqual([]);
      }
      // The long words and the statuses are all on the page, not clipped away.
      await page.goto(site.origin + '/editions/2024/');
      const row = page.locator('#indicator-quality_platform');
      expect(await row.innerText()).toContain('推进中');
      const status = await row.locator('.status').boundingBox();
      expect(status!.x + status!.width).toBeLessThanOrEqual(width);
      await page.close();
    });
  }

  it('the layout check would catch a cell whose text overflows', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(site.origin + '/editions/2024/');
    // Through the CSSOM: the page's Content-Security-Policy refuses an injected <style>.
    await page.evaluate(() =>
      document.querySelectorAll<HTMLElement>('td.words').forEach((td) => {
        td.style.whiteSpace = 'nowrap';
        td.style.maxWidth = '4em';
        td.style.overflow = 'visible';
      }),
    );
    expect((await layoutProblems(page)).length).toBeGreaterThan(0);
    await page.close();
  });

  it('keep the PDF appendix about as long as the demo’s', () => {
    const pages = (root: string) => Number(pdfinfo(join(root, 'dist/editions/2024/white-paper-2024.pdf')).Pages);
    expect(pages(dir)).toBeLessThanOrEqual(pages(ROOT) + 1);
  });
});
