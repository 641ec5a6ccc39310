import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** A worker's claim on a job; every write checks it, so a worker that lost the job cannot commit. */
export interface Lease {
  jobId: bigint;
  workerId: string;
}

export class LeaseLostError extends Error {
  constructor(jobId: bigint) {
    super(`Job ${jobId} is no longer held by this worker.`);
    this.name = 'LeaseLostError';
  }
}

/**
 * Claims the oldest job that is waiting, or running with a heartbeat older than `staleMs` (its worker
 * died). SKIP LOCKED: concurrent claimers never wait for each other nor get the same job, and a job
 * whose chunk transaction is open (its row is locked) is never taken over mid-chunk.
 */
export async function claimJob(db: Db, workerId: string, staleMs: number): Promise<bigint | null> {
  const rows = await db.execute<{ id: string }>(sql`
    update import_job set status = 'IN PROGRESS', locked_by = ${workerId}, heartbeat_at = now(), started_at = coalesce(started_at, now())
    where id = (
      select id from import_job
      where status = 'ADDED'
         or (status = 'IN PROGRESS' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleMs / 1000})))
      order by created_at, id
      for update skip locked
      limit 1)
    returning id`);
  return rows.length ? BigInt(rows[0].id) : null;
}

/** Keeps the claim fresh; false when another worker has taken the job over. */
export async function heartbeat(db: Db, lease: Lease): Promise<boolean> {
  const rows = await db.execute(sql`
    update import_job set heartbeat_at = now()
    where id = ${lease.jobId} and locked_by = ${lease.workerId} and status = 'IN PROGRESS' returning id`);
  return rows.length > 0;
}

/** Gives an unfinished job back (a stopping worker): claimable at once, resumed where it stopped. */
export async function releaseJob(db: Db, lease: Lease): Promise<void> {
  await db.execute(sql`
    update import_job set locked_by = null, heartbeat_at = null
    where id = ${lease.jobId} and locked_by = ${lease.workerId} and status = 'IN PROGRESS'`);
}

/**
 * Records on a job that it paused because the database was away, and refreshes the claim; false when
 * another worker took the job over meanwhile. `note` is completed with the time the database answered
 * (taken by the database: the attempt may have waited for a connection). The note lives in
 * failure_reason, which the status API shows as `message` while a job is not FAILED (a FAILED job
 * overwrites it with the real reason).
 */
export async function notePause(db: Db, lease: Lease, note: string): Promise<boolean> {
  const rows = await db.execute(sql`
    update import_job
    set failure_reason = ${note} || to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '.',
      heartbeat_at = now()
    where id = ${lease.jobId} and locked_by = ${lease.workerId} and status = 'IN PROGRESS' returning id`);
  return rows.length > 0;
}
