/** The editors' workflow on a copy of the demo: new edition, check rules and warnings, drafts. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';

import { loadProject } from '../src/lib/content/load-project.ts';
import { plausibilityWarnings } from '../src/lib/content/plausibility.ts';
import { formatTarget } from '../src/lib/model/format.ts';
import { build as runBuild, check as runCheck, ledger as runLedger, newEdition } from './helpers/commands.ts';
import { copyProject, copySite, editFile, ROOT, tempDir } from './helpers/project-copy.ts';

/** A script as editors run it: only where the test is of the script itself (its printing, exit code, usage). */
const run = (dir: string, script: string, args: string[] = [], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

// Each case makes its own copy: none depends on another having run.
describe('npm run new-site', () => {
  it('as a script: prints each file, refuses without a region, exits 2 on usage', () => {
    const dir = tempDir('wp-new-site-');
    const newSite = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'scripts/new-site.ts'), ...args], { cwd: dir, encoding: 'utf8' });
    const missing = newSite('tongling', '--year', '2015');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--region');
    const made = newSite('tongling', '--region', '铜陵市', '--year', '2015');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toContain('已创建 tongling/content/editions/2015/edition.yaml');
    const again = newSite('tongling', '--region', '铜陵市', '--year', '2015');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('未创建');
  });
});

