import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { CONTENT_ENCODINGS } from '@/db/schema/imports';
import { ImportFileError, isZip, type UploadedTable } from '@/lib/import/files';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export type ContentEncoding = (typeof CONTENT_ENCODINGS)[number];

/**
 * How an upload's bytes are kept in import_file. A ZIP (a Zoho-style upload or an .xlsx) is already
 * compressed and is stored as sent; a CSV is gzipped here, at the fastest level. PostgreSQL would
 * compress it too, but on the upload's critical path (30-40 ms per 1.5 MB); zlib runs on Node's thread
 * pool while the upload is being read, so the gzip costs the upload no time at all.
 */
export function encodeForStorage(bytes: Buffer): Promise<{ content: Buffer; encoding: ContentEncoding }> {
  if (isZip(bytes)) return Promise.resolve({ content: bytes, encoding: 'identity' });
  return gzipAsync(bytes, { level: 1 }).then((content) => ({ content, encoding: 'gzip' }));
}

/** The upload's bytes as they were sent; a stored file that no longer unpacks is INVALID_FILE_FORMAT. */
export async function decodeFromStorage(content: Buffer, encoding: ContentEncoding): Promise<Buffer> {
  if (encoding !== 'gzip') return content;
  try {
    return await gunzipAsync(content);
  } catch {
    throw new ImportFileError('INVALID_FILE_FORMAT', 'The stored copy of the upload is damaged and cannot be unpacked; upload the file again.');
  }
}

// The table read at upload, kept for the job that follows it in this process (the in-process worker
// usually claims it at once), so that job does not fetch and read the same file again. One table at a
// time and only for tables of a few million characters (a ZIP's size says nothing about its table's):
// memory stays bounded whatever is uploaded. Another process, or a job started later, reads the file
// from the database as before.
const KEEP_TABLES_OF_AT_MOST_CHARS = 8_000_000;
const KEEP_FOR_MS = 5 * 60_000;
let recent: { fileId: bigint; table: UploadedTable; timer: NodeJS.Timeout } | null = null;

/** Drops the kept table (tests that change a stored file behind the app's back). */
export function forgetRecentTable() {
  if (recent) clearTimeout(recent.timer);
  recent = null;
}

function charactersOf(table: UploadedTable): number {
  let chars = 0;
  for (const row of table.rows) for (const cell of row.cells) chars += cell.length;
  return chars;
}

export function keepRecentTable(fileId: bigint, table: UploadedTable) {
  forgetRecentTable();
  if (charactersOf(table) > KEEP_TABLES_OF_AT_MOST_CHARS) return;
  const timer = setTimeout(forgetRecentTable, KEEP_FOR_MS);
  timer.unref();
  recent = { fileId, table, timer };
}

/** The table of this upload as read when it arrived (with the encoding detected then), if still kept. */
export function recentTable(fileId: bigint): UploadedTable | null {
  return recent && recent.fileId === fileId ? recent.table : null;
}
