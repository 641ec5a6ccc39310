import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { importJob } from '@/db/schema';
import { fileNamed, jobResourcesOf } from '@/lib/import/request/job-resources';
import { readStoredTables } from '@/lib/import/upload/store';
import { skippedRows } from './job-queries';

/** `file`: the data file the row is in, when the job read several (a parent/child job). */
export interface ErrorEntry {
  row: number;
  column: string;
  code: string;
  value: string;
  message: string;
  file?: string;
}

/** The import page's error table shows this many problems; the result file has them all. */
export const MAX_REPORTED_ERRORS = 5000;

/**
 * One entry per problem of each skipped row, with the value the file had in the column at fault
 * (found through the mappings of the row's resource), for the error table and its filters.
 */
export async function jobErrorReport(db: Db, jobId: bigint) {
  const [job] = await db
    .select({
      fileId: importJob.fileId,
      encoding: importJob.characterEncoding,
      module: importJob.module,
      fieldMappings: importJob.fieldMappings,
      totalCount: importJob.totalCount,
    })
    .from(importJob)
    .where(eq(importJob.id, jobId));
  if (!job) return null;
  const rows = await skippedRows(db, jobId, MAX_REPORTED_ERRORS);
  if (rows.length === 0) return { errors: [], truncated: false };
  const resources = jobResourcesOf(job);
  const tables = await readStoredTables(db, job.fileId, job.encoding);
  const files = resources.map((resource) => ({
    name: resource.fileName ?? undefined,
    cellsByRow: new Map(fileNamed(tables, resource.fileName)?.rows.map((row) => [row.rowNumber, row.cells])),
    indexOf: new Map(resource.mappings.map((m) => [m.apiName, m.index])),
  }));
  const errors: ErrorEntry[] = [];
  for (const row of rows) {
    const file = files[row.file ?? 0];
    for (const error of row.errors) {
      const index = file.indexOf.get(error.column);
      const value = index === undefined || index === null ? '' : (file.cellsByRow.get(row.rowNumber)?.[index] ?? '');
      errors.push({
        row: row.rowNumber,
        column: error.column,
        code: error.code,
        value,
        message: error.message,
        ...(files.length > 1 ? { file: file.name } : {}),
      });
    }
  }
  return {
    errors: errors.slice(0, MAX_REPORTED_ERRORS),
    truncated: errors.length > MAX_REPORTED_ERRORS || rows.length === MAX_REPORTED_ERRORS,
  };
}
