/**
 * The generated sites of `npm run bench` (written to temporary folders, never committed): N editions × M
 * indicators × K chapters, valid input that exercises every component, chart kind and download; the
 * ledger-rows and breakdown-heavy shapes; and the bare Astro project of the same page count (the baseline).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOMAINS = ['产品质量', '工程质量', '服务质量', '环境质量', '品牌与标准', '质量基础与安全'];
const WORDS =
  '质量发展 标准化 合格率 满意度 品字标 食品安全 特种设备 装配式建筑 优良天数 监督抽查 计量 检验检测 认证认可 知识产权 质量基础设施 消费维权 绿色建筑 生态环境'.split(
    ' ',
  );
/** The search bench's query: words of both the corpus (WORDS) and the demo's chapters. */
export const BENCH_QUERY = '食品安全 合格率';

export interface CorpusSize {
  editions: number;
  indicators: number;
  chapters: number;
}

/** Deterministic pseudo-random numbers, so two bench runs build the same corpus. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** site.yaml and a catalogue of `count` indicators (ind_001 …), shared by both corpora. */
function writeSiteAndCatalogue(dir: string, count: number): string[] {
  mkdirSync(join(dir, 'data', 'ledgers'), { recursive: true });
  mkdirSync(join(dir, 'content', 'editions'), { recursive: true });
  writeFileSync(
    join(dir, 'content', 'site.yaml'),
    [
      'region: 基准市测试区',
      'agency: 测试区市场监督管理局',
      'siteTitle: 测试区质量状况白皮书',
      'siteUrl: https://bench.example.org',
      'basePath: /',
      'dataLicence: { name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/" }',
      'demo: true',
      '',
    ].join('\n'),
  );
  const ids = Array.from({ length: count }, (_, i) => `ind_${String(i + 1).padStart(3, '0')}`);
  writeFileSync(
    join(dir, 'data', 'indicators.csv'),
    [
      'id,name,domain,unit,direction,type,decimals,definition,source',
      ...ids.map(
        (id, i) =>
          `${id},${WORDS[i % WORDS.length]}指标${i + 1},${DOMAINS[i % DOMAINS.length]},%,${i % 5 === 0 ? 'lower' : 'higher'},number,1,${WORDS[(i + 3) % WORDS.length]}的统计口径说明。,区统计局`,
      ),
    ].join('\n') + '\n',
  );
  return ids;
}

export function writeCorpus(dir: string, size: CorpusSize): { pages: number; prose: string[] } {
  const rnd = random(42);
  const firstYear = 2025 - size.editions;
  const ids = writeSiteAndCatalogue(dir, size.indicators);
  const base = ids.map(() => 60 + rnd() * 30);
  const prose: string[] = [];
  for (let e = 0; e < size.editions; e++) {
    const year = firstYear + e;
    const rows = ['indicator,period,value,target,status,note,source'];
    if (e === 0) ids.forEach((id, i) => rows.push(`${id},${year - 1},${base[i]!.toFixed(1)},,,,`));
    ids.forEach((id, i) => {
      base[i] = Math.min(99.9, Math.max(1, base[i]! + (rnd() - 0.4) * 2));
      rows.push(
        `${id},${year},${base[i]!.toFixed(1)},${i % 5 === 0 ? '稳步下降' : `≥${(base[i]! - 1 + rnd() * 2).toFixed(0)}`},,,`,
      );
    });
    writeFileSync(join(dir, 'data', 'ledgers', `${year}.csv`), rows.join('\n') + '\n');
    const edir = writeEdition(dir, year);
    for (let c = 0; c < size.chapters; c++) {
      const a = ids[(c * 7 + e) % ids.length]!;
      const b = ids[(c * 7 + e + 1) % ids.length]!;
      const paragraphs = Array.from(
        { length: 6 },
        (_, p) =>
          `${year}年，全区围绕${WORDS[(c + p) % WORDS.length]}和${WORDS[(c + p + 5) % WORDS.length]}开展工作，相关工作稳步推进，${WORDS[(p + e) % WORDS.length]}水平持续提升，群众获得感不断增强。`,
      );
      prose.push(paragraphs.join('\n\n'));
      writeFileSync(
        join(edir, `${String(c + 1).padStart(2, '0')}-chapter-${c + 1}.mdx`),
        [
          '---',
          `title: 第${c + 1}部分 ${WORDS[c % WORDS.length]}`,
          `order: ${c + 1}`,
          '---',
          '',
          `## ${WORDS[(c + 1) % WORDS.length]}`,
          '',
          paragraphs.slice(0, 3).join('\n\n'),
          '',
          `指标数值为<Value id="${a}" />，较上年<Change id="${a}" />，目标为<Target id="${a}" />。`,
          '',
          c % 2 === 0 ? `<Chart kind="trend" id="${a}" />` : `<Chart kind="compare" ids="${a},${b}" />`,
          '',
          `## ${WORDS[(c + 2) % WORDS.length]}`,
          '',
          paragraphs.slice(3).join('\n\n'),
          '',
          c === 0 ? '<StatusSummary />' : `<IndicatorTable domain="${DOMAINS[c % DOMAINS.length]}" />`,
          '',
        ].join('\n'),
      );
    }
  }
  return { pages: size.editions * (size.chapters + 1) + size.indicators, prose };
}