describe('npm run new-edition', () => {
  it('scaffolds the next edition from the latest one as a draft', () => {
    const dir = copySite();
    const result = newEdition(dir, 2025);
    expect(result.status, result.stderr).toBe(0);
    const edition = readFileSync(join(dir, 'content/editions/2025/edition.yaml'), 'utf8');
    expect(edition).toContain('status: draft');
    expect(edition).toContain('title: 青岚区2025年质量状况白皮书');
    const latest = loadProject(dir).editions.at(-1)!;
    for (const c of latest.chapters) {
      const copy = readFileSync(join(dir, c.file.replace('/2024/', '/2025/')), 'utf8');
      expect(copy).toContain('待更新');
      expect(copy).toContain(`title: ${c.title}`);
    }
    const ledger = parse(readFileSync(join(dir, 'data/ledgers/2025.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    const project = loadProject(dir, { includeDrafts: true });
    // Indicators marked 不再统计 or 政策调整 in 2024 are left out, and the editor is told so once.
    const retired = latest.yearEntries.filter((e) => e.status === 'discontinued' || e.status === 'policy_changed');
    expect(retired.map((e) => e.indicator.id)).toEqual(['famous_trademarks', 'equip_deaths']);
    expect(ledger.map((r) => r.indicator)).toEqual(
      project.catalogue.map((i) => i.id).filter((id) => !retired.some((e) => e.indicator.id === id)),
    );
    expect(result.stdout).toContain(
      '2 项上年已不再统计或因政策调整不再开展的指标未列入新台账：市知名商标、特种设备万台死亡人数。',
    );
    for (const row of ledger) {
      expect(row.period).toBe('2025');
      expect(row.value).toBe('');
      // The plan's target for 2025 (its end year) where it sets one, else 2024's own target carried forward.
      const ofPlan = project.plans[0]!.targets.find((t) => t.indicator === row.indicator && t.year === 2025);
      const carried =
        ofPlan?.target ?? latest.ledgerRows.find((r) => r.indicator === row.indicator && r.period === '2024')?.target;
      expect(row.target).toBe(carried ? formatTarget(carried, project.catalogueById.get(row.indicator)!) : '');
    }
  });

  it('refuses to overwrite an existing edition', () => {
    const dir = copySite();
    const before = readFileSync(join(dir, 'content/editions/2024/edition.yaml'), 'utf8');
    const result = newEdition(dir, 2024);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('已存在，不会覆盖');
    expect(readFileSync(join(dir, 'content/editions/2024/edition.yaml'), 'utf8')).toBe(before);
  });

  it('the draft is checked (warnings for 待更新 and missing values) but stays out of a production build', async () => {
    const dir = copySite();
    expect(newEdition(dir, 2025).status).toBe(0);
    // An indicator only the draft reports: it must not reach the public site in any form.
    editFile(dir, 'data/indicators.csv', (t) => `${t}draft_only_rate,草稿专用试点指标,产品质量,%,higher,number,1,,\n`);
    editFile(dir, 'data/ledgers/2025.csv', (t) => `${t}draft_only_rate,2025,88.8,85%以上,,,\n`);
    const check = runCheck(dir);
    expect(check.status, check.stdout).toBe(0);
    expect(check.stdout).toContain('章节中仍有“待更新”标记');
    expect(check.stdout).toContain('摘要（summary）中仍有“待更新”标记');
    expect(check.stdout).toMatch(/上年有数值（[\d.]+），今年为空/);
    expect(check.stdout).toContain('2025草稿');

    const build = await runBuild(dir, { pdf: false });
    expect(build.status, build.stderr).toBe(0);
    expect(existsSync(join(dir, 'dist/editions/2024/index.html'))).toBe(true);
    expect(existsSync(join(dir, 'dist/editions/2025'))).toBe(false);
    expect(readFileSync(join(dir, 'dist/index.html'), 'utf8')).not.toContain('/editions/2025/');
    expect(readFileSync(join(dir, 'dist/editions/2024/index.html'), 'utf8')).not.toContain('white-paper-2024.pdf');
    const published = readdirSync(join(dir, 'dist'), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.(html|csv|json|xml|txt)$/.test(d.name))
      .map((d) => join(d.parentPath, d.name));
    expect(published.length).toBeGreaterThan(50);
    expect(published.filter((f) => /draft_only_rate|草稿专用试点指标/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});

describe('npm run check', () => {
  it('passes on the demo with no warnings', () => {
    const result = runCheck(copySite());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('共发现 0 个错误、0 个警告');
  });

  it('exits non-zero with file:line:column and a hint on errors', () => {
    const dir = copyProject();
    editFile(dir, 'data/ledgers/2024.csv', (t) =>
      t.replace(/^mfg_pass_rate,2024,97\.1,/m, 'mfg_pass_rate,2024,97.1件,'),
    );
    const result = run(dir, 'check');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/错误 data\/ledgers\/2024\.csv:\d+:3/);
    expect(result.stdout).toContain('值“97.1件”的单位“件”与指标“制造业产品质量合格率”的单位“%”不一致');
    expect(result.stdout).toContain('提示：指标目录 data/indicators.csv 中该指标的单位是“%”');
  });

  it('warns on a percentage above 100, a big jump from last year, and a value missing that was reported last year', () => {
    const dir = copyProject();
    editFile(dir, 'data/ledgers/2024.csv', (t) =>
      t
        .replace(/^food_pass_rate,2024,98\.7,/m, 'food_pass_rate,2024,987,')
        .replace(/^pm25,2024,25,/m, 'pm25,2024,2.5,')
        .replace(/^complaint_closure_rate,2024,99\.4,/m, 'complaint_closure_rate,2024,,'),
    );
    const warnings = plausibilityWarnings(loadProject(dir)).map((w) => w.message);
    expect(warnings).toContainEqual(expect.stringContaining('“食品安全抽检合格率”的值 987 超出了百分比的范围'));
    expect(warnings).toContainEqual(expect.stringContaining('“细颗粒物（PM2.5）年均浓度”从上年的 27 变为 2.5'));
    expect(warnings).toContainEqual(expect.stringContaining('“消费投诉按期办结率”上年有数值（99.1），今年为空'));
    expect(warnings).toHaveLength(4); // 987% is also a jump of more than 10 points
  });

  it('warns when an indicator reported last year has no row this year', () => {
    const dir = copyProject();
    editFile(dir, 'data/ledgers/2024.csv', (t) => t.replace(/^geo_marks,2024,.*\n/m, ''));
    const warnings = plausibilityWarnings(loadProject(dir)).map((w) => w.message);
    expect(warnings).toEqual([expect.stringContaining('“地理标志证明商标”在今年的台账中没有记录')]);
  });
});

describe('the commands the guides give', () => {
  it('every `npm run <script>` in README.md and docs/editing.md is a script of package.json', () => {
    const scripts = Object.keys(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts);
    const named = ['README.md', 'docs/editing.md'].flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]!),
    );
    expect(named.length).toBeGreaterThan(10);
    expect(new Set(named.filter((name) => !scripts.includes(name)))).toEqual(new Set());
  });

  it('every picture and relative link of the guides exists', () => {
    const guides = ['README.md', 'docs/editing.md', 'docs/architecture.md', 'docs/deploy.md'];
    const targets = guides.flatMap((file) =>
      // Links and pictures of the text; examples shown as code (`![说明](./images/图片.png)`) are not links.
      [...withoutCode(readFileSync(join(ROOT, file), 'utf8')).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
        .map((m) => m[1]!)
        .filter((target) => !/^[a-z]+:/.test(target))
        .map((target) => join(dirname(file), target)),
    );
    expect(targets.filter((t) => t.endsWith('.png')).length).toBeGreaterThanOrEqual(3);
    expect(targets.filter((target) => !existsSync(join(ROOT, target)))).toEqual([]);
  });

  it('npm run ledger -- <year> --out writes the evaluated ledger as a CSV Excel opens (BOM), and says so', () => {
    const dir = copyProject();
    const result = runLedger(dir, 2024, '2024核对.csv', dir);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('已写入 2024核对.csv（36 项指标');
    const bytes = readFileSync(join(dir, '2024核对.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(36);
    expect(rows[0]).toMatchObject({ indicator: 'mfg_pass_rate', value: '97.1', status: '已完成' });
    // The plan's end-year target and the progress towards it, in the plan's middle years.
    expect(rows[0]).toMatchObject({ plan_target: '“十四五”目标（2025年）97%以上', plan_progress: '已提前达到' });
  });

  it('a mistyped year or option gets the usage in Chinese and exit code 2', () => {
    const dir = copyProject();
    for (const args of [['二〇二四'], ['2024', '--output', 'x.csv'], ['2019']]) {
      const result = run(dir, 'ledger', args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('用法：npm run ledger -- <年份>');
    }
    expect(run(dir, 'new-edition', ['25']).stderr).toContain('“25”不是年份');
  });
});

describe('npm run new-edition at a plan boundary (洞头区: from the “十三五” completion year to the first “十四五” year)', () => {
  let dir: string;
  let result: ReturnType<typeof newEdition>;
  beforeAll(() => {
    dir = copySite('wp-dongtou-', join(ROOT, 'examples/dongtou'));
    // Start from the completion year alone, as the editor did before scaffolding 2021.
    rmSync(join(dir, 'content/editions/2021'), { recursive: true });
    rmSync(join(dir, 'data/ledgers/2021.csv'));
    // A custom chart that filters on the finished year, as an editor would have written it.
    writeFileSync(
      join(dir, 'content/editions/2020/pass-rates.vl.json'),
      JSON.stringify({ data: { name: 'ledger' }, transform: [{ filter: 'datum.period == 2020' }], mark: 'bar' }),
    );
    editFile(
      dir,
      'content/editions/2020/01-overview.mdx',
      (t) => `${t}\n<Chart kind="custom" spec="pass-rates.vl.json" title="合格率" />\n`,
    );
    result = newEdition(dir, 2021);
  });

  it('scaffolds with the new plan: no finished plan’s targets, no finished plan’s indicators, retired ones left out', () => {
    expect(result.status, result.stderr).toBe(0);
    const project = loadProject(dir, { includeDrafts: true });
    const [finished, next] = project.plans;
    const ledger = parse(readFileSync(join(dir, 'data/ledgers/2021.csv')), { columns: true }) as Array<
      Record<string, string>
    >;
    const ids = ledger.map((r) => r.indicator);
    const inNext = (id: string) => next!.targets.some((t) => t.indicator === id);
    // Every indicator of the new plan has a row; none that only the finished plan had.
    expect(next!.targets.every((t) => ids.includes(t.indicator))).toBe(true);
    expect(finished!.targets.filter((t) => !inNext(t.indicator)).filter((t) => ids.includes(t.indicator))).toEqual([]);
    expect(ids).not.toContain('wz_brand_products');
    // The “十三五” targets are not carried into 2021 (“十四五” sets none for 2021).
    expect(ledger.filter((r) => r.target !== '')).toEqual([]);
  });

  it('does not rewrite the finished plan’s years or name into the new edition’s title and period', () => {
    const edition = readFileSync(join(dir, 'content/editions/2021/edition.yaml'), 'utf8');
    expect(edition).toContain('title: 温州市洞头区2021年质量状况白皮书');
    expect(edition).toContain('period: 2021年1月1日至2021年12月31日');
    expect(edition).not.toContain('2016年至2021年');
    expect(edition).not.toContain('“十三五”规划完成情况');
  });

  it('says each thing once: the plan switch, the indicators left out, the chart that names the old year', () => {
    const out = result.stdout;
    expect(out).toContain('2021年起对照“十四五”规划');
    expect(out).toMatch(/\d+ 项只属于“十三五”规划的指标未列入新台账：/);
    expect(out).toMatch(/6 项上年已不再统计或因政策调整不再开展的指标未列入新台账/);
    expect(out).toContain('pass-rates.vl.json 中写有 2020');
    expect(out.split('\n').filter((l) => l.includes('未列入新台账'))).toHaveLength(2);
  });

  it('npm run check then names what the editor must still do — copied prose citing indicators that ended — not each indicator left out', () => {
    const check = runCheck(dir);
    expect(check.status, check.stdout).toBe(1);
    expect(check.stdout).toMatch(/错误 content\/editions\/2021\/01-overview\.mdx:\d+:\d+/);
    expect(check.stdout).toContain('<Value id="std_adoption_rate"> ：2021 年台账中没有该指标（页面无法显示）');
    expect(check.stdout).not.toContain('在今年的台账中没有记录');
    // The headline figures were cut to indicators the new ledger has.
    expect(check.stdout).not.toContain('主要指标（headline）');
  });
});

/** Markdown without its code blocks and inline code spans. */
const withoutCode = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
