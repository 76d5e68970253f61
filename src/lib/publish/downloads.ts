import { PassThrough } from 'node:stream';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import type { Edition, Project } from '../model/project.ts';
import { type Messages, messagesFor } from '../site/messages/index.ts';
import { paths, siteAddress } from '../site/urls.ts';
import { toExcelCsv } from './csv-export.ts';
import {
  allLedgerRecords,
  BREAKDOWN_COLUMNS,
  breakdownFields,
  type BreakdownRecord,
  breakdownRow,
  CATALOGUE_COLUMNS,
  catalogueFields,
  catalogueRow,
  type DownloadField,
  editionBreakdownRecords,
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
  /** What the file holds: the page lists and the package describes each kind by it. */
  dataset: Dataset;
  /** Machine copy for the data package (UTF-8 without BOM), not listed separately for readers. */
  packageOnly?: boolean;
}

/** The kinds of download: the catalogue, the plans' targets, the ledger's and the breakdowns' records, the package. */
export type Dataset = 'indicators' | 'plan-targets' | 'ledger' | 'breakdowns' | 'package';

const MEDIA = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;
const encoder = new TextEncoder();

type Cell = string | number | null;
/** A worksheet of a download: a header row, then the rows, with column widths in characters. */
interface Sheet {
  name: string;
  headers: readonly string[];
  rows: Cell[][];
  widths: readonly number[];
}

/** The data dictionary as a worksheet: each column's name, title, type and description (with its values, if listed). */
const dictionarySheet = <R>(m: Messages, fields: Array<DownloadField<R>>): Sheet => ({
  name: m.downloads.dictionarySheet,
  headers: [m.data.field, m.data.fieldTitle, m.data.type, m.data.description],
  rows: fields.map((f) => [f.name, f.title, f.type, f.description + (f.enum ? m.downloads.enumValues(f.enum) : '')]),
  widths: [14, 12, 10, 80],
});

