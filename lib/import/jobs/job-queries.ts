import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { importFile, importJob, importResultChunk, user } from '@/db/schema';
import { jobResourcesOf } from '@/lib/import/request/job-resources';
import { unpackOutcomes, type RowOutcomeRecord } from '@/lib/import/results/outcomes';

const jobColumns = {
  id: importJob.id,
  operation: importJob.operation,
  module: importJob.module,
  findBy: importJob.findBy,
  ignoreEmpty: importJob.ignoreEmpty,
  characterEncoding: importJob.characterEncoding,
  fieldMappings: importJob.fieldMappings,
  dryRun: importJob.dryRun,
  callbackUrl: importJob.callbackUrl,
  callbackMethod: importJob.callbackMethod,
  status: importJob.status,
  failureReason: importJob.failureReason,
  createdAt: importJob.createdAt,
  startedAt: importJob.startedAt,
  finishedAt: importJob.finishedAt,
  totalCount: importJob.totalCount,
  processedCount: importJob.processedCount,
  addedCount: importJob.addedCount,
  updatedCount: importJob.updatedCount,
  skippedCount: importJob.skippedCount,
  createdById: importJob.createdBy,
  createdByName: user.name,
  fileName: importFile.fileName,
  apiKeyId: importJob.apiKeyId,
  callbackState: importJob.callbackState,
  callbackAttempts: importJob.callbackAttempts,
  callbackLastError: importJob.callbackLastError,
  callbackNextAt: importJob.callbackNextAt,
};

export type JobRow = Awaited<ReturnType<typeof getJobRow>> & {};

/** What the rows of one file of a job came to so far. */
export type FileCounts = { added: number; updated: number; skipped: number; processed: number };

/**
 * Per file of a job that reads several (a parent/child job), what its rows came to so far: read out of the
 * committed chunks, since the job's own counters add all files together.
 */
export async function fileCounts(db: DbOrTx, jobId: bigint): Promise<FileCounts[]> {
  const rows = await db.execute<{ file: number; status: string; count: number }>(sql`
    select coalesce((r.value ->> 4)::int, 0) as file, r.value ->> 1 as status, count(*)::int as count
    from import_result_chunk c cross join lateral jsonb_array_elements(c.results) as r(value)
    where c.job_id = ${jobId} group by 1, 2`);
  const counts: FileCounts[] = [];
  for (const { file, status, count } of rows) {
    const of = (counts[file] ??= { added: 0, updated: 0, skipped: 0, processed: 0 });
    of.processed += count;
    if (status === 'ADDED') of.added += count;
    else if (status === 'UPDATED') of.updated += count;
    else of.skipped += count;
  }
  return counts;
}

/** A job with its file name and creator (and, reading several files, each file's counts), or undefined. */
export async function getJobRow(db: DbOrTx, id: bigint) {
  const [row] = await db
    .select(jobColumns)
    .from(importJob)
    .innerJoin(importFile, eq(importFile.id, importJob.fileId))
    .innerJoin(user, eq(user.id, importJob.createdBy))
    .where(eq(importJob.id, id));
  if (!row) return undefined;
  const resources = jobResourcesOf(row);
  return { ...row, resources, fileCounts: resources.length > 1 ? await fileCounts(db, id) : null };
}

/** The newest jobs first, for the import page's list. */
export async function listRecentJobs(db: DbOrTx, limit = 50) {
  return db
    .select(jobColumns)
    .from(importJob)
    .innerJoin(importFile, eq(importFile.id, importJob.fileId))
    .innerJoin(user, eq(user.id, importJob.createdBy))
    .orderBy(desc(importJob.id))
    .limit(limit);
}

export async function getResultFile(db: DbOrTx, id: bigint) {
  const [row] = await db
    .select({ status: importJob.status, content: importJob.resultFile, name: importJob.resultFileName })
    .from(importJob)
    .where(eq(importJob.id, id));
  return row;
}

export type StoredRowResult = RowOutcomeRecord;

/** Every row outcome of a job, in row order: the stored chunks, unpacked here rather than row by row in SQL. */
export async function rowResults(db: DbOrTx, jobId: bigint): Promise<StoredRowResult[]> {
  const chunks = await db
    .select({ results: importResultChunk.results })
    .from(importResultChunk)
    .where(eq(importResultChunk.jobId, jobId));
  return chunks.flatMap((chunk) => unpackOutcomes(chunk.results)).sort((a, b) => a.rowNumber - b.rowNumber);
}

/** Skipped rows with their errors (at most `limit`), file by file, for the import page's error table. */
export async function skippedRows(db: DbOrTx, jobId: bigint, limit: number): Promise<StoredRowResult[]> {
  const rows = await db.execute<{
    row_number: number;
    record_id: string | null;
    errors: StoredRowResult['errors'];
    file: number;
  }>(sql`
    select (r.value ->> 0)::int as row_number, r.value ->> 2 as record_id, coalesce(r.value -> 3, '[]'::jsonb) as errors,
      coalesce((r.value ->> 4)::int, 0) as file
    from import_result_chunk c cross join lateral jsonb_array_elements(c.results) as r(value)
    where c.job_id = ${jobId} and r.value ->> 1 = 'SKIPPED'
    order by file, row_number limit ${limit}`);
  return rows.map((row) => ({
    rowNumber: row.row_number,
    status: 'SKIPPED',
    recordId: row.record_id,
    errors: row.errors,
    ...(row.file ? { file: row.file } : {}),
  }));
}
