/**
 * Editors' input is words and figures, never code: attacks written into a copy of the demo are refused
 * by `npm run check` and by `npm run build` (located, in Chinese) before anything is compiled or run,
 * and the previous dist/ stays as it was.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';

import { build as runBuild, check as runCheck } from './helpers/commands.ts';
import { copyProject, copySite, editFile, removeSiteCopies } from './helpers/project-copy.ts';

const CHAPTER = 'content/editions/2024/02-product-quality.mdx';
afterEach(removeSiteCopies);

describe('MDX is a document, not a program', () => {
  it('a chapter that would run a command at build time is refused, the command never runs, dist/ is kept', async () => {
    const dir = copySite();
    const marker = join(tmpdir(), `wp-pwned-${process.pid}-${Date.now()}`);
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
    editFile(
      dir,
      CHAPTER,
      (t) => `${t}\n本区{process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(marker)}, 'x')}。\n`,
    );
    const build = await runBuild(dir);
    expect(build.status).toBe(1);
    expect(build.stderr).toMatch(new RegExp(`错误 ${CHAPTER}:\\d+:\\d+`));
    expect(build.stderr).toContain('不能写 { } 表达式');
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous site');
  });

  it.each([
    ['<script>alert(document.cookie)</script>', '<script>'],
    ['<img src="x" onerror="alert(1)" />', '<img>'],
    ['[点此领取](javascript:alert(1))', 'javascript:alert(1)'],
    ['<a href="javascript:alert(1)">点此</a>', '<a>'],
    ['环境变量：{process.env.HOME}', '不能写 { } 表达式'],
  ])('npm run check refuses %s with file:line:column', (attack, words) => {
    const dir = copySite();
    editFile(dir, CHAPTER, (t) => `${t}\n${attack}\n`);
    const check = runCheck(dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`错误 ${CHAPTER}:\\d+:\\d+`));
    expect(check.stdout).toContain(words);
  });
});

describe('URLs in YAML are web addresses', () => {
  it.each([
    ['dataLicence', /(^\s+url: ).*$/m, '$1javascript:alert(1)'],
    ['siteUrl', /^siteUrl: .*$/m, 'siteUrl: javascript:alert(1)'],
  ])('%s: javascript: is refused in Chinese, without a stack trace', async (_field, pattern, replacement) => {
    const dir = copySite();
    editFile(dir, 'content/site.yaml', (t) => t.replace(pattern, replacement));
    const check = runCheck(dir);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('应为 http:// 或 https:// 开头的网址');
    expect(check.stdout + check.stderr).not.toMatch(/\n\s+at /);
    const build = await runBuild(dir);
    expect(build.status).toBe(1);
    expect(build.stderr + build.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('CSV downloads never carry a formula', () => {
  it('a note that is a spreadsheet formula reaches every CSV download as text', async () => {
    const dir = copySite();
    const formula = '=HYPERLINK("http://evil.example","点我")';
    editFile(dir, 'data/ledgers/2024.csv', (t) =>
      t.replace(/^(mfg_pass_rate,2024,[^,]*,[^,]*,[^,]*,)[^,]*,/m, `$1"${formula.replaceAll('"', '""')}",`),
    );
    const build = await runBuild(dir);
    expect(build.status, build.stderr).toBe(0);
    for (const file of ['data/ledger-2024.csv', 'data/ledger-all.csv', 'data/utf8/ledger-2024.csv']) {
      const rows = parse(readFileSync(join(dir, 'dist', file)), { bom: true, columns: true }) as Array<
        Record<string, string>
      >;
      const row = rows.find((r) => r.indicator === 'mfg_pass_rate' && r.period === '2024')!;
      expect(row.note, file).toBe(`'${formula}`);
    }
  });
});

/** Whether this machine lets the tests make a folder unwritable for root (ext4 attributes, a bind mount). */
function works(command: string, args: (dir: string) => string[][]): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'wp-probe-'));
  const [on, off] = args(dir);
  if (spawnSync(command, on!).status !== 0) return false;
  spawnSync(off![0]!, off!.slice(1));
  return true;
}
const canMakeImmutable = works('chattr', (d) => [
  ['+i', d],
  ['chattr', '-i', d],
]);
const canMountReadOnly = works('mount', (d) => [
  ['--bind', '-o', 'ro', d, d],
  ['umount', d],
]);

describe('failures are explained, not stack-traced', () => {
  it('a CHROME_PATH that is not a browser stops the build with a Chinese message and keeps dist/', () => {
    // The one test of scripts/build.ts itself: it prints the failure on stderr and exits 1.
    const dir = copyProject();
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
    const build = spawnSync(process.execPath, ['scripts/build.ts'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, CHROME_PATH: '/bin/false', WHITE_PAPER_PDF: 'on' },
    });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain('无法启动浏览器 /bin/false');
    expect(build.stderr).toContain('WHITE_PAPER_PDF=off');
    expect(build.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous site');
  });

  it.skipIf(!canMakeImmutable)(
    'a dist/ that cannot be replaced is named, kept as it was, and nothing is left over',
    async () => {
      const dir = copySite();
      mkdirSync(join(dir, 'dist'));
      writeFileSync(join(dir, 'dist', 'index.html'), 'previous site');
      // Immutable even for root (tests run as root in CI, where a chmod would not stop a write).
      execFileSync('chattr', ['+i', join(dir, 'dist')]);
      try {
        const build = await runBuild(dir);
        expect(build.status).toBe(1);
        expect(build.stderr).toContain(`无法用新生成的网站替换 ${join(dir, 'dist')}（EPERM）`);
        expect(build.stderr).not.toMatch(/\n\s+at /);
        expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toBe('previous site');
        expect(existsSync(join(dir, '.build-tmp'))).toBe(false);
      } finally {
        execFileSync('chattr', ['-i', join(dir, 'dist')]);
      }
    },
  );

  it.skipIf(!canMountReadOnly)('a read-only site folder stops the build before Astro, naming the folder', async () => {
    const site = copySite('wp-readonly-site-');
    execFileSync('mount', ['--bind', '-o', 'ro', site, site]);
    try {
      const build = await runBuild(site);
      expect(build.status).toBe(1);
      expect(build.stderr).toContain(`无法写入 ${join(site, '.build-tmp')}（EROFS）`);
      expect(build.stderr).not.toMatch(/\n\s+at |backtrace/i);
    } finally {
      execFileSync('umount', [site]);
    }
  });

  it('a second build while one runs is refused, naming the first', async () => {
    const dir = copySite();
    mkdirSync(join(dir, '.build-lock'));
    writeFileSync(join(dir, '.build-lock', 'pid'), String(process.pid)); // this test's own process: running
    const build = await runBuild(dir, { lockFile: join(dir, '.build-lock') });
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`另一个构建正在进行（进程 ${process.pid}）`);
  });
});
