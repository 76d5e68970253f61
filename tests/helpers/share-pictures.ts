import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect } from 'vitest';

import { chartKey } from '../../src/lib/model/chart-ref.ts';
import type { Project } from '../../src/lib/model/project.ts';
import { chartHome, pictureChartRefs } from '../../src/lib/share/pictures.ts';
import { paths, siteAddress } from '../../src/lib/site/urls.ts';

/** The words a picture's SVG draws, entities decoded, in order. */
export const pictureWords = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!.replace(
      /&(lt|gt|amp|quot|#39);/g,
      (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" })[e]!,
    ),
  );

/** Reads the QR code a picture draws: cut out where its SVG puts it, decoded from the PNG's pixels. */
export function readQrCode(svgFile: string): string | undefined {
  const svg = readFileSync(svgFile, 'utf8');
  const at =
    /<svg x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="[\d.]+" viewBox="[^"]*" shape-rendering="crispEdges">/.exec(
      svg,
    );
  if (!at) return undefined;
  const [x, y, size] = [Number(at[1]), Number(at[2]), Number(at[3])].map(Math.round) as [number, number, number];
  const png = PNG.sync.read(readFileSync(svgFile.replace(/\.svg$/, '.png')));
  const margin = 20;
  const cut = new PNG({ width: size + 2 * margin, height: size + 2 * margin });
  cut.data.fill(255);
  PNG.bitblt(png, cut, x, y, size, size, margin, margin);
  return jsQR(new Uint8ClampedArray(cut.data), cut.width, cut.height)?.data;
}

/** A PNG's size from its header (IHDR), without decoding its pixels. */
export function pngSize(file: string): { width: number; height: number } {
  const header = readFileSync(file).subarray(0, 24);
  expect(header.subarray(12, 16).toString('latin1'), file).toBe('IHDR');
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
}

/** A site path of an absolute address on the site, and the built file that serves it. */
function builtFile(dist: string, project: Project, address: string): { file: string; anchor: string } {
  const url = new URL(address);
  const base = project.site.basePath;
  expect(url.pathname.startsWith(base), address).toBe(true);
  const path = decodeURIComponent(url.pathname.slice(base.length));
  return { file: join(dist, path, path.endsWith('/') || path === '' ? 'index.html' : ''), anchor: url.hash.slice(1) };
}

/**
 * Every chart of every edition has its pictures (tall and wide, PNG and SVG) at their sizes, each QR code reads
 * back as the address of a page of the site that shows the chart, and every edition has its 一图读懂 and card.
 */
export function checkChartPictures(dist: string, project: Project): void {
  for (const edition of project.editions) {
    const folder = join(dist, `editions/${edition.year}/pictures`);
    for (const ref of pictureChartRefs(project, edition)) {
      const key = chartKey(ref);
      for (const [name, width] of [
        [key, 1080],
        [`${key}.wide`, 1920],
      ] as const) {
        expect([name, pngSize(join(folder, `${name}.png`)).width], `${edition.year} ${name}`).toEqual([name, width]);
        expect(existsSync(join(folder, `${name}.svg`))).toBe(true);
      }
      const address = siteAddress(project.site, chartHome(project, edition, ref));
      expect(readQrCode(join(folder, `${key}.svg`)), `${edition.year} ${key}`).toBe(address);
      const { file, anchor } = builtFile(dist, project, address);
      const page = readFileSync(file, 'utf8');
      if (anchor) expect(page, address).toContain(`id="${anchor}"`);
    }
    for (const name of ['digest', 'card'])
      expect(existsSync(join(folder, `${name}.png`)), `${edition.year} ${name}`).toBe(true);
    const digestAddress = siteAddress(project.site, paths.edition(edition.year));
    expect(readQrCode(join(folder, 'digest.svg'))).toBe(digestAddress);
    expect(pngSize(join(folder, 'card.png'))).toEqual({ width: 1200, height: 630 });
  }
}

/**
 * The 一图读懂 of each edition says what its page says and what the data download holds: every figure on the
 * page is in the picture, and is the CSV's value with its unit (web = image = CSV).
 */
export function checkDigestFigures(dist: string, project: Project): void {
  for (const edition of project.editions) {
    const words = pictureWords(readFileSync(join(dist, `editions/${edition.year}/pictures/digest.svg`), 'utf8')).join(
      '',
    );
    const page = readFileSync(join(dist, `editions/${edition.year}/digest/index.html`), 'utf8');
    const rows: Array<{ indicator: string; period: string; value: string; value_text: string; unit: string }> = parse(
      readFileSync(join(dist, `data/ledger-${edition.year}.csv`)),
      { columns: true, bom: true },
    );
    const figures = [
      ...page.matchAll(
        /<dt[^>]*><a href="[^"]*\/indicators\/([^/]+)\/"[^>]*>([^<]*)<\/a><\/dt><dd[^>]*><span class="digest-value"[^>]*>([^<]*)<\/span>/g,
      ),
    ];
    expect(figures.length, `${edition.year}: figures on the 一图读懂 page`).toBeGreaterThan(0);
    for (const [, id, name, shown] of figures) {
      expect(words.replace(/\s/g, ''), `${edition.year} ${id}`).toContain(name!.replace(/\s/g, ''));
      expect(words, `${edition.year} ${id}`).toContain(shown!);
      const row = rows.find((r) => r.indicator === id && r.period === String(edition.year))!;
      if (row.value === '') expect(shown).toBe(row.value_text || '—');
      else {
        expect(Number(shown!.replace(/,/g, '').replace(row.unit, '')), `${edition.year} ${id}`).toBe(Number(row.value));
        expect(shown!.endsWith(row.unit)).toBe(true);
      }
    }
    const counts = [...page.matchAll(/<span class="digest-count"[^>]*>(\d+)<\/span>/g)].map((m) => Number(m[1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(rows.filter((r) => r.period === String(edition.year)).length);
    // Lines wrap at spaces, which the picture then does not draw: compared without them.
    const sentence = /<p[^>]*>(\d+ 项指标中[^<]*)<\/p>/.exec(page)![1]!;
    expect(words.replace(/\s/g, '')).toContain(sentence.replace(/\s/g, ''));
  }
}
