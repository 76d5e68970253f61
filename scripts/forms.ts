/** npm run forms -- <year>: one .xlsx collection form per source department, for the draft edition of that year. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCli, ROOT_OPTION, runScript, useContentRoot, yearArgument } from '../src/lib/site/cli-args.ts';
import { loadProject } from '../src/lib/content/project.ts';
import { departmentForms, formWorkbook } from '../src/lib/forms/form-workbook.ts';
import { diagnostics, messagesFor } from '../src/lib/site/messages/index.ts';

const d = diagnostics().cli.forms;

await runScript(async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), d.usage, ROOT_OPTION);
  const year = yearArgument(positionals[0], d.usage);
  const root = useContentRoot(values.root);
  const project = loadProject(root, { includeDrafts: true });
  const drafted = departmentForms(project, year);
  if (!drafted) {
    console.error(d.noDraft(year));
    process.exit(1);
  }
  const { edition, forms } = drafted;
  const dir = join('forms', String(year));
  mkdirSync(join(root, dir), { recursive: true });
  for (const form of forms) {
    const file = join(dir, `${form.fileName}.xlsx`);
    writeFileSync(join(root, file), await formWorkbook(project, edition, form));
    console.log(d.written(file, form.rows.length));
  }
  console.log(d.done(forms.length, dir));
  const unsourced = forms.find((form) => form.source === messagesFor(project.site.language).forms.noSource);
  if (unsourced) console.log(d.noSource(unsourced.rows.length, unsourced.fileName));
});
