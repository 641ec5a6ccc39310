import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { UploadedTable } from '@/lib/import/files';
import { rowResults } from './job-queries';
import { notifyWorkers } from './notify';
import { zipFiles } from '@/lib/import/results/native-zip';
import { LeaseLostError, type Lease } from './lease';
import { ResultFiles } from '@/lib/import/results/result-lines';

/**
 * The result ZIP: one CSV per file of the job, every original column and row with the outcome committed for
 * each row. `ran` holds every row's outcome when this run committed them all (they need not be read back);
 * otherwise null.
 */
export async function buildJobResult(db: Db, jobId: bigint, tables: readonly UploadedTable[], ran: ResultFiles | null) {
  let files = ran;
  if (!files) {
    files = new ResultFiles(tables);
    files.add(await rowResults(db, jobId));
  }
  return { zip: await zipFiles(files.entries()), name: `bulk_write_${jobId}_result.zip` };
}

/** Ends the job; a callback, if any, becomes due now and the worker's callback loop is woken. */
async function endJob(db: Db, lease: Lease, set: ReturnType<typeof sql>) {
  const ended = await db.transaction(async (tx) => {
    const rows = await tx.execute(sql`
      update import_job set ${set}, finished_at = now(), locked_by = null,
        callback_state = case when callback_url is null then 'none' else 'pending' end, callback_next_at = now()
      where id = ${lease.jobId} and locked_by = ${lease.workerId} and status = 'IN PROGRESS'
      returning id`);
    if (rows.length > 0) await notifyWorkers(tx, `callback:${lease.jobId}`);
    return rows.length > 0;
  });
  if (!ended) throw new LeaseLostError(lease.jobId);
}

export async function completeJob(db: Db, lease: Lease, tables: readonly UploadedTable[], ran: ResultFiles | null) {
  const result = await buildJobResult(db, lease.jobId, tables, ran);
  await endJob(db, lease, sql`status = 'COMPLETED', result_file = ${result.zip}, result_file_name = ${result.name}`);
}

export async function failJob(db: Db, lease: Lease, reason: string) {
  await endJob(db, lease, sql`status = 'FAILED', failure_reason = ${reason}`);
}
