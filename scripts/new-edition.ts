/** npm run new-edition -- <year>: scaffold the next edition as a draft from the latest one. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseCli, runScript, yearArgument } from '../src/lib/site/cli-args.ts';
import { scaffoldEdition } from '../src/lib/content/new-edition.ts';
import { loadProject } from '../src/lib/content/project.ts';

const USAGE = 'npm run new-edition -- <年份>，例如 npm run new-edition -- 2025';

await runScript(() => {
  const year = yearArgument(parseCli(process.argv.slice(2), USAGE, {}).positionals[0], USAGE);
  const root = process.cwd();
  const result = scaffoldEdition(loadProject(root, { includeDrafts: true }), root, year);
  if ('error' in result) {
    console.error(`未创建：${result.error}`);
    process.exit(1);
  }
  for (const [file, text] of result.files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
    console.log(`已创建 ${file}`);
  }
  console.log(
    `\n${year} 年版已作为草稿创建。下一步：\n  1. 在 data/ledgers/${year}.csv 中填写 value 列（目标已从上年带入，可修改）\n  2. 改写各章节，删除“待更新”提示\n  3. npm run check 检查；npm run dev 预览（草稿只在预览中可见）\n  4. 在 edition.yaml 中把 status 改为 published，再 npm run build`,
  );
});
