import { describe, expect, it } from 'vitest';

import { copySite, editFile } from '../../../tests/helpers/project-copy.ts';
import { formatReport } from '../site/problems.ts';
import { loadProject } from './load-project.ts';
import { plausibilityWarnings } from './plausibility.ts';

describe('unjudged targets of a published edition: the warning says why', () => {
  it('names what is missing: a target number, which of several numbers, a base, the period’s value', () => {
    const dir = copySite();
    editFile(dir, 'data/ledgers/2024.csv', (t) =>
      t
        .replace(/^mfg_pass_rate,2024,97\.1,96\.5%以上,/m, 'mfg_pass_rate,2024,97.1,培育一批,')
        .replace(
          /^food_pass_rate,2024,98\.7,不低于98%,/m,
          'food_pass_rate,2024,98.7,县(区)100%开展;规模以上企业90%开展,',
        )
        .replace(/^agri_pass_rate,2024,99\.1,98%以上,/m, 'agri_pass_rate,2024,99.1,下降15%,')
        .replace(/^drug_pass_rate,2024,100\.0,达到100%,/m, 'drug_pass_rate,2024,100.0,较“十二五”时期增加15%,'),
    );
    const warnings = plausibilityWarnings(loadProject(dir))
      .filter((w) => w.hint?.includes('请在 status 列填写完成情况'))
      .map((w) => [w.line, w.message]);
    expect(warnings).toEqual([
      [3, expect.stringContaining('目标“培育一批”没有可比的目标数值')],
      [4, expect.stringContaining('中有几个数字，没有写明哪一个是目标值')],
      [5, expect.stringContaining('目标“下降15%”写了变化幅度，但没有写明与哪一年或哪个时期比较')],
      [6, expect.stringContaining('要与 2011—2015 年这一时期的数值比较，但台账中没有 period 为 2011-2015 的行')],
    ]);
  });
});

describe('warnings an editor settles in the ledger’s checked column', () => {
  it('keeps a checked row’s warnings, settled with the reason, and the report counts them instead of listing them', () => {
    const dir = copySite();
    editFile(dir, 'data/ledgers/2024.csv', (t) =>
      t
        .replace(/^(.+)$/gm, '$1,')
        .replace(/^(indicator,period,value,target,status,note,source),$/m, '$1,checked')
        .replace(/^pm25,2024,25,(.*),$/m, 'pm25,2024,2.5,$1,监测点位调整后数值下降，已核实')
        .replace(/^food_pass_rate,2024,98\.7,/m, 'food_pass_rate,2024,987,'),
    );
    const warnings = plausibilityWarnings(loadProject(dir));
    const pm25 = warnings.filter((w) => w.message.includes('细颗粒物'));
    expect(pm25).toEqual([expect.objectContaining({ settled: '监测点位调整后数值下降，已核实' })]);
    // An unchecked row still warns.
    expect(warnings.filter((w) => w.message.includes('食品安全抽检合格率') && !w.settled)).toHaveLength(2);
    const report = formatReport(warnings);
    expect(report).not.toContain('细颗粒物');
    expect(report).toContain('共发现 0 个错误、2 个警告。另有 1 个警告已在所在行的 checked 列确认，不再列出。');
  });
});
