import type { UploadedTable } from '@/lib/import/files';

// The tables read at upload (one per data file), kept for the job that follows it in this process (the
// in-process worker usually claims it at once), so that job does not fetch and read the same file again.
// One upload at a time and only for tables of a few million characters (a ZIP's size says nothing about
// its tables'): memory stays bounded whatever is uploaded. Another process, or a job started later, reads the file
// from the database as before.
const KEEP_TABLES_OF_AT_MOST_CHARS = 8_000_000;
const KEEP_FOR_MS = 5 * 60_000;
let recent: { fileId: bigint; tables: UploadedTable[]; timer: NodeJS.Timeout } | null = null;

/** Drops the kept tables (tests that change a stored file behind the app's back). */
export function forgetRecentTable() {
  if (recent) clearTimeout(recent.timer);
  recent = null;
}

function charactersOf(tables: UploadedTable[]): number {
  let chars = 0;
  for (const table of tables) for (const row of table.rows) for (const cell of row.cells) chars += cell.length;
  return chars;
}

export function keepRecentTables(fileId: bigint, tables: UploadedTable[]) {
  forgetRecentTable();
  if (charactersOf(tables) > KEEP_TABLES_OF_AT_MOST_CHARS) return;
  const timer = setTimeout(forgetRecentTable, KEEP_FOR_MS);
  timer.unref();
  recent = { fileId, tables, timer };
}

/** The tables of this upload as read when it arrived (with the encoding detected then), if still kept. */
export function recentTables(fileId: bigint): UploadedTable[] | null {
  return recent && recent.fileId === fileId ? recent.tables : null;
}
