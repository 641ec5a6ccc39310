import { allPipelined } from '@/lib/sql-pipeline';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import type { TableRow } from '@/lib/import/files';
import { countOutcomes, packOutcomes, type RowOutcomeRecord } from '@/lib/import/results/outcomes';
import { LeaseLostError, type Lease } from './lease';

export type ChunkWriter = (tx: DbOrTx, units: TableRow[][]) => Promise<RowOutcomeRecord[]>;

/** Which units a chunk covers: from start (the job's resume point) up to end. */
export interface ChunkRange {
  start: number;
  end: number;
}

/**
 * Locks the job row for the rest of the transaction and checks that this worker still holds the job
 * and that nobody moved its resume point: a second claimer skips a locked row (SKIP LOCKED).
 */
async function lockJob(tx: DbOrTx, lease: Lease, startUnit: number) {
  const rows = await tx.execute<{ next_row: number }>(sql`
    select next_row from import_job
    where id = ${lease.jobId} and locked_by = ${lease.workerId} and status = 'IN PROGRESS' for update`);
  if (rows.length === 0 || rows[0].next_row !== startUnit) throw new LeaseLostError(lease.jobId);
}

/** The chunk's outcomes as one stored value (see importResultChunk and packOutcomes). */
async function saveOutcomes(tx: DbOrTx, jobId: bigint, startUnit: number, outcomes: RowOutcomeRecord[]) {
  if (outcomes.length === 0) return;
  await tx.execute(
    sql`insert into import_result_chunk (job_id, start_unit, results) values (${jobId}, ${startUnit}, ${packOutcomes(outcomes)}::jsonb)`,
  );
}

async function advance(tx: DbOrTx, jobId: bigint, nextUnit: number, outcomes: RowOutcomeRecord[]) {
  const counts = countOutcomes(outcomes);
  await tx.execute(sql`
    update import_job set next_row = ${nextUnit}, processed_count = processed_count + ${outcomes.length},
      added_count = added_count + ${counts.added}, updated_count = updated_count + ${counts.updated},
      skipped_count = skipped_count + ${counts.skipped}, heartbeat_at = now()
    where id = ${jobId}`);
}

/**
 * A chunk's commit does not wait for its WAL to reach the disk. Safe for exactly-once: the chunk's
 * effects, row results and resume point are one transaction, so a server crash that loses the last
 * chunks loses them together and the resumed job redoes them. The job's final COMPLETED commit
 * waits as usual, and flushing it flushes every chunk before it.
 */
async function commitWithoutWaitingForDisk(tx: DbOrTx) {
  await tx.execute(sql`set local synchronous_commit = off`);
}

/** Tests slow chunks down to kill a worker mid-job; production never honours it. */
async function testDelay() {
  const ms = Number(process.env.IMPORT_CHUNK_DELAY_MS ?? 0);
  if (process.env.NODE_ENV === 'test' && ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * One chunk, exactly once: its effects, its row results and the job's resume point and counters
 * commit in one transaction, or none of them does (a crash mid-chunk redoes the whole chunk).
 */
export async function runChunk(
  db: Db,
  lease: Lease,
  chunk: ChunkRange & { units: TableRow[][] },
  write: ChunkWriter,
): Promise<RowOutcomeRecord[]> {
  return db.transaction(async (tx) => {
    // Sent together: one wait instead of two.
    await allPipelined([lockJob(tx, lease, chunk.start), commitWithoutWaitingForDisk(tx)]);
    const outcomes = await write(tx, chunk.units);
    await allPipelined([
      saveOutcomes(tx, lease.jobId, chunk.start, outcomes),
      advance(tx, lease.jobId, chunk.end, outcomes),
    ]);
    await testDelay();
    return outcomes;
  });
}

/**
 * Records one chunk of a dry run: its row results (ids of records that were never kept are dropped)
 * and the job's progress, in a transaction of its own; the dry run's writes stay in theirs (runJob).
 */
export async function recordDryChunk(
  db: Db,
  lease: Lease,
  chunk: ChunkRange,
  outcomes: RowOutcomeRecord[],
): Promise<RowOutcomeRecord[]> {
  const kept = outcomes.map((o) => (o.status === 'ADDED' ? { ...o, recordId: null } : o));
  await db.transaction(async (tx) => {
    await lockJob(tx, lease, chunk.start);
    await allPipelined([saveOutcomes(tx, lease.jobId, chunk.start, kept), advance(tx, lease.jobId, chunk.end, kept)]);
    await testDelay();
  });
  return kept;
}

/** A dry run always starts from its first row: its earlier chunks' writes were never kept. */
export async function restartDryRun(db: Db, lease: Lease) {
  const rows = await db.execute(sql`
    with forgotten as (delete from import_result_chunk where job_id = ${lease.jobId})
    update import_job set next_row = 0, processed_count = 0, added_count = 0, updated_count = 0, skipped_count = 0,
      heartbeat_at = now()
    where id = ${lease.jobId} and locked_by = ${lease.workerId} and status = 'IN PROGRESS'
    returning id`);
  if (rows.length === 0) throw new LeaseLostError(lease.jobId);
}