async function workbook(project: Project, sheets: Sheet[], created: Date): Promise<Uint8Array> {
  // The streaming writer commits each row as it goes: the in-memory workbook held ~1 KB per cell,
  // over a gigabyte for a 100k-row ledger.
  const chunks: Buffer[] = [];
  const out = new PassThrough().on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = project.site.agency;
  book.created = created;
  book.modified = created;
  for (const { name, headers, rows, widths } of sheets) {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = headers.map((_, i) => ({ width: widths[i] ?? 14 }));
    const header = ws.addRow([...headers]);
    header.font = { bold: true };
    header.commit();
    for (const r of rows) ws.addRow(r.map((c) => c ?? undefined)).commit();
    ws.commit();
  }
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

function json<R>(project: Project, title: string, fields: Array<DownloadField<R>>, records: R[]): Uint8Array {
  const doc = {
    title,
    publisher: project.site.agency,
    license: project.site.dataLicence,
    fields: fields.map(({ name, title: t, type, description }) => ({ name, title: t, type, description })),
    records,
  };
  return encoder.encode(`${JSON.stringify(doc, null, 1)}\n`);
}

/**
 * A tidy download (one record a row), written as CSV, XLSX and JSON from the same records: its columns,
 * their dictionary, and the worksheets of its workbook.
 */
interface Tidy<R> {
  dataset: Dataset;
  columns: readonly string[];
  row: (record: R) => Cell[];
  fields: Array<DownloadField<R>>;
  sheets: (records: R[]) => Sheet[];
}

/** The ledger: its records, their data dictionary and the indicator catalogue. */
const ledgerTidy = (project: Project, m: Messages): Tidy<LedgerRecord> => ({
  dataset: 'ledger',
  columns: RECORD_COLUMNS,
  row: recordRow,
  fields: ledgerFields(m),
  sheets: (records) => [
    {
      name: m.downloads.dataSheet,
      headers: RECORD_COLUMNS,
      rows: records.map(recordRow),
      widths: [8, 26, 30, 14, 12, 8, 10, 14, 14, 10, 10, 30, 24],
    },
    dictionarySheet(m, ledgerFields(m)),
    {
      name: m.downloads.catalogueSheet,
      headers: CATALOGUE_COLUMNS,
      rows: project.publishedIndicators.map(catalogueRow),
      widths: [26, 30, 14, 14, 12, 10, 8, 8, 60, 24],
    },
  ],
});

/** The breakdowns: their records and the data dictionary (names and units travel in the records). */
const breakdownTidy = (m: Messages): Tidy<BreakdownRecord> => ({
  dataset: 'breakdowns',
  columns: BREAKDOWN_COLUMNS,
  row: breakdownRow,
  fields: breakdownFields(m),
  sheets: (records) => [
    {
      name: m.downloads.dataSheet,
      headers: BREAKDOWN_COLUMNS,
      rows: records.map(breakdownRow),
      widths: [8, 22, 30, 24, 12, 18, 20, 18, 16, 16, 10, 10, 30],
    },
    dictionarySheet(m, breakdownFields(m)),
  ],
});

/** Every download of the /data/ page plus the Frictionless data package describing them. */
export async function dataFiles(project: Project): Promise<DataFile[]> {
  const m = messagesFor(project.site.language);
  const latest = project.editions.at(-1);
  const created = new Date(`${latest?.published ?? '2000-01-01'}T00:00:00+08:00`);
  const files: DataFile[] = [];
  // Each CSV twice: with a BOM for Excel on Chinese Windows (listed for readers), and without one in
  // utf8/ for the data package, since not every Frictionless reader strips a BOM from the header.
  const add = (
    dataset: Dataset,
    name: string,
    title: string,
    format: DataFile['format'],
    bytes: Uint8Array,
    edition?: number,
  ) => {
    files.push({ name, title, format, mediatype: MEDIA[format], bytes, edition, dataset });
    if (format === 'csv')
      files.push({
        name: `utf8/${name}`,
        title,
        format,
        mediatype: MEDIA.csv,
        bytes: bytes.subarray(3),
        edition,
        dataset,
        packageOnly: true,
      });
  };
  const addTidy = async <R>(t: Tidy<R>, stem: string, title: string, records: R[], date: Date, edition?: number) => {
    add(t.dataset, `${stem}.csv`, title, 'csv', encoder.encode(toExcelCsv(t.columns, records.map(t.row))), edition);
    add(t.dataset, `${stem}.xlsx`, title, 'xlsx', await workbook(project, t.sheets(records), date), edition);
    add(t.dataset, `${stem}.json`, title, 'json', json(project, title, t.fields, records), edition);
  };
  const ledger = ledgerTidy(project, m);
  const breakdowns = breakdownTidy(m);
  const published = (edition: Edition) => new Date(`${edition.published}T00:00:00+08:00`);

  add(
    'indicators',
    'indicators.csv',
    m.downloads.catalogueTitle,
    'csv',
    encoder.encode(toExcelCsv(CATALOGUE_COLUMNS, project.publishedIndicators.map(catalogueRow))),
  );
  if (project.plans.length > 0)
    add(
      'plan-targets',
      'plan-targets.csv',
      m.downloads.planTargetsTitle,
      'csv',
      encoder.encode(toExcelCsv(PLAN_TARGET_COLUMNS, planTargetRecords(project, m).map(planTargetRow))),
    );
  const site = project.site.siteTitle;
  await addTidy(ledger, 'ledger-all', m.downloads.allTitle(site), allLedgerRecords(project), created);
  // Breakdown files only where there are breakdowns: an empty table would be a download of nothing.
  const withBreakdowns = project.editions.filter((e) => e.breakdowns.length > 0);
  if (withBreakdowns.length > 0)
    await addTidy(
      breakdowns,
      'breakdowns-all',
      m.downloads.breakdownsAllTitle(site),
      withBreakdowns.flatMap(editionBreakdownRecords),
      created,
    );
  for (const edition of [...project.editions].reverse()) {
    const { year } = edition;
    const title = m.downloads.editionTitle(edition.title);
    await addTidy(ledger, `ledger-${year}`, title, ledgerRecords(project, edition), published(edition), year);
    if (edition.breakdowns.length > 0)
      await addTidy(
        breakdowns,
        `breakdowns-${year}`,
        m.downloads.breakdownsEditionTitle(edition.title),
        editionBreakdownRecords(edition),
        published(edition),
        year,
      );
  }
  add(
    'package',
    'datapackage.json',
    m.downloads.packageFileTitle,
    'json',
    encoder.encode(`${JSON.stringify(dataPackage(project, files), null, 2)}\n`),
  );
  return files;
}

const field = <R>(f: DownloadField<R>) => ({
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
  const toIndicators = { fields: 'indicator', reference: { resource: 'indicators', fields: 'id' } };
  const schemas: Partial<Record<Dataset, object>> = {
    indicators: { fields: catalogueFields(m).map(field), missingValues: [''], primaryKey: ['id'] },
    'plan-targets': {
      fields: planTargetFields(m).map(field),
      missingValues: [''],
      primaryKey: ['plan', 'indicator', 'year'],
      foreignKeys: [toIndicators],
    },
    ledger: {
      fields: ledgerFields(m).map(field),
      missingValues: [''],
      primaryKey: ['edition', 'indicator', 'period'],
      foreignKeys: [toIndicators],
    },
    breakdowns: {
      fields: breakdownFields(m).map(field),
      missingValues: [''],
      primaryKey: ['edition', 'breakdown', 'category', 'measure'],
      // A parent is a category of the same breakdown and edition, which a composite key
      // [edition, breakdown, parent] → [edition, breakdown, category] would say; but a top-level category's
      // parent is empty while its edition and breakdown are not, and Table Schema leaves such a partly empty
      // key undefined — the reference implementation (tableschema-js) checks it unless every part is empty,
      // failing every top-level row. So the package says what it can check: a parent is one of the file's
      // categories (a key whose only part is empty is not checked). The loader checks the rest.
      foreignKeys: [toIndicators, { fields: 'parent', reference: { resource: '', fields: 'category' } }],
    },
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
      const schema = schemas[f.dataset];
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
