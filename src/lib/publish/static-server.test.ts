import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/helpers/project-copy.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

function tree(files: Record<string, string>): string {
  const dir = tempDir('wp-serve-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe('serveStatic', () => {
  let served: StaticServer | undefined;
  afterEach(() => served?.close());
  const get = async (path: string) => {
    const res = await fetch(served!.origin + path);
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('serves the directory under its base, folder URLs from index.html, and nothing outside the base', async () => {
    served = await serveStatic(tree({ 'index.html': 'home', 'editions/2024/index.html': '2024' }), { base: '/wp/' });
    expect(served.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await get('/wp/')).toMatchObject({ status: 200, text: 'home' });
    expect(await get('/wp/editions/2024/')).toMatchObject({ status: 200, text: '2024' });
    expect(await get('/editions/2024/')).toMatchObject({ status: 404, text: '' });
    expect(await get('/wp/editions/2025/')).toMatchObject({ status: 404, text: '' });
  });

  it('serves extra directories at their own prefixes, ahead of a base of /', async () => {
    const fonts = tree({ 'noto-serif-sc/400.css': '@font-face{}' });
    served = await serveStatic(tree({ '__print-fonts/x.css': 'shadowed' }), { mounts: { '/__print-fonts/': fonts } });
    expect(await get('/__print-fonts/noto-serif-sc/400.css')).toMatchObject({ status: 200, text: '@font-face{}' });
    expect(await get('/__print-fonts/x.css')).toMatchObject({ status: 404 });
  });

  it('answers every miss with the 404 page when given one, like a static host', async () => {
    served = await serveStatic(tree({ 'index.html': 'home', '404.html': '找不到页面' }), { notFoundPage: '404.html' });
    expect(await get('/nowhere/')).toEqual({ status: 404, type: 'text/html; charset=utf-8', text: '找不到页面' });
  });
});