/** A published edition's folder with its edition.yaml; returns the folder. */
function writeEdition(dir: string, year: number): string {
  const edir = join(dir, 'content', 'editions', String(year));
  mkdirSync(edir, { recursive: true });
  writeFileSync(
    join(edir, 'edition.yaml'),
    `year: ${year}\ntitle: 测试区${year}年质量状况白皮书\nperiod: ${year}年\npublished: ${year + 1}-04-01\nstatus: published\nsummary: ${year}年测试区质量状况总体平稳。\ncorrections: []\n`,
  );
  return edir;
}

/** Years of history each indicator has in the ledger-rows corpus: rows = indicators × this. */
export const HISTORY_YEARS = 50;

/**
 * The ledger-rows corpus: one 2025 edition whose ledger holds `rows` records, HISTORY_YEARS years of
 * history for rows / HISTORY_YEARS indicators (so pages grow with the ledger too), each with a note,
 * and two chapters that cite, chart and tabulate them. Measures how the build scales with the ledger.
 */
export function writeLedgerCorpus(dir: string, rows: number): void {
  const rnd = random(7);
  const ids = writeSiteAndCatalogue(dir, Math.max(1, Math.round(rows / HISTORY_YEARS)));
  const year = 2025;
  const lines = ['indicator,period,value,target,status,note,source'];
  for (const id of ids) {
    let value = 60 + rnd() * 30;
    for (let period = year - HISTORY_YEARS + 1; period <= year; period++) {
      value = Math.min(99.9, Math.max(1, value + (rnd() - 0.4) * 2));
      const target = period === year ? `≥${(value - 1 + rnd() * 2).toFixed(0)}` : '';
      lines.push(
        `${id},${period},${value.toFixed(1)},${target},,${period}年${WORDS[period % WORDS.length]}统计口径未变。,区统计局`,
      );
    }
  }
  writeFileSync(join(dir, 'data', 'ledgers', `${year}.csv`), lines.join('\n') + '\n');
  const edir = writeEdition(dir, year);
  writeFileSync(
    join(edir, '01-overview.mdx'),
    `---\ntitle: 总体情况\norder: 1\n---\n\n## 总体情况\n\n指标数值为<Value id="${ids[0]}" />，较上年<Change id="${ids[0]}" />。\n\n<Chart kind="trend" id="${ids[0]}" />\n\n<StatusSummary />\n`,
  );
  writeFileSync(
    join(edir, '02-tables.mdx'),
    `---\ntitle: 指标一览\norder: 2\n---\n\n## 指标一览\n\n<IndicatorTable domain="${DOMAINS[0]}" />\n`,
  );
}

/**
 * The breakdown-heavy corpus: `years` editions, each with one ledger row and a breakdown of `categories`
 * categories (20 大类 with their 产品) × 5 measures (enterprises, batches, passed, their rate, its change on
 * last year) shown in a chapter, so the indicator page carries the small multiples of every year.
 */
