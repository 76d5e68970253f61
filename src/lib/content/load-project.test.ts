import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { copySite, editFile } from '../../../tests/helpers/project-copy.ts';
import { validateProject } from '../commands/validate.ts';
import { loadProject } from './load-project.ts';

const DIR = 'data/breakdowns';
const DEFINITION = `${DIR}/spot_checks.yaml`;

/** The problems of the breakdowns' files, as [severity, file, line, column, message]. */
const breakdownProblems = (dir: string) =>
  loadProject(dir, { includeDrafts: true })
    .problems.filter((p) => p.file.startsWith(DIR))
    .map((p) => [p.severity, p.file, p.line, p.column, p.message] as const);

/** The 1-based line of a file that starts with `start` (after its indentation). */
const lineOf = (dir: string, file: string, start: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.trimStart().startsWith(start)) + 1;

describe('loading breakdowns: data/breakdowns/<id>.yaml and <id>/<year>.csv', () => {
  it('fills the project’s definitions in file-name order and each edition’s tables of its year, with no problem', () => {
    const project = loadProject(copySite(), { includeDrafts: true });
    expect(project.problems.filter((p) => p.file.startsWith(DIR))).toEqual([]);
    expect(project.breakdowns.map((b) => [b.id, b.file, b.indicator])).toEqual([
      ['spot_checks', DEFINITION, 'spot_check_pass_rate'],
      ['spot_checks_by_size', `${DIR}/spot_checks_by_size.yaml`, 'spot_check_pass_rate'],
    ]);
    expect(project.editions.map((e) => [e.year, e.breakdowns.map((t) => [t.definition.id, t.year, t.file])])).toEqual([
      [2022, []],
      [2023, [['spot_checks', 2023, `${DIR}/spot_checks/2023.csv`]]],
      [
        2024,
        [
          ['spot_checks', 2024, `${DIR}/spot_checks/2024.csv`],
          ['spot_checks_by_size', 2024, `${DIR}/spot_checks_by_size/2024.csv`],
        ],
      ],
    ]);
  });

  it('a definition is strict: an unknown key or a misspelt reference is located at its key, with the nearest name', () => {
    const dir = copySite();
    editFile(dir, DEFINITION, (t) =>
      t.replace('    decimals: 1\n    rate:', '    decimal: 1\n    rate:').replace('rate: passed', 'rate: passd'),
    );
    const decimal = lineOf(dir, DEFINITION, 'decimal: 1');
    const rate = lineOf(dir, DEFINITION, 'rate: passd');
    const found = loadProject(dir).problems.filter((p) => p.file === DEFINITION);
    expect(found.map((p) => [p.line, p.column, p.message, p.hint])).toEqual([
      [decimal, 14, '各列（measures） → 第 4 项：有不认识的项：decimal。请检查拼写，或删除它。', '是不是“decimals”？'],
      [rate, 11, expect.stringContaining('“passd”不是本表的量（measures 中的 id），是不是“passed”？'), undefined],
    ]);
  });

  it('the indicator is in the catalogue, numeric, and in the unit of the measure charts plot', () => {
    const dir = copySite();
    editFile(dir, DEFINITION, (t) => t.replace('indicator: spot_check_pass_rate', 'indicator: spot_check_pass_rat'));
    editFile(dir, `${DIR}/spot_checks_by_size.yaml`, (t) => t.replace('chart: pass_rate', 'chart: batches'));
    const line = lineOf(dir, DEFINITION, 'indicator:');
    const found = loadProject(dir).problems.filter((p) => p.file.startsWith(DIR));
    expect(found.map((p) => [p.file, p.line, p.message, p.hint])).toEqual([
      [
        DEFINITION,
        line,
        '指标（indicator）：指标编号“spot_check_pass_rat”不在指标目录 data/indicators.csv 中。',
        '是否应为“spot_check_pass_rate”？',
      ],
      [
        `${DIR}/spot_checks_by_size.yaml`,
        lineOf(dir, `${DIR}/spot_checks_by_size.yaml`, 'indicator:'),
        '图表所用的量“抽查批次”的单位是“批次”，指标“产品质量监督抽查合格率”的单位是“%”：合计无法与台账核对。',
        expect.any(String),
      ],
    ]);
  });

  it('a file that would not be read is said: a .yml, a folder without its definition, a year no edition has, other files', () => {
    const dir = copySite();
    renameSync(join(dir, `${DIR}/spot_checks_by_size.yaml`), join(dir, `${DIR}/spot_checks_by_size.yml`));
    mkdirSync(join(dir, `${DIR}/Places`));
    writeFileSync(join(dir, `${DIR}/Places.yaml`), 'title: 按县区\n');
    writeFileSync(join(dir, `${DIR}/spot_checks/2025.csv`), 'category,name\n');
    writeFileSync(join(dir, `${DIR}/spot_checks/2024.xlsx`), '');
    writeFileSync(join(dir, `${DIR}/说明.txt`), '');
    expect(breakdownProblems(dir)).toEqual([
      [
        'error',
        `${DIR}/spot_checks_by_size.yml`,
        undefined,
        undefined,
        expect.stringContaining('扩展名应为小写的 .yaml'),
      ],
      ['warning', `${DIR}/说明.txt`, undefined, undefined, expect.stringContaining('“说明.txt”不会被读取')],
      [
        'error',
        `${DIR}/spot_checks_by_size`,
        undefined,
        undefined,
        `文件夹 ${DIR}/spot_checks_by_size 没有同名的定义文件 spot_checks_by_size.yaml，其中各年的数值不会被读取。`,
      ],
      ['error', `${DIR}/Places.yaml`, undefined, undefined, '分类数据的编号“Places”不合规。'],
      [
        'warning',
        `${DIR}/spot_checks/2024.xlsx`,
        undefined,
        undefined,
        expect.stringContaining('“2024.xlsx”不会被读取'),
      ],
      ['warning', `${DIR}/spot_checks/2025.csv`, undefined, undefined, expect.stringContaining('“2025.csv”不会被读取')],
    ]);
  });

  it('a table is read as every editor file is: a link is refused, GBK is named', () => {
    const dir = copySite();
    renameSync(join(dir, `${DIR}/spot_checks/2024.csv`), join(dir, 'elsewhere.csv'));
    symlinkSync(join(dir, 'elsewhere.csv'), join(dir, `${DIR}/spot_checks/2024.csv`));
    const table = `${DIR}/spot_checks/2023.csv`;
    writeFileSync(join(dir, table), iconv.encode(readFileSync(join(dir, table), 'utf8'), 'gbk'));
    expect(breakdownProblems(dir)).toEqual([
      ['error', table, 2, expect.any(Number), expect.stringContaining('不是 UTF-8 编码')],
      ['error', `${DIR}/spot_checks/2024.csv`, undefined, undefined, expect.stringContaining('是符号链接')],
    ]);
    const editions = loadProject(dir, { includeDrafts: true }).editions;
    expect(editions.map((e) => e.breakdowns.map((t) => t.definition.id))).toEqual([[], [], ['spot_checks_by_size']]);
  });

  it('a table’s own problems are located in it', () => {
    const dir = copySite();
    editFile(dir, `${DIR}/spot_checks/2024.csv`, (t) =>
      t.replace('fertilizer,化肥,agri_inputs,9,', 'fertilizer,化肥,agri_input,9,'),
    );
    expect(breakdownProblems(dir)).toEqual([
      ['error', `${DIR}/spot_checks/2024.csv`, 8, 3, '上级分类“agri_input”不在本表中。'],
    ]);
  });
});

