import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importJob } from '@/db/schema';
import { mappingsFromWire } from '@/lib/import/request/mappings';
import { readStoredTable } from '@/lib/import/upload/store';
import { skippedRows } from './job-queries';

export interface ErrorEntry { row: number; column: string; code: string; value: string; message: string }

/** The import page's error table shows this many problems; the result file has them all. */
export const MAX_REPORTED_ERRORS = 5000;

/**
 * One entry per problem of each skipped row, with the value the file had in the column at fault
 * (found through the job's mapping), for the error table and its filters.
 */
export async function jobErrorReport(db: Db, jobId: bigint) {
  const [job] = await db.select({ fileId: importJob.fileId, encoding: importJob.characterEncoding, mappings: importJob.fieldMappings })
    .from(importJob).where(eq(importJob.id, jobId));
  if (!job) return null;
  const rows = await skippedRows(db, jobId, MAX_REPORTED_ERRORS);
  if (rows.length === 0) return { errors: [], truncated: false };
  const table = await readStoredTable(db, job.fileId, job.encoding);
  const cellsByRow = new Map(table.rows.map((row) => [row.rowNumber, row.cells]));
  const indexOf = new Map(mappingsFromWire(job.mappings).map((m) => [m.apiName, m.index]));
  const errors: ErrorEntry[] = [];
  for (const row of rows) {
    for (const error of row.errors) {
      const index = indexOf.get(error.column);
      const value = index === undefined || index === null ? '' : (cellsByRow.get(row.rowNumber)?.[index] ?? '');
      errors.push({ row: row.rowNumber, column: error.column, code: error.code, value, message: error.message });
    }
  }
  return { errors: errors.slice(0, MAX_REPORTED_ERRORS), truncated: errors.length > MAX_REPORTED_ERRORS || rows.length === MAX_REPORTED_ERRORS };
}
