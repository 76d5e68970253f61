/**
 * Issue 23: the PDF printer makes no request outside the site's own files. A local listener stands for
 * a server of the network the build runs in (an intranet dashboard, a service that never answers): a
 * plain Chromium tab printing the page reaches it; ours reaches nothing and names what it refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { launchBrowser } from '../src/lib/publish/chrome.ts';
import { printUrl } from '../src/lib/publish/pdf/print.ts';
import { serveStatic, type StaticServer } from '../src/lib/publish/static-server.ts';
import { printCspMeta } from '../src/lib/site/security.ts';

let browser: Browser;
let intranet: Server;
let intranetOrigin: string;
const received: string[] = [];
let site: StaticServer;
const dir = mkdtempSync(join(tmpdir(), 'wp-pdf-network-'));

beforeAll(async () => {
  // Records each request and never answers, like a host that hangs (the build used to time out on it).
  intranet = createServer((req) => received.push(req.url ?? ''));
  await new Promise<void>((resolve) => intranet.listen(0, '127.0.0.1', resolve));
  const address = intranet.address();
  intranetOrigin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>打印页</title>
<link rel="stylesheet" href="${intranetOrigin}/theme.css"></head><body><p>正文</p>
<img src="${intranetOrigin}/internal-dashboard.png" alt="内部看板">
<iframe src="${intranetOrigin}/frame" title="内网"></iframe></body></html>`,
  );
  site = await serveStatic(dir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  intranet?.closeAllConnections();
  await new Promise((resolve) => intranet?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

it('a plain Chromium tab printing the page fetches from the network it runs in', async () => {
  received.length = 0;
  const tab = await browser.newPage();
  await tab.goto(`${site.origin}/`, { waitUntil: 'commit' });
  await expect.poll(() => received.length, { timeout: 10_000 }).toBeGreaterThan(0);
  await tab.close();
});

it('our printer fetches nothing outside the print server and fails naming every refused address', async () => {
  received.length = 0;
  const printing = printUrl(browser, `${site.origin}/`);
  await expect(printing).rejects.toThrow(/网站以外的地址/);
  const message = await printing.catch((e: Error) => e.message);
  for (const path of ['/theme.css', '/internal-dashboard.png', '/frame'])
    expect(message).toContain(`${intranetOrigin}${path}`);
  expect(message).not.toMatch(/Timeout|at /);
  expect(received).toEqual([]);
});

it('the print page’s policy lets its own generated style through and nothing inline else', async () => {
  const css = 'p { color: rgb(1, 2, 3); }';
  writeFileSync(
    join(dir, 'csp.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页</title>
<meta http-equiv="Content-Security-Policy" content="${printCspMeta(css)}"></head>
<body><p style="margin-left: 55px">正文</p><style>${css}</style><style>p { font-size: 77px; }</style>
<script>document.title = 'ran';</script></body></html>`,
  );
  const tab = await browser.newPage();
  await tab.goto(`${site.origin}/csp.html`);
  const seen = await tab.evaluate(() => {
    const p = getComputedStyle(document.querySelector('p')!);
    return { title: document.title, color: p.color, size: p.fontSize, margin: p.marginLeft };
  });
  await tab.close();
  expect(seen).toEqual({ title: '页', color: 'rgb(1, 2, 3)', size: '16px', margin: '0px' });
});

it('anything the print page’s policy refuses fails the print, instead of missing from the PDF', async () => {
  writeFileSync(
    join(dir, 'refused.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>页</title>
<meta http-equiv="Content-Security-Policy" content="${printCspMeta('')}"></head>
<body><section style="page: ch-1"><p>正文</p></section></body></html>`,
  );
  await expect(printUrl(browser, `${site.origin}/refused.html`)).rejects.toThrow(/内容安全策略.*style-src/);
});
