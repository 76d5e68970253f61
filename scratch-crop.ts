import { readFileSync, writeFileSync } from 'node:fs';

import { PNG } from 'pngjs';
const [file, out, h = '1400'] = process.argv.slice(2);
const src = PNG.sync.read(readFileSync(file!));
const step = Number(h);
for (let top = 0, i = 0; top < src.height; top += step, i++) {
  const height = Math.min(step, src.height - top);
  const dst = new PNG({ width: src.width, height });
  PNG.bitblt(src, dst, 0, top, src.width, height, 0, 0);
  writeFileSync(`${out}-${i}.png`, PNG.sync.write(dst));
}
console.log(src.width, src.height);
