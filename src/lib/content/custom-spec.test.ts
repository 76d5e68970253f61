import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../../tests/helpers/project-copy.ts';
import { readCustomSpec } from './custom-spec.ts';

const root = tempDir('wp-spec-');
const edition = join(root, 'content', 'editions', '2024');
mkdirSync(edition, { recursive: true });
const secret = join(root, 'secret.vl.json');
writeFileSync(secret, 'root:x:0:0:root:/root:/bin/bash');
const write = (name: string, spec: unknown) =>
  writeFileSync(join(edition, name), typeof spec === 'string' ? spec : JSON.stringify(spec));
const read = (name: string) => readCustomSpec(edition, name, `content/editions/2024/${name}`);
const ledger = { data: { name: 'ledger' }, mark: 'bar', encoding: { x: { field: 'period' } } };

describe('custom chart specs are data', () => {
  it('accepts a spec drawing the ledger, expressions included', () => {
    write('ok.vl.json', {
      ...ledger,
      transform: [{ filter: 'datum.period == 2024' }, { calculate: 'datum.value * 2', as: 'v' }],
    });
    expect(read('ok.vl.json').ok).toBe(true);
  });

  it.each(['../../../../tmp/x.vl.json', '..\\x.vl.json', 'sub/x.vl.json', '.hidden.vl.json', 'x.json'])(
    'refuses a name that is not a bare .vl.json file name: %s',
    (name) => {
      const result = read(name);
      expect(result).toEqual({ ok: false, message: expect.stringContaining('不能带路径') });
    },
  );

  it('refuses a symlink out of the edition folder', () => {
    symlinkSync(secret, join(edition, 'link.vl.json'));
    expect(read('link.vl.json')).toEqual({ ok: false, message: expect.stringContaining('本期文件夹之外') });
  });

  it.each([
    [
      'a layer reading /etc/passwd',
      { ...ledger, layer: [{ data: { url: '/etc/passwd' }, mark: 'text' }] },
      'layer.0.data',
    ],
    [
      'a lookup from a URL',
      { ...ledger, transform: [{ lookup: 'a', from: { data: { url: 'https://evil.example/x.csv' }, key: 'a' } }] },
      'transform.0.from.data',
    ],
    [
      'an image mark loading a URL',
      { ...ledger, mark: 'image', encoding: { url: { value: 'https://evil.example/x.png' } } },
      'encoding.url',
    ],
    ['marks as links', { ...ledger, encoding: { href: { value: 'javascript:alert(1)' } } }, 'encoding.href'],
    ['params (signals)', { ...ledger, params: [{ name: 'p', expr: 'x' }] }, 'params'],
    ['inline values', { data: { values: [{ value: 1 }] }, mark: 'bar' }, 'data'],
  ])('refuses %s, naming where', (_what, spec, where) => {
    write('bad.vl.json', spec);
    const result = read('bad.vl.json');
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.message).toMatch(
        where === 'data' ? /只用台账数据/ : new RegExp(`“${where.replaceAll('.', '\\.')}”`),
      );
  });

  it('says where a JSON error is, and never quotes the file', () => {
    write('broken.vl.json', '{\n  "data": {"name": "ledger"},\n  root:x:0:0:root\n}');
    const result = read('broken.vl.json');
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/不是有效的 JSON（第 3 行第 \d+ 列附近）/) });
    if (!result.ok) expect(result.message).not.toContain('root:x');
  });
});
