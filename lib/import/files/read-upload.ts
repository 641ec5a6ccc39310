import { decodeText } from './decode-text';
import { detectUploadKind } from './detect-format';
import { fileTooLarge } from './errors';
import { formatCount, formatMegabytes } from './format';
import { MAX_WORKBOOK_XML_BYTES, resolveLimits, type Limits } from './limits';
import { parseCsv } from './parse-csv';
import { parseXlsx, parseXlsxFromZip } from './parse-xlsx';
import { openSafeZip, type SafeZip, type SafeZipEntry } from './safe-zip';
import type { TableRow } from './table-collector';
import { ProtocolError } from '@/lib/errors';

export interface ReadUploadOptions {
  /** Zoho's `character_encoding`; only used for CSV. */
  characterEncoding?: string;
  limits?: Partial<Limits>;
}

export interface UploadedTable {
  /** The data file's name: the upload's own, or the name of the file inside a Zoho-style ZIP. */
  fileName: string;
  kind: 'csv' | 'xlsx';
  /** The text encoding used (CSV only). */
  encoding: string | null;
  /** The delimiter used (CSV only). */
  delimiter: string | null;
  headers: string[];
  /** Data rows; `rowNumber` counts the header as row 1. */
  rows: TableRow[];
}

function isXlsxPackage(zip: SafeZip): boolean {
  const names = zip.entries.map((entry) => entry.name);
  return names.includes('[Content_Types].xml') && names.some((name) => name.startsWith('xl/'));
}

function isDataFile(entry: SafeZipEntry): boolean {
  const lower = entry.name.toLowerCase();
  return lower.endsWith('.csv') || lower.endsWith('.xlsx');
}

/**
 * The ZIP's .csv and .xlsx files; refused when it has none, or two that share a name (file_names could not tell them
 * apart).
 */
function dataFilesOf(zip: SafeZip): SafeZipEntry[] {
  const dataFiles = zip.entries.filter(isDataFile);
  if (dataFiles.length === 0) {
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      'The ZIP archive contains no .csv or .xlsx file; put exactly one in it.',
    );
  }
  const pathsByName = new Map<string, string[]>();
  for (const entry of dataFiles) {
    const name = fileBaseName(entry.name);
    pathsByName.set(name, [...(pathsByName.get(name) ?? []), entry.name]);
  }
  const shared = [...pathsByName].find(([, paths]) => paths.length > 1);
  if (shared) {
    throw new ProtocolError(
      'INVALID_FILE_FORMAT',
      `The ZIP archive holds ${shared[1].length} data files named '${shared[0]}' (${shared[1].map((path) => `'${path}'`).join(', ')}); give each file its own name.`,
    );
  }
  return dataFiles;
}

function refuseSeveral(dataFiles: SafeZipEntry[]): void {
  if (dataFiles.length === 1) return;
  const names = dataFiles.map((entry) => `'${entry.name}'`).join(', ');
  throw new ProtocolError(
    'INVALID_FILE_FORMAT',
    `The ZIP archive contains ${dataFiles.length} data files (${names}); put exactly one .csv or .xlsx file in it.`,
  );
}

/** Browsers and ZIP tools may send a path ("C:\fakepath\items.csv"); the name is what people recognise. */
export function fileBaseName(path: string): string {
  const normalised = path.replace(/\\/g, '/');
  return normalised.slice(normalised.lastIndexOf('/') + 1);
}

function csvTable(bytes: Buffer, fileName: string, options: ReadUploadOptions, limits: Limits): UploadedTable {
  const { text, encoding } = decodeText(bytes, { characterEncoding: options.characterEncoding });
  const { headers, rows, delimiter } = parseCsv(text, limits);
  return { fileName, kind: 'csv', encoding, delimiter, headers, rows };
}

