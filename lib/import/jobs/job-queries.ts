import { desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { importFile, importJob, importResultChunk, importRowResult, user } from '@/db/schema';
import { unpackOutcomes, type RowOutcomeRecord } from '@/lib/import/results/outcomes';

const jobColumns = {
  id: importJob.id, operation: importJob.operation, module: importJob.module, findBy: importJob.findBy,
  ignoreEmpty: importJob.ignoreEmpty, characterEncoding: importJob.characterEncoding, fieldMappings: importJob.fieldMappings,
  dryRun: importJob.dryRun, callbackUrl: importJob.callbackUrl, callbackMethod: importJob.callbackMethod,
  status: importJob.status, failureReason: importJob.failureReason, createdAt: importJob.createdAt,
  startedAt: importJob.startedAt, finishedAt: importJob.finishedAt, totalCount: importJob.totalCount,
  processedCount: importJob.processedCount, addedCount: importJob.addedCount, updatedCount: importJob.updatedCount,
  skippedCount: importJob.skippedCount, createdById: importJob.createdBy, createdByName: user.name,
  fileName: importFile.fileName, apiKeyId: importJob.apiKeyId,
  callbackState: importJob.callbackState, callbackAttempts: importJob.callbackAttempts,
  callbackLastError: importJob.callbackLastError, callbackNextAt: importJob.callbackNextAt,
};

export type JobRow = Awaited<ReturnType<typeof getJobRow>> & {};

/** A job with its file name and creator, or undefined. */
export async function getJobRow(db: DbOrTx, id: bigint) {
  const [row] = await db.select(jobColumns).from(importJob)
    .innerJoin(importFile, eq(importFile.id, importJob.fileId))
    .innerJoin(user, eq(user.id, importJob.createdBy))
    .where(eq(importJob.id, id));
  return row;
}

/** The newest jobs first, for the import page's list. */
export async function listRecentJobs(db: DbOrTx, limit = 50) {
  return db.select(jobColumns).from(importJob)
    .innerJoin(importFile, eq(importFile.id, importJob.fileId))
    .innerJoin(user, eq(user.id, importJob.createdBy))
    .orderBy(desc(importJob.id)).limit(limit);
}

export async function getResultFile(db: DbOrTx, id: bigint) {
  const [row] = await db.select({ status: importJob.status, content: importJob.resultFile, name: importJob.resultFileName })
    .from(importJob).where(eq(importJob.id, id));
  return row;
}

export type StoredRowResult = RowOutcomeRecord;

/** Every row outcome of a job, in row order: the stored chunks, unpacked here rather than row by row in SQL. */
export async function rowResults(db: DbOrTx, jobId: bigint): Promise<StoredRowResult[]> {
  const chunks = await db.select({ results: importResultChunk.results }).from(importResultChunk).where(eq(importResultChunk.jobId, jobId));
  return chunks.flatMap((chunk) => unpackOutcomes(chunk.results)).sort((a, b) => a.rowNumber - b.rowNumber);
}

/** Skipped rows with their errors (at most `limit`), for the import page's error table. */
export async function skippedRows(db: DbOrTx, jobId: bigint, limit: number): Promise<StoredRowResult[]> {
  const rows = await db.select({
    rowNumber: importRowResult.rowNumber, status: importRowResult.status, recordId: importRowResult.recordId, errors: importRowResult.errors,
  }).from(importRowResult)
    .where(sql`${importRowResult.jobId} = ${jobId} and ${importRowResult.status} = 'SKIPPED'`)
    .orderBy(importRowResult.rowNumber).limit(limit);
  return rows as StoredRowResult[];
}
