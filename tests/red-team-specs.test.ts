/**
 * Issue 23, editors' custom Vega-Lite specs: each attack of the red team, on a copy of the demo, is refused
 * by the validation `npm run check` and `npm run build` both run (validateProject, with and without drafts)
 * with a located Chinese error naming the spec file, in seconds. Where meaningful, the attack is also run
 * past the static rule (content/spec-rules.ts) to show what it does to the renderer and that the trial
 * render (charts/chart-trial.ts, a child process with a time and memory limit) is what stops it then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { plottedData, renderChartSvg } from '../src/lib/charts/chart-svg.ts';
import { customChartProblems, trialRender } from '../src/lib/charts/chart-trial.ts';
import { customChartSpec } from '../src/lib/charts/custom-chart-spec.ts';
import { validateProject } from '../src/lib/commands/validate.ts';
import { readCustomSpec } from '../src/lib/content/custom-spec.ts';
import { loadProject } from '../src/lib/content/load-project.ts';
import { copySite, ROOT } from './helpers/project-copy.ts';

const SPEC_NAME = 'environment-trends.vl.json';
const SPEC_FILE = `content/editions/2024/${SPEC_NAME}`;
const demoSpec = JSON.parse(readFileSync(join(ROOT, SPEC_FILE), 'utf8')) as Record<string, unknown>;
/** A copy of the demo's content and data whose custom chart spec is `spec` (an object, or the file's text). */
function siteWith(spec: unknown): string {
  const root = copySite('wp-red-spec-');
  writeFileSync(join(root, SPEC_FILE), typeof spec === 'string' ? spec : JSON.stringify(spec, null, 2));
  return root;
}

/** The errors of the build's validation, after checking that check's (drafts included) are the same. */
function errorsOf(root: string) {
  const errors = (includeDrafts: boolean) =>
    validateProject(root, { includeDrafts }).problems.filter((p) => p.severity === 'error');
  const build = errors(false);
  expect(errors(true)).toEqual(build);
  return build;
}

const HAN = /[\u4e00-\u9fff]/;
/** One error, in Chinese, naming the spec file (and, for a static rule, the line and JSON path). */
function expectRefused(root: string, where: RegExp) {
  const errors = errorsOf(root);
  expect(errors).toHaveLength(1);
  const message = errors[0]!.message;
  expect(message).toContain(SPEC_FILE);
  expect(message).toMatch(where);
  expect(message).toMatch(HAN);
  // No renderer's English (“Illegal callee”, “Invalid string length”), no stack trace.
  expect(message.replace(SPEC_FILE, '')).not.toMatch(/[A-Za-z]{4,} [a-z]{3,} [a-z]{3,}|\n\s+at /);
  return message;
}

const withTransform = (...transform: object[]) => ({
  ...demoSpec,
  transform: [...(demoSpec.transform as object[]), ...transform],
});
/** The demo's project and latest edition, to build a bomb as the build would draw it, past the static rules. */
const project = loadProject(ROOT);
const edition = project.editions.at(-1)!;
const asBuilt = (spec: object) => customChartSpec(project, edition, spec);
/** The demo's project with its custom chart's spec replaced, as if the loader had read it. */
const withSpec = (spec: object) => ({
  ...project,
  editions: project.editions.map((e) => (e === edition ? { ...e, customSpecs: { [SPEC_NAME]: spec } } : e)),
});

