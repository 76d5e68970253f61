import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as csv } from 'csv-stringify/sync';
import { stringify as yaml } from 'yaml';
import { LEDGER_COLUMNS } from '../ledger/ledger.ts';
import { writtenTarget } from '../ledger/target.ts';
import { PATHS, type Project } from './project.ts';
import type { EditionMeta } from './schemas.ts';
import { diagnostics } from '../site/messages/index.ts';

/**
 * The files of a new draft edition, scaffolded from the latest one: chapters copied with a 待更新
 * notice, a ledger with every catalogue indicator (values empty, targets carried forward), and the
 * edition marked draft. Returns an error message instead when the edition already exists.
 */
export function scaffoldEdition(
  project: Project,
  root: string,
  year: number,
): { files: Map<string, string> } | { error: string } {
  const d = diagnostics().newEdition;
  const source = project.editions.at(-1);
  if (!source) return { error: d.nothingToCopy };
  const editionDir = `${PATHS.editions}/${year}`;
  const ledgerFile = `${PATHS.ledgers}/${year}.csv`;
  for (const path of [editionDir, ledgerFile]) {
    if (existsSync(join(root, path))) return { error: d.exists(path) };
  }
  const from = String(source.year);
  const to = String(year);
  const files = new Map<string, string>();

  const meta: EditionMeta = {
    year,
    title: source.title.replaceAll(from, to),
    period: source.period.replaceAll(from, to),
    published: `${year + 1}-03-31`,
    status: 'draft',
    summary: d.summary(source.summary),
    corrections: [],
    ...(source.headline ? { headline: source.headline } : {}),
  };
  files.set(`${editionDir}/edition.yaml`, `${d.editionComment(to, from)}\n${yaml(meta)}`);

  for (const chapter of source.chapters) {
    const text = readFileSync(join(root, chapter.file), 'utf8');
    const end = text.indexOf('\n---', 4) + 4;
    const notice = `\n${d.chapterNotice(from, to)}\n`;
    files.set(chapter.file.replace(`/${from}/`, `/${to}/`), text.slice(0, end) + notice + text.slice(end));
  }

  // Custom chart specs live beside the chapters and travel with them.
  for (const name of Object.keys(source.customSpecs)) {
    files.set(`${editionDir}/${name}`, readFileSync(join(root, PATHS.editions, from, name), 'utf8'));
  }

  const rows = project.catalogue.map((indicator) => {
    const last = source.rows.find((r) => r.indicator === indicator.id && r.period === from);
    return [indicator.id, to, '', writtenTarget(last?.target ?? null), '', '', ''];
  });
  files.set(ledgerFile, csv([[...LEDGER_COLUMNS], ...rows]));
  return { files };
}
