import { allPipelined } from '@/lib/sql-pipeline';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { importFile } from '@/db/schema';
import { fileBaseName, readUploadedTables, type UploadedTable } from '@/lib/import/files';
import { keepRecentTables, recentTables } from './kept-table';
import { decodeFromStorage, encodeForStorage } from './storage-encoding';
import { ProtocolError } from '@/lib/errors';

export interface StoredUpload {
  fileId: bigint;
  createdAt: Date;
  /** One per data file: a parent/child job's ZIP holds several. */
  tables: UploadedTable[];
}

/** One data file of an upload: what the import page previews and what creating a job checks the mappings against. */
export interface FileSummary {
  fileName: string;
  kind: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
  rowCount: number;
  preview: string[][];
}

/** Every data file of an upload; the first one's shape also at the top, as the one file of most uploads. */
export type UploadSummary = FileSummary & { files: FileSummary[] };

const PREVIEW_ROWS = 5;

// Creating a job needs the file's header row; reading 25,000 rows again right after the upload is
// wasted work, so the shape of recent uploads is remembered (per encoding: it can change the columns).
const recentShapes = new Map<string, UploadSummary>();
const SHAPE_CACHE_SIZE = 32;

function remember(key: string, shape: UploadSummary) {
  recentShapes.delete(key);
  recentShapes.set(key, shape);
  if (recentShapes.size > SHAPE_CACHE_SIZE) recentShapes.delete(recentShapes.keys().next().value!);
}

const shapeKey = (fileId: bigint, encoding: string | null) => `${fileId}:${encoding ?? ''}`;

/**
 * Reads the upload completely (so a bad file is refused now, with its specific error) and stores its
 * bytes in the database, where every app instance and worker can read it. Throws ProtocolError.
 */
export async function storeUpload(
  db: DbOrTx,
  input: { bytes: Buffer; fileName: string; userId: number },
): Promise<StoredUpload> {
  // The gzip of a CSV runs on the thread pool while the file is read here.
  const [tables, stored] = await allPipelined([
    readUploadedTables(input.bytes, input.fileName),
    encodeForStorage(input.bytes),
  ]);
  const [row] = await db
    .insert(importFile)
    .values({
      // The data file's own name (Zoho's file.name); a ZIP of several files keeps the ZIP's.
      fileName: tables.length === 1 ? tables[0].fileName : fileBaseName(input.fileName),
      content: stored.content,
      contentEncoding: stored.encoding,
      sizeBytes: input.bytes.length,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      uploadedBy: input.userId,
    })
    .returning({ id: importFile.id, createdAt: importFile.createdAt });
  remember(shapeKey(row.id, null), summaryOf(tables));
  keepRecentTables(row.id, tables);
  return { fileId: row.id, createdAt: row.createdAt, tables };
}

/** The uploaded file's bytes (as sent) and name, or INVALID_FILE_ID. */
export async function loadUpload(db: DbOrTx, fileId: bigint) {
  const [file] = await db
    .select({ fileName: importFile.fileName, content: importFile.content, encoding: importFile.contentEncoding })
    .from(importFile)
    .where(eq(importFile.id, fileId));
  if (!file) {
    throw new ProtocolError('INVALID_FILE_ID', `No uploaded file has the file_id ${fileId}.`, {
      api_name: 'file_id',
      json_path: '$.resource[0].file_id',
    });
  }
  return { fileName: file.fileName, content: await decodeFromStorage(file.content, file.encoding) };
}

/**
 * The uploaded file's data files read as tables with the given encoding (null: detected). The tables read at
 * upload are reused when this process still has them. Throws ProtocolError, or INVALID_FILE_ID.
 */
export async function readStoredTables(db: DbOrTx, fileId: bigint, encoding: string | null): Promise<UploadedTable[]> {
  const kept = encoding === null ? recentTables(fileId) : null;
  if (kept) return kept;
  const file = await loadUpload(db, fileId);
  return readUploadedTables(file.content, file.fileName, { characterEncoding: encoding ?? undefined });
}

/**
 * A copy of the text that does not share memory with the file it was cut from: V8 keeps a cell as a
 * slice of the whole decoded file, so caching five preview rows as they are would keep every cached
 * upload's full text alive (a few 60 MB uploads would exhaust the server).
 */
const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

function fileSummaryOf(table: UploadedTable): FileSummary {
  return {
    fileName: detached(table.fileName),
    kind: table.kind,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headers: table.headers.map(detached),
    rowCount: table.rows.length,
    preview: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells.map(detached)),
  };
}

function summaryOf(tables: UploadedTable[]): UploadSummary {
  const files = tables.map(fileSummaryOf);
  return { ...files[0], files };
}

/**
 * Headers, row count and first rows of each data file of an upload read with the given encoding (cached right after
 * upload).
 */
export async function uploadSummary(
  db: DbOrTx,
  fileId: bigint,
  encoding: string | null = null,
): Promise<UploadSummary> {
  const cached = recentShapes.get(shapeKey(fileId, encoding));
  if (cached) return cached;
  const summary = summaryOf(await readStoredTables(db, fileId, encoding));
  remember(shapeKey(fileId, encoding), summary);
  return summary;
}
