import ExcelJS from 'exceljs';
import { toExcelCsv } from './csv-export.ts';
import {
  allLedgerRecords,
  CATALOGUE_FIELDS,
  catalogueRow,
  ledgerFields,
  RECORD_COLUMNS,
  ledgerRecords,
  recordRow,
  sha256,
  type LedgerRecord,
} from './open-data.ts';
import type { Project } from '../content/project.ts';
import { messagesFor } from '../site/messages/index.ts';

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

async function workbook(project: Project, records: LedgerRecord[], created: Date): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = project.site.agency;
  book.created = created;
  book.modified = created;
  const sheet = (name: string, headers: string[], rows: Array<Array<string | number | null>>, widths: number[]) => {
    const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(headers).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((c) => c ?? undefined));
    ws.columns.forEach((c, i) => (c.width = widths[i] ?? 14));
  };
  sheet('数据', RECORD_COLUMNS, records.map(recordRow), [8, 26, 30, 14, 12, 8, 10, 14, 14, 10, 10, 30, 24]);
  sheet(
    '数据字典',
    ['字段', '中文名', '类型', '说明'],
    ledgerFields(messagesFor(project.site.language)).map((f) => [
      f.name,
      f.title,
      f.type,
      f.description + (f.enum ? `（取值：${f.enum.join('、')}）` : ''),
    ]),
    [14, 12, 10, 80],
  );
  sheet(
    '指标目录',
    CATALOGUE_FIELDS.map((f) => f.name),
    project.indicators.map(catalogueRow),
    [26, 30, 14, 12, 10, 8, 8, 60, 24],
  );
  return new Uint8Array(await book.xlsx.writeBuffer());
}

function json(project: Project, title: string, records: LedgerRecord[]): Uint8Array {
  const doc = {
    title,
    publisher: project.site.agency,
    license: project.site.dataLicence,
    fields: ledgerFields(messagesFor(project.site.language)).map(({ name, title: t, type, description }) => ({
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
    '指标目录（数据字典）',
    'csv',
    encoder.encode(
      toExcelCsv(
        CATALOGUE_FIELDS.map((f) => f.name),
        project.indicators.map(catalogueRow),
      ),
    ),
  );
  const all = allLedgerRecords(project);
  const allTitle = `${project.site.siteTitle}：历年指标数据（全部版本，长表）`;
  add('ledger-all.csv', allTitle, 'csv', csv(all));
  add('ledger-all.xlsx', allTitle, 'xlsx', await workbook(project, all, created));
  add('ledger-all.json', allTitle, 'json', json(project, allTitle, all));
  for (const edition of [...project.editions].reverse()) {
    const records = ledgerRecords(project, edition);
    const title = `${edition.title}：指标数据`;
    add(`ledger-${edition.year}.csv`, title, 'csv', csv(records), edition.year);
    add(
      `ledger-${edition.year}.xlsx`,
      title,
      'xlsx',
      await workbook(project, records, new Date(`${edition.published}T00:00:00+08:00`)),
      edition.year,
    );
    add(`ledger-${edition.year}.json`, title, 'json', json(project, title, records), edition.year);
  }
  add(
    'datapackage.json',
    'Frictionless 数据包描述（datapackage.json）',
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
  const ledgerSchema = {
    fields: ledgerFields(messagesFor(project.site.language)).map(field),
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
    title: `${project.site.siteTitle}指标数据`,
    description: `${project.site.agency}发布的历年质量状况白皮书指标台账。每条记录为某一版本发布的某指标某年度数值；以往版本的数值保持发布时原样，后续修订见 edition 列。${project.site.demo ? '（演示数据，全部为虚构）' : ''}`,
    homepage: project.site.siteUrl,
    version: String(project.editions.at(-1)?.year ?? ''),
    created: `${project.editions.at(-1)?.published ?? '2000-01-01'}T00:00:00+08:00`,
    licenses: [{ name: 'CC-BY-4.0', path: project.site.dataLicence.url, title: project.site.dataLicence.name }],
    contributors: [{ title: project.site.agency, role: 'publisher' }],
    keywords: ['质量状况白皮书', project.site.region, ...project.domains],
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
          ? { fields: CATALOGUE_FIELDS.map(field), missingValues: [''], primaryKey: ['id'] }
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
