import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

import { rasterisePictures } from './picture-png.ts';

const svg = (words: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="200" font-family="Noto Sans CJK SC"><rect width="100%" height="100%" fill="#fff"/>` +
  `<text x="20" y="80" font-size="48" font-weight="bold">${words}</text><text x="20" y="160" font-size="32">合格率 94.6%</text></svg>`;

function site(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'wp-pictures-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, files: Object.keys(files).map((name) => join(dir, name)), cache: join(dir, 'cache') };
}

describe('rasterisePictures', () => {
  it('draws each SVG as a PNG of its size beside it, the same bytes every time, from the cache the second time', async () => {
    const { dir, files, cache } = site({ 'a.svg': svg('产品质量'), 'b.svg': svg('服务质量') });
    const first = await rasterisePictures(files, cache);
    expect(first).toMatchObject({ pictures: 2, drawn: 2, missing: [] });
    const png = PNG.sync.read(readFileSync(join(dir, 'a.png')));
    expect([png.width, png.height]).toEqual([600, 200]);
    const bytes = readFileSync(join(dir, 'a.png'));
    const again = await rasterisePictures(files, cache);
    expect(again).toMatchObject({ pictures: 2, drawn: 0 });
    expect(readFileSync(join(dir, 'a.png')).equals(bytes)).toBe(true);
    // Drawn afresh elsewhere, the bytes are the same.
    const other = site({ 'a.svg': svg('产品质量') });
    await rasterisePictures(other.files, other.cache);
    expect(readFileSync(join(other.dir, 'a.png')).equals(bytes)).toBe(true);
  });

  it('names the picture and the characters the fonts do not have, rather than drawing nothing silently', async () => {
    const { files, cache } = site({ 'emoji.svg': svg('质量🙂') });
    const result = await rasterisePictures(files, cache);
    expect(result.missing).toEqual([{ file: files[0], characters: '🙂' }]);
    // Said again when the picture comes from the cache (no font is read then).
    expect(await rasterisePictures(files, cache)).toMatchObject({ drawn: 0, missing: result.missing });
  });

  it('draws bold text bold: the bold weight is cut for the same characters', async () => {
    const dark = (words: string, weight: string) => {
      const s = site({ 'w.svg': svg(words).replace('font-weight="bold"', `font-weight="${weight}"`) });
      return rasterisePictures(s.files, s.cache).then(() => {
        const { data } = PNG.sync.read(readFileSync(join(s.dir, 'w.png')));
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) n++;
        return n;
      });
    };
    expect(await dark('产品质量监督', 'bold')).toBeGreaterThan((await dark('产品质量监督', 'normal')) * 1.2);
  });
});
