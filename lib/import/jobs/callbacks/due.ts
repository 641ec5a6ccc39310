import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { callbackSecret } from './secret';
import { publicBaseUrl } from '@/lib/http/public-url';
import { deliverCallback } from './deliver';
import { jobDetails } from '@/lib/import/jobs/details';
import { getJobRow, type JobRow } from '@/lib/import/jobs/job-queries';

export const MAX_CALLBACK_ATTEMPTS = 5;
/** Waits after the 1st, 2nd, 3rd and 4th failed attempt. */
const DEFAULT_BACKOFF_MS = [10_000, 30_000, 120_000, 600_000];

function backoffMs(): number[] {
  const configured = process.env.NODE_ENV === 'test' ? process.env.IMPORT_CALLBACK_BACKOFF_MS : undefined;
  return configured ? configured.split(',').map(Number) : DEFAULT_BACKOFF_MS;
}

type Due = { id: string; attempts: number; url: string };

/** Takes one due callback; the attempt is counted and the row leased for 5 minutes before the call. */
async function claimDueCallback(db: Db): Promise<Due | null> {
  const rows = await db.execute<Due>(sql`
    update import_job set callback_attempts = callback_attempts + 1, callback_next_at = now() + interval '5 minutes'
    where id = (
      select id from import_job where callback_state = 'pending' and callback_next_at <= now()
      order by callback_next_at for update skip locked limit 1)
    returning id, callback_attempts as attempts, callback_url as url`);
  return rows[0] ?? null;
}

async function recordAttempt(db: Db, due: Due, error: string | null) {
  const delays = backoffMs();
  const state = error === null ? 'delivered' : due.attempts >= MAX_CALLBACK_ATTEMPTS ? 'failed' : 'pending';
  const delay = delays[Math.min(due.attempts - 1, delays.length - 1)];
  await db.execute(sql`
    update import_job set callback_state = ${state}, callback_last_error = ${error},
      callback_next_at = ${state === 'pending' ? sql`now() + make_interval(secs => ${delay / 1000})` : sql`null`}
    where id = ${due.id}`);
}

/**
 * What a callback POSTs: `state` (COMPLETED or FAILED), as the bulk write article describes the callback,
 * and `job_id`, followed by the job JSON exactly as GET …/write/{id} answers it (its `status` and, when
 * completed, `result.download_url`), so a client written for either shape reads it.
 */
export function callbackBody(job: JobRow, baseUrl: string) {
  return { state: job.status, job_id: String(job.id), ...jobDetails(job, baseUrl) };
}

/**
 * Delivers one due callback: callbackBody POSTed to the job's callback URL,
 * signed with the creator key's secret. Retried with backoff; after 5 failures it is given up.
 * Returns false when nothing was due.
 */
export async function deliverDueCallback(db: Db): Promise<boolean> {
  const due = await claimDueCallback(db);
  if (!due) return false;
  const job = await getJobRow(db, BigInt(due.id));
  if (!job) return true;
  const body = JSON.stringify(callbackBody(job, publicBaseUrl()));
  const result = await deliverCallback(due.url, body, await callbackSecret(db, job.apiKeyId));
  await recordAttempt(db, due, result.ok ? null : result.error);
  return true;
}
