import { PassThrough } from 'node:stream';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import type { Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';
import { paths, siteAddress } from '../site/urls.ts';
import { toExcelCsv } from './csv-export.ts';
import {
  allLedgerRecords,
  CATALOGUE_COLUMNS,
  catalogueFields,
  catalogueRow,
  ledgerFields,
  type LedgerRecord,
  ledgerRecords,
  PLAN_TARGET_COLUMNS,
  planTargetFields,
  planTargetRecords,
  planTargetRow,
  RECORD_COLUMNS,
  recordRow,
  sha256,
} from './open-data.ts';

/** A file on the /data/ page, generated in memory at build time. */
export interface DataFile {
  /** File name under /data/. */
  name: string;
  title: string;
  format: 'csv' | 'xlsx' | 'json';
  mediatype: string;
  bytes: Uint8Array;
  /** Edition year, or undefined for files covering all editions. */
  edition?: number;
  /** Machine copy for the data package (UTF-8 without BOM), not listed separately for readers. */
  packageOnly?: boolean;
}

const MEDIA = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;
const encoder = new TextEncoder();

async function workbook(project: Project, m: Messages, records: LedgerRecord[], created: Date): Promise<Uint8Array> {
  // The streaming writer commits each row as it goes: the in-memory workbook held ~1 KB per cell,
  // over a gigabyte for a 100k-row ledger.
  const chunks: Buffer[] = [];
  const out = new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = project.site.agency;
  book.created = created;
  book.modified = created;
  const sheet = (name: string, headers: string[], rows: Array<Array<string | number | null>>, widths: number[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((_, i) => ({ width: widths[i] ?? 14 }));
    const header = ws.addRow(headers);
    header.font = { bold: true };
    header.commit();
    for (const r of rows) ws.addRow(r.map((c) => c ?? undefined)).commit();
    ws.commit();
  };
  sheet(
    m.downloads.dataSheet,
    RECORD_COLUMNS,
    records.map(recordRow),
    [8, 26, 30, 14, 12, 8, 10, 14, 14, 10, 10, 30, 24],
  );
  sheet(
    m.downloads.dictionarySheet,
    [m.data.field, m.data.fieldTitle, m.data.type, m.data.description],
    ledgerFields(m).map((f) => [
      f.name,
      f.title,
      f.type,
      f.description + (f.enum ? m.downloads.enumValues(f.enum) : ''),
    ]),
    [14, 12, 10, 80],
  );
  sheet(
    m.downloads.catalogueSheet,
    CATALOGUE_COLUMNS,
    project.publishedIndicators.map(catalogueRow),
    [26, 30, 14, 14, 12, 10, 8, 8, 60, 24],
  );
  await book.commit();
  return reproducible(new Uint8Array(Buffer.concat(chunks)), created);
}

/**
 * ExcelJS stamps each zip entry with the wall clock, so two builds of the same content would differ;
 * the entries get the workbook's own date instead. Built from local fields, since zip times are local.
 */
export async function reproducible(xlsx: Uint8Array, date: Date): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const beijing = new Date(date.getTime() + 8 * 3600_000); // the editions' dates are Beijing time
  const stamp = new Date(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate());
  for (const entry of Object.values(zip.files)) entry.date = stamp;
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function json(project: Project, m: Messages, title: string, records: LedgerRecord[]): Uint8Array {
  const doc = {
    title,
    publisher: project.site.agency,
    license: project.site.dataLicence,
    fields: ledgerFields(m).map(({ name, title: t, type, description }) => ({
      name,
      title: t,
      type,
      description,
    })),
    records,
  };
  return encoder.encode(`${JSON.stringify(doc, null, 1)}\n`);
}

/** Every download of the /data/ page plus the Frictionless data package describing them. */
export async function dataFiles(project: Project): Promise<DataFile[]> {
  const m = messagesFor(project.site.language);
  const latest = project.editions.at(-1);
  const created = new Date(`${latest?.published ?? '2000-01-01'}T00:00:00+08:00`);
  const files: DataFile[] = [];
  // Each CSV twice: with a BOM for Excel on Chinese Windows (listed for readers), and without one in
  // utf8/ for the data package, since not every Frictionless reader strips a BOM from the header.
  const add = (name: string, title: string, format: DataFile['format'], bytes: Uint8Array, edition?: number) => {
    files.push({ name, title, format, mediatype: MEDIA[format], bytes, edition });
    if (format === 'csv')
      files.push({
        name: `utf8/${name}`,
        title,
        format,
        mediatype: MEDIA.csv,
        bytes: bytes.subarray(3),
        edition,
        packageOnly: true,
      });
  };
  const csv = (records: LedgerRecord[]) => encoder.encode(toExcelCsv(RECORD_COLUMNS, records.map(recordRow)));

  add(
    'indicators.csv',
    m.downloads.catalogueTitle,
    'csv',
    encoder.encode(toExcelCsv(CATALOGUE_COLUMNS, project.publishedIndicators.map(catalogueRow))),
  );
  if (project.plans.length > 0)
    add(
      'plan-targets.csv',
      m.downloads.planTargetsTitle,
      'csv',
      encoder.encode(toExcelCsv(PLAN_TARGET_COLUMNS, planTargetRecords(project, m).map(planTargetRow))),
    );
  const all = allLedgerRecords(project);
  const allTitle = m.downloads.allTitle(project.site.siteTitle);
  add('ledger-all.csv', allTitle, 'csv', csv(all));
  add('ledger-all.xlsx', allTitle, 'xlsx', await workbook(project, m, all, created));
  add('ledger-all.json', allTitle, 'json', json(project, m, allTitle, all));
  for (const edition of [...project.editions].reverse()) {
    const records = ledgerRecords(project, edition);
    const title = m.downloads.editionTitle(edition.title);
    add(`ledger-${edition.year}.csv`, title, 'csv', csv(records), edition.year);
    add(
      `ledger-${edition.year}.xlsx`,
      title,
      'xlsx',
      await workbook(project, m, records, new Date(`${edition.published}T00:00:00+08:00`)),
      edition.year,
    );
    add(`ledger-${edition.year}.json`, title, 'json', json(project, m, title, records), edition.year);
  }
  add(
    'datapackage.json',
    m.downloads.packageFileTitle,
    'json',
    encoder.encode(`${JSON.stringify(dataPackage(project, files), null, 2)}\n`),
  );
  return files;
}

const field = (f: {
  name: string;
  title: string;
  type: string;
  description: string;
  required?: boolean;
  enum?: readonly string[];
}) => ({
  name: f.name,
  title: f.title,
  type: f.type,
  description: f.description,
  ...(f.required || f.enum
    ? { constraints: { ...(f.required ? { required: true } : {}), ...(f.enum ? { enum: [...f.enum] } : {}) } }
    : {}),
});

/** Frictionless Data Package (v1): every download with its Table Schema, keys, sizes and hashes. */
export function dataPackage(project: Project, files: DataFile[]) {
  const m = messagesFor(project.site.language);
  const ledgerSchema = {
    fields: ledgerFields(m).map(field),
    missingValues: [''],
    primaryKey: ['edition', 'indicator', 'period'],
    foreignKeys: [{ fields: 'indicator', reference: { resource: 'indicators', fields: 'id' } }],
  };
  const resourceName = (file: string) =>
    file
      .replace(/^utf8\//, '')
      .replace(/\.(csv|xlsx|json)$/, '')
      .replace(/[^a-z0-9-]/g, '-') + (file.endsWith('.csv') ? '' : `-${file.split('.').pop()}`);
  const described = files.filter((f) => f.format !== 'csv' || f.packageOnly);
  return {
    profile: 'data-package',
    name: 'quality-white-paper-indicators',
    title: m.downloads.packageTitle(project.site.siteTitle),
    description: m.downloads.packageDescription(
      project.site.agency,
      project.site.demo ? m.demoMark(project.site.demo, project.site.region).data : '',
    ),
    homepage: siteAddress(project.site, paths.home()),
    version: String(project.editions.at(-1)?.year ?? ''),
    created: `${project.editions.at(-1)?.published ?? '2000-01-01'}T00:00:00+08:00`,
    licenses: [{ name: 'CC-BY-4.0', path: project.site.dataLicence.url, title: project.site.dataLicence.name }],
    contributors: [{ title: project.site.agency, role: 'publisher' }],
    keywords: [m.downloads.keyword, project.site.region, ...project.domains],
    resources: described.map((f) => {
      const base = {
        name: resourceName(f.name),
        path: f.name,
        title: f.title,
        format: f.format,
        mediatype: f.mediatype,
        bytes: f.bytes.length,
        hash: `sha256:${sha256(f.bytes)}`,
      };
      if (f.format !== 'csv') return { ...base, profile: 'data-resource', encoding: 'utf-8' };
      const schema =
        f.name === 'utf8/indicators.csv'
          ? { fields: catalogueFields(m).map(field), missingValues: [''], primaryKey: ['id'] }
          : f.name === 'utf8/plan-targets.csv'
            ? {
                fields: planTargetFields(m).map(field),
                missingValues: [''],
                primaryKey: ['plan', 'indicator', 'year'],
                foreignKeys: [{ fields: 'indicator', reference: { resource: 'indicators', fields: 'id' } }],
              }
            : ledgerSchema;
      return {
        ...base,
        profile: 'tabular-data-resource',
        encoding: 'utf-8',
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', header: true },
        schema,
      };
    }),
  };
}