describe('the checks of the breakdowns run in the one validation (check, build and import)', () => {
  const TABLE = `${DIR}/spot_checks/2024.csv`;

  it('warns of a total that disagrees with its counts and with the ledger; the total row’s checked settles both', () => {
    const dir = copySite();
    editFile(dir, TABLE, (t) => t.replace('total,合计,,103,203,192,94.6,0.5,,', 'total,合计,,103,203,192,94.5,0.4,,'));
    const breakdownWarnings = () =>
      validateProject(dir, { includeDrafts: true }).problems.filter((p) => p.file.startsWith(DIR));
    expect(loadProject(dir).problems.filter((p) => p.file.startsWith(DIR))).toEqual([]);
    expect(breakdownWarnings().map((p) => [p.severity, p.file, p.line, p.column, p.message, p.settled])).toEqual([
      ['warning', TABLE, 2, 7, expect.stringContaining('“合计”的合格率写的是 94.5'), undefined],
      ['warning', TABLE, 2, 7, '合计的合格率为 94.5，而台账中“产品质量监督抽查合格率”2024年为 94.6。', undefined],
    ]);
    editFile(dir, TABLE, (t) =>
      t.replace('total,合计,,103,203,192,94.5,0.4,,', 'total,合计,,103,203,192,94.5,0.4,,原报告如此'),
    );
    expect(breakdownWarnings().map((p) => p.settled)).toEqual(['原报告如此', '原报告如此']);
  });
});