/** One .csv or .xlsx of a Zoho-style ZIP. */
async function tableOfEntry(
  zip: SafeZip,
  entry: SafeZipEntry,
  options: ReadUploadOptions,
  limits: Limits,
): Promise<UploadedTable> {
  const fileName = fileBaseName(entry.name);
  if (entry.name.toLowerCase().endsWith('.csv')) {
    return csvTable(await zip.readEntry(entry), fileName, options, limits);
  }
  const workbook = await zip.readEntry(entry, { allowZipContent: true });
  // The workbook's own parts draw on what is left of the upload's inflation budget, and on no more than a workbook's
  // share.
  const remaining = {
    ...limits,
    maxInflatedBytes: Math.min(limits.maxInflatedBytes - zip.inflatedBytes, MAX_WORKBOOK_XML_BYTES),
  };
  const { headers, rows } = await parseXlsx(workbook, remaining);
  return { fileName, kind: 'xlsx', encoding: null, delimiter: null, headers, rows };
}

/**
 * A ZIP's tables: a bare workbook's one sheet, or each data file of a Zoho-style ZIP (a parent/child job's
 * files share the upload's inflation budget). `one`: refuse a ZIP of several data files before reading any.
 */
async function tablesFromZip(
  bytes: Buffer,
  fileName: string,
  options: ReadUploadOptions,
  limits: Limits,
  one: boolean,
): Promise<UploadedTable[]> {
  const zip = await openSafeZip(bytes, limits);
  if (!isXlsxPackage(zip)) {
    const dataFiles = dataFilesOf(zip);
    if (one) refuseSeveral(dataFiles);
    const tables: UploadedTable[] = [];
    for (const entry of dataFiles) tables.push(await tableOfEntry(zip, entry, options, limits));
    return tables;
  }
  // A bare workbook: opened again (only its directory is read) under a workbook's inflation share.
  const workbookLimits = { ...limits, maxInflatedBytes: Math.min(limits.maxInflatedBytes, MAX_WORKBOOK_XML_BYTES) };
  const { headers, rows } = await parseXlsxFromZip(await openSafeZip(bytes, workbookLimits), workbookLimits);
  return [{ fileName, kind: 'xlsx', encoding: null, delimiter: null, headers, rows }];
}

// Reading a file briefly needs a few times its unpacked size (inflated bytes, decoded text, cells;
// an .xlsx also its XML tree). One read at a time per process keeps the server's memory bounded by
// one file's worth instead of by however many uploads arrive at once (the hostile-input fuzz sends 4).
let previousRead: Promise<unknown> = Promise.resolve();

function oneAtATime<T>(read: () => Promise<T>): Promise<T> {
  const result = previousRead.then(read, read);
  previousRead = result.catch(() => undefined);
  return result;
}

/**
 * Reads an uploaded file into headers and text rows. Accepts a Zoho-style ZIP with one
 * .csv or .xlsx, a bare .xlsx, or a bare CSV (delimiter and encoding detected). The kind
 * is decided by the bytes, not by the name. Throws ProtocolError for anything refused.
 */
export async function readUploadedTable(
  bytes: Buffer,
  fileName: string,
  options: ReadUploadOptions = {},
): Promise<UploadedTable> {
  const [table] = await oneAtATime(() => readTables(bytes, fileName, options, true));
  return table;
}

/**
 * Every data file of an upload as a table: the one of a CSV, a workbook or a ZIP of one file, or each .csv and
 * .xlsx of a ZIP that holds several (the files of a parent/child job), in the archive's order.
 */
export function readUploadedTables(
  bytes: Buffer,
  fileName: string,
  options: ReadUploadOptions = {},
): Promise<UploadedTable[]> {
  return oneAtATime(() => readTables(bytes, fileName, options, false));
}

async function readTables(
  bytes: Buffer,
  fileName: string,
  options: ReadUploadOptions,
  one: boolean,
): Promise<UploadedTable[]> {
  const limits = resolveLimits(options.limits);
  if (bytes.length > limits.maxUploadBytes) {
    throw fileTooLarge(
      `The file is ${formatMegabytes(bytes.length)} (${formatCount(bytes.length)} bytes); at most ${formatMegabytes(limits.maxUploadBytes)} (${formatCount(limits.maxUploadBytes)} bytes) are allowed.`,
    );
  }
  const name = fileBaseName(fileName);
  if (detectUploadKind(bytes) === 'zip') return tablesFromZip(bytes, name, options, limits, one);
  return [csvTable(bytes, name, options, limits)];
}