describe('custom spec expressions are bounded (issue 23: regexp, sequence)', () => {
  const regexBomb = withTransform({
    filter: "test(regexp('^(a+)+$'), 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' + datum.name)",
  });

  it('a backtracking regexp is refused at read time, with line and path', () => {
    const root = siteWith(regexBomb);
    expectRefused(root, /第 \d+ 行“transform\.1\.filter”：不能使用正则表达式/);
    // With what to write instead, for the chapter's report to give.
    const read = readCustomSpec(join(root, 'content/editions/2024'), SPEC_NAME, SPEC_FILE);
    expect(read).toMatchObject({ ok: false, hint: expect.stringContaining('不能用正则表达式') });
    const literal = withTransform({ filter: '/^(a+)+$/.test(datum.name)' });
    expectRefused(siteWith(literal), /“transform\.1\.filter”：不能使用正则表达式/);
  });

  it('past the rule, the renderer does not finish it; the trial render stops it and says so', () => {
    expect(trialRender([asBuilt(regexBomb)], { seconds: 2, cache: false })).toEqual([
      { ok: false, failure: 'timeout' },
    ]);
  });

  it('sequence() is refused; past the rule, the trial render stops it at its memory limit', () => {
    const bomb = withTransform({ calculate: 'sequence(0, 3000000)', as: 'list' });
    expectRefused(siteWith(bomb), /“transform\.1\.calculate”：不能使用函数 sequence\(\)/);
    expect(trialRender([asBuilt(bomb)], { memoryMb: 128, cache: false })).toEqual([{ ok: false, failure: 'memory' }]);
  });

  it('a string doubled 40 times (no rule for it) is stopped by the trial render: check and build refuse it', () => {
    const doubling = Array.from({ length: 40 }, (_, i) => ({
      calculate: `datum.s${i} + datum.s${i}`,
      as: `s${i + 1}`,
    }));
    const bomb = withTransform({ calculate: 'datum.name', as: 's0' }, ...doubling);
    expect(readCustomSpec(join(ROOT, 'content/editions/2024'), SPEC_NAME, SPEC_FILE).ok).toBe(true);
    expectRefused(siteWith(bomb), /试画时所需内存超过 \d+ MB/);
  });

  it('tiny bins (no count known before the data) are stopped by the validation step at its time limit', () => {
    const y = { field: 'value', type: 'quantitative', bin: { step: 1e-7 } };
    const bins = { ...demoSpec, encoding: { ...(demoSpec.encoding as object), y } };
    expect(readCustomSpec(join(siteWith(bins), 'content/editions/2024'), SPEC_NAME, SPEC_FILE).ok).toBe(true);
    // The step of validateProject (10 s there), with a shorter limit to keep this suite fast.
    const problems = customChartProblems(withSpec(bins), { seconds: 2, cache: false });
    expect(problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: SPEC_FILE,
        message: expect.stringMatching(/试画 2 秒仍未画完/),
      }),
    ]);
  });

  it.each([
    ['tickCount', { axis: { tickCount: 1_000_000 } }, /“encoding\.y\.axis\.tickCount”：“tickCount”必须写成 0 到 100/],
    ['maxbins', { bin: { maxbins: 1e9 } }, /“encoding\.y\.bin\.maxbins”/],
  ])('a huge %s is refused at read time', (_what, extra, where) => {
    const encoding = demoSpec.encoding as { y: object };
    expectRefused(siteWith({ ...demoSpec, encoding: { ...encoding, y: { ...encoding.y, ...extra } } }), where);
  });

  it.each([
    ['width', { width: 1e8 }, /第 \d+ 行“width”：“width”必须写成 0 到 3000/],
    ['height from config', { config: { view: { continuousHeight: 1e9 } } }, /“config\.view\.continuousHeight”/],
    ['impute keyvals', withTransform({ impute: 'value', key: 'period', keyvals: { start: 0, stop: 1e9 } }), /keyvals/],
    ['density steps', withTransform({ density: 'value', steps: 1e8 }), /“transform\.1\.steps”/],
    [
      'regression order',
      withTransform({ regression: 'value', on: 'period', method: 'poly', order: 5000 }),
      /“transform\.1\.order”/,
    ],
    ['quantile step', withTransform({ quantile: 'value', step: 1e-9 }), /“transform\.1\.step”：分位数/],
    ['pad', withTransform({ calculate: 'pad(datum.name, 1e9)', as: 'p' }), /pad\(\) 的长度/],
    ['repeat', { ...demoSpec, repeat: Array.from({ length: 500 }, (_, i) => `f${i}`) }, /repeat 最多/],
  ])('unbounded work is refused at read time: %s', (_what, spec, where) => {
    expectRefused(siteWith({ ...demoSpec, ...spec }), where);
  });

  it('a spec nested 50 000 deep or larger than any chart is refused in Chinese, without a stack overflow', () => {
    const deep = `{"data": {"name": "ledger"}, "mark": "bar", "layer": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    expectRefused(siteWith(deep), /嵌套超过 40 层/);
    const huge = JSON.stringify({ ...demoSpec, description: '很长'.repeat(200_000) });
    expectRefused(siteWith(huge), /超过自定义图表文件的上限/);
  });
});

describe('custom spec expressions use only what the renderer interprets (issue 23: MemberExpression)', () => {
  it.each([
    ['a call through a member', 'datum.name.toUpperCase()', /只能直接调用函数/],
    ['a constructor called', 'datum.name.constructor(1)', /不能访问“constructor”/],
    ['the constructor', 'datum.name.constructor', /不能访问“constructor”/],
    ['a computed member', "datum['__proto__']", /不能访问“__proto__”/],
    ['a computed name', 'datum[datum.name]', /方括号中只能写加引号的字段名/],
    ['an unknown function', 'foo(datum.value)', /不支持函数 foo\(\)/],
    ['a free name', 'window', /不认识名称“window”/],
    ['a broken expression', 'datum.value >', /表达式无法解析/],
    ['a different figure every build', 'random()', /每次构建的结果都不同/],
  ])('%s is refused with its line and path', (_what, expression, where) => {
    expectRefused(siteWith(withTransform({ calculate: expression, as: 'x' })), where);
  });

  it('past the rule, the renderer fails in English; the trial render gives the Chinese error instead', () => {
    const spec = asBuilt(withTransform({ calculate: 'datum.name.constructor(1)', as: 'x' }));
    expect(() => plottedData(spec)).toThrow('Illegal callee type: MemberExpression');
    expect(trialRender([spec], { cache: false })).toEqual([{ ok: false, failure: 'expression' }]);
  });

  it('the demo’s expressions pass, and its chart passes the trial render', () => {
    expect(errorsOf(siteWith(demoSpec))).toEqual([]);
  });
});

describe('custom spec features the CSP forbids (issue 23: blend)', () => {
  const blended = { ...demoSpec, mark: { ...(demoSpec.mark as object), blend: 'multiply' } };

  it('blend is refused at read time, with line and path', () => {
    expectRefused(siteWith(blended), /第 \d+ 行“mark\.blend”：不能使用“blend”/);
    expectRefused(siteWith({ ...demoSpec, config: { mark: { blend: 'multiply' } } }), /“config\.mark\.blend”/);
  });

  it('past the rule, the SVG needs style attributes; the trial render refuses any chart whose SVG has one', async () => {
    const spec = asBuilt(blended);
    expect(await renderChartSvg(spec, () => {})).toMatch(/ style="mix-blend-mode: multiply;"/);
    expect(trialRender([spec], { cache: false })).toEqual([{ ok: false, failure: 'style' }]);
    const [problem] = customChartProblems(withSpec(blended), { cache: false });
    expect(problem).toMatchObject({ severity: 'error', file: SPEC_FILE, message: expect.stringMatching(/style 属性/) });
  });
});

describe('spec property errors are Chinese and clear (issue 23: 期望 数字，实际接收 数字)', () => {
  it.each([
    ['a size that is not a number', { width: '宽' }, /第 \d+ 行“width”：“width”必须写成 0 到 3000 之间的数字/],
    [
      'a format type that calls a function',
      {
        encoding: {
          ...(demoSpec.encoding as object),
          x: { field: 'period', type: 'ordinal', axis: { formatType: 'evil' } },
        },
      },
      /“formatType”只能是 number、time 或 utc/,
    ],
    ['a mark that does not exist', { mark: 'bars' }, /画不出来：图表设置有误/],
  ])('%s', (_what, change, where) => {
    expectRefused(siteWith({ ...demoSpec, ...change }), where);
  });
});