export function writeBreakdownCorpus(dir: string, categories: number, years: number): void {
  const rnd = random(11);
  const [id] = writeSiteAndCatalogue(dir, 1);
  const folder = join(dir, 'data', 'breakdowns', 'checks');
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(dir, 'data', 'breakdowns', 'checks.yaml'),
    [
      'title: 监督抽查结果（按产品类别）',
      'dimension: 产品类别',
      `indicator: ${id}`,
      'measures:',
      '  - { id: enterprises, name: 抽查企业, unit: 家, sums: true }',
      '  - { id: batches, name: 抽查批次, unit: 批次, sums: true }',
      '  - { id: passed, name: 合格批次, unit: 批次, sums: true }',
      '  - { id: pass_rate, name: 合格率, unit: "%", decimals: 1, rate: passed / batches }',
      '  - { id: change, name: 合格率比上年, unit: 个百分点, decimals: 1, change: pass_rate }',
      '',
    ].join('\n'),
  );
  const parents = 20;
  const rows = Array.from({ length: categories }, (_, i) => ({
    id: `cat_${String(i + 1).padStart(3, '0')}`,
    name: `${WORDS[i % WORDS.length]}产品${i + 1}`,
    parent: i < parents ? '' : `cat_${String((i % parents) + 1).padStart(3, '0')}`,
  }));
  const rate = (passed: number, batches: number) => Math.round((passed / batches) * 1000) / 10;
  let previous = new Map<string, number>();
  const ledger = ['indicator,period,value,target,status,note,source'];
  for (let year = 2025 - years + 1; year <= 2025; year++) {
    // Leaves get counts; a 大类 is the sum of its 产品 (and of itself where it has none); the total of the 大类.
    const counts = new Map(
      rows.map((r) => {
        const batches = 10 + Math.floor(rnd() * 40);
        return [r.id, [Math.ceil(batches / 2), batches, batches - Math.floor(rnd() * 4)] as const];
      }),
    );
    const sum = (ids: string[]) =>
      [0, 1, 2].map((k) => ids.reduce((n, i) => n + counts.get(i)![k]!, 0)) as [number, number, number];
    const figures = new Map<string, [number, number, number]>();
    for (const r of rows) if (r.parent) figures.set(r.id, [...counts.get(r.id)!]);
    for (const r of rows.filter((r) => !r.parent)) {
      const children = rows.filter((c) => c.parent === r.id).map((c) => c.id);
      figures.set(r.id, children.length > 0 ? sum(children) : [...counts.get(r.id)!]);
    }
    const total = [0, 1, 2].map((k) =>
      rows.filter((r) => !r.parent).reduce((n, r) => n + figures.get(r.id)![k]!, 0),
    ) as [number, number, number];
    const line = (category: string, name: string, parent: string, f: [number, number, number]) => {
      const r = rate(f[2], f[1]);
      const change = previous.has(category) ? (r - previous.get(category)!).toFixed(1) : '';
      return `${category},${name},${parent},${f[0]},${f[1]},${f[2]},${r.toFixed(1)},${change},,`;
    };
    const lines = ['category,name,parent,enterprises,batches,passed,pass_rate,change,note,checked'];
    lines.push(line('total', '合计', '', total));
    for (const r of rows.filter((r) => !r.parent)) {
      lines.push(line(r.id, r.name, '', figures.get(r.id)!));
      for (const c of rows.filter((c) => c.parent === r.id)) lines.push(line(c.id, c.name, r.id, figures.get(c.id)!));
    }
    writeFileSync(join(folder, `${year}.csv`), lines.join('\n') + '\n');
    previous = new Map([
      ['total', rate(total[2], total[1])],
      ...[...figures].map(([k, f]) => [k, rate(f[2], f[1])] as const),
    ]);
    ledger.push(`${id},${year},${rate(total[2], total[1]).toFixed(1)},,,,区市场监管局`);
    writeFileSync(join(dir, 'data', 'ledgers', `${year}.csv`), [ledger[0], ledger.at(-1)].join('\n') + '\n');
    const edir = writeEdition(dir, year);
    writeFileSync(
      join(edir, '01-checks.mdx'),
      `---\ntitle: 监督抽查\norder: 1\n---\n\n## 监督抽查\n\n合格率为<Value id="${id}" />。\n\n<Breakdown id="checks" />\n`,
    );
  }
}

/** `count` chapters' worth of the corpus's prose (six paragraphs each), for a baseline of a shape with little prose. */
export function sampleProse(count: number): string[] {
  return Array.from({ length: count }, (_, c) =>
    Array.from(
      { length: 6 },
      (_, p) =>
        `全区围绕${WORDS[(c + p) % WORDS.length]}和${WORDS[(c + p + 5) % WORDS.length]}开展工作，相关工作稳步推进，${WORDS[(p + c) % WORDS.length]}水平持续提升，群众获得感不断增强。`,
    ).join('\n\n'),
  );
}

/**
 * The prose of a site's chapters (content/editions/<year>/*.mdx): each chapter's paragraphs without its front
 * matter, headings and components, for the demo's baseline.
 */
export function chapterProse(root: string): string[] {
  const editions = join(root, 'content', 'editions');
  return readdirSync(editions, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.mdx'))
    .map((d) =>
      readFileSync(join(d.parentPath, d.name), 'utf8')
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .split(/\n\s*\n/)
        .map((p) => p.replace(/<[^>]*>/g, '').trim())
        .filter((p) => p.length > 0 && !/^[#|!>\-*{]|^import\s/.test(p))
        .join('\n\n'),
    )
    .filter((text) => text.length > 0);
}

/** A bare Astro project of `pages` pages, each one of the given prose texts in turn: the baseline. */
export function writeBaseline(dir: string, pages: number, prose: string[]): void {
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\nexport default defineConfig({});\n",
  );
  // Built as ours is, through `npm run build`, so both figures include npm's and Node's start.
  writeFileSync(
    join(dir, 'package.json'),
    '{ "name": "baseline", "type": "module", "private": true, "scripts": { "build": "astro build" } }\n',
  );
  writeFileSync(join(dir, 'src', 'pages', 'prose.json'), JSON.stringify(prose));
  writeFileSync(
    join(dir, 'src', 'pages', '[page].astro'),
    `---
import prose from './prose.json';
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: String(i) }, props: { text: prose[i % prose.length] } }));
}
const { text } = Astro.props;
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>页面</title></head><body><main>{text.split('\\n\\n').map((p) => <p>{p}</p>)}</main></body></html>
`,
  );
}
