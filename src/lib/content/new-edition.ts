import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { stringify as csv } from 'csv-stringify/sync';
import { stringify as yaml } from 'yaml';

import { breakdownFileColumns } from '../ledger/breakdown-file.ts';
import { whyEnded } from '../ledger/continuity.ts';
import { LEDGER_COLUMNS } from '../ledger/ledger.ts';
import { planOf, planTarget } from '../ledger/plan.ts';
import { previousEdition } from '../ledger/vintage.ts';
import { formatTarget } from '../model/format.ts';
import type { Project } from '../model/project.ts';
import type { EditionMeta } from '../model/schemas.ts';
import { visible } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { breakdownFile, CHAPTER_IMAGES, PATHS } from './load-project.ts';

/**
 * The files of a new draft edition, scaffolded from the previous one (`vintage.ts#previousEdition`, the
 * latest before the year): chapters copied with a 待更新
 * notice, a ledger with a row for every indicator still reported (values empty; targets the plan's for
 * that year, else carried forward within a plan), each breakdown's categories (ids, names, parents; figures
 * and notes empty, the change on last year too), and the edition marked draft. Years are rewritten only
 * where the text names the source year alone (not “2016年至2020年”). `notes` tell the editor, once each,
 * what was left out or needs a look (a plan switch, retired indicators, custom charts naming the old year).
 * Returns an error message instead when the edition already exists.
 */
export function scaffoldEdition(
  project: Project,
  root: string,
  year: number,
): { files: Map<string, string | Uint8Array>; notes: string[] } | { error: string } {
  const d = diagnostics().newEdition;
  const source = previousEdition(project.editions, year);
  if (!source) return { error: d.nothingToCopy };
  const editionDir = `${PATHS.editions}/${year}`;
  const ledgerFile = `${PATHS.ledgers}/${year}.csv`;
  const breakdownFiles = source.breakdowns.map((table) => breakdownFile(table.definition.id, year));
  for (const path of [editionDir, ledgerFile, ...breakdownFiles]) {
    if (existsSync(join(root, path))) return { error: d.exists(path) };
  }
  const from = String(source.year);
  const to = String(year);
  const files = new Map<string, string | Uint8Array>();
  const notes: string[] = [];
  const oldPlan = planOf(project.plans, source.year);
  const plan = planOf(project.plans, year);
  const switching = !!plan && plan !== oldPlan;
  /** Only a text naming the source year and no other year (and no finished plan) is the next year's by a swap. */
  const onlyThisYear = (text: string) =>
    [...text.matchAll(/\d{4}/g)].every((m) => m[0] === from) && !(switching && oldPlan && text.includes(oldPlan.short));

  const meta: EditionMeta = {
    year,
    title: onlyThisYear(source.title) ? source.title.replaceAll(from, to) : d.title(project.site.region, year),
    period: onlyThisYear(source.period) ? source.period.replaceAll(from, to) : d.period(year),
    published: `${year + 1}-03-31`,
    status: 'draft',
    summary: d.summary(source.summary),
    corrections: [],
  };
  if (!onlyThisYear(source.title) || !onlyThisYear(source.period)) notes.push(d.retitled(meta.title, meta.period));

  for (const chapter of source.chapters) {
    const text = readFileSync(join(root, chapter.file), 'utf8');
    files.set(chapter.file.replace(`/${from}/`, `/${to}/`), copiedChapter(text, from, to));
  }

  // Custom chart specs live beside the chapters and travel with them; one that names the old year likely filters on it.
  for (const name of Object.keys(source.customSpecs)) {
    const spec = readFileSync(join(root, PATHS.editions, from, name), 'utf8');
    files.set(`${editionDir}/${name}`, spec);
    if (spec.includes(from)) notes.push(d.specNamesYear(`${editionDir}/${name}`, from));
  }

  // Pictures the chapters link (./images/…, from import-chapter) travel with them too: plain files only, their
  // bytes copied; a symlink is never followed or copied as a link (it could point out of the site), nor a folder.
  const images = join(root, PATHS.editions, from, CHAPTER_IMAGES);
  for (const entry of existsSync(images) ? readdirSync(images, { withFileTypes: true }) : []) {
    if (entry.isFile())
      files.set(
        `${editionDir}/${CHAPTER_IMAGES}/${entry.name}`,
        new Uint8Array(readFileSync(join(images, entry.name))),
      );
    else notes.push(d.notCopied(visible(`${PATHS.editions}/${from}/${CHAPTER_IMAGES}/${entry.name}`)));
  }

  const ended = { retired: [] as string[], plan_ended: [] as string[] };
  const rows = project.catalogue.flatMap((indicator) => {
    const last = source.yearEntries.find((e) => e.indicator.id === indicator.id);
    const why = whyEnded(project.plans, indicator.id, last?.status ?? null, source.year, year);
    if (why) {
      ended[why].push(indicator.name);
      return [];
    }
    const own = source.ledgerRows.find((r) => r.indicator === indicator.id && r.period === from)?.target ?? null;
    const ofPlan = plan && planTarget(plan, indicator.id, year);
    // The plan's target for the year; else last year's own target, unless it belonged to the finished plan.
    const target = ofPlan ? ofPlan.target : switching ? null : own;
    return [[indicator.id, to, '', target ? formatTarget(target, indicator) : '', '', '', '']];
  });
  // Headline and 一图读懂 figures only of indicators the new ledger still has.
  for (const list of ['headline', 'digest'] as const) {
    const ids = source[list]?.filter((id) => rows.some((r) => r[0] === id));
    if (ids?.length) meta[list] = ids;
  }
  files.set(`${editionDir}/edition.yaml`, `${d.editionComment(to, from)}\n${yaml(meta)}`);
  if (switching) notes.push(d.planSwitch(plan.short, year, oldPlan?.short ?? null));
  if (ended.plan_ended.length > 0) notes.push(d.planEnded(oldPlan!.short, ended.plan_ended));
  if (ended.retired.length > 0) notes.push(d.retired(ended.retired));
  files.set(ledgerFile, csv([[...LEDGER_COLUMNS], ...rows]));
  // The categories go on (a category's id is stable; its name and parent as last year, for the editor to
  // change where this year's report differs); every figure is this year's to fill, unknown until it is.
  source.breakdowns.forEach(({ definition, total, rows: categories }, i) => {
    const columns = breakdownFileColumns(definition);
    const carried = [...(total ? [total] : []), ...categories].map(({ category, name, parent }) =>
      columns.map((column) =>
        column === 'category' ? category : column === 'name' ? name : column === 'parent' ? (parent ?? '') : '',
      ),
    );
    files.set(breakdownFiles[i]!, csv([columns, ...carried]));
  });
  return { files, notes };
}

/**
 * A chapter as new-edition copies it into the next year's draft: unchanged, with the 待更新 notice after its
 * front matter. import-chapter compares with it to tell a copy no one has touched from an edited chapter.
 */
export function copiedChapter(text: string, from: string, to: string): string {
  const end = text.indexOf('\n---', 4) + 4;
  return `${text.slice(0, end)}\n${diagnostics().newEdition.chapterNotice(from, to)}\n${text.slice(end)}`;
}
