import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { idempotencyKey } from '@/db/schema';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { apiError } from './responses';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** How long a key is remembered: a client retries within minutes, never a day later. */
export const IDEMPOTENCY_KEEP = '24 hours';
/** How long a retry waits for the first request with its key to finish before answering 409. */
export const IDEMPOTENCY_WAIT_MS = 15_000;
/**
 * A claim older than this without an answer belongs to a request that will never answer: its process
 * died (kill -9, a crash) or the database went away before the answer could be stored. A retry takes
 * the key over instead of meeting 409 until the key expires a day later.
 */
export const IDEMPOTENCY_ABANDONED_AFTER = '2 minutes';

/**
 * Runs a write at most once per Idempotency-Key and caller (`owner`): the first request claims the
 * key by inserting its row before doing anything, so a concurrent twin finds the row, waits for the
 * stored answer and replays it (same status, same body). The same key with another request → 422.
 * A 5xx answer is not stored: nothing was written, so a retry may run again. A claim that is never
 * answered (the process died mid-request) is taken over after IDEMPOTENCY_ABANDONED_AFTER.
 */
export async function withIdempotency(
  db: DbOrTx,
  request: Request,
  owner: string,
  bodyText: string,
  run: () => Promise<Response>,
): Promise<Response> {
  const key = request.headers.get('idempotency-key');
  if (key === null) return run();
  if (!KEY_PATTERN.test(key)) {
    return apiError(
      400,
      'INVALID_DATA',
      'The Idempotency-Key header must be 1 to 255 visible ASCII characters; a UUID is ideal.',
      { header: 'Idempotency-Key' },
    );
  }
  const hash = requestHash(request, bodyText);
  const deadline = Date.now() + IDEMPOTENCY_WAIT_MS;
  for (let delay = 25; ; delay = Math.min(delay * 2, 400)) {
    if (await claim(db, owner, key, hash)) return runAndStore(db, owner, key, run);
    const [row] = await db
      .select()
      .from(idempotencyKey)
      .where(and(eq(idempotencyKey.owner, owner), eq(idempotencyKey.key, key)));
    if (!row) continue; // the first request failed and let the key go: claim it now
    if (row.statusCode === null && (await releaseIfAbandoned(db, owner, key))) continue;
    if (row.requestHash !== hash) {
      return apiError(
        422,
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different request (another URL or body). Use a new key for a new request.',
        { header: 'Idempotency-Key' },
      );
    }
    if (row.statusCode !== null) return replay(row.statusCode, row.responseBody ?? '');
    if (Date.now() > deadline) {
      return apiError(
        409,
        'REQUEST_IN_PROGRESS',
        'A request with this Idempotency-Key is in progress; retry once it has finished.',
        { header: 'Idempotency-Key' },
      );
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

function requestHash(request: Request, body: string): string {
  const url = new URL(request.url);
  return createHash('sha256').update(`${request.method}\n${url.pathname}${url.search}\n${body}`).digest('hex');
}

/** Deletes the key's claim if nobody answered it within IDEMPOTENCY_ABANDONED_AFTER; true when it did. */
async function releaseIfAbandoned(db: DbOrTx, owner: string, key: string): Promise<boolean> {
  const released = await db
    .delete(idempotencyKey)
    .where(
      and(
        eq(idempotencyKey.owner, owner),
        eq(idempotencyKey.key, key),
        sql`${idempotencyKey.statusCode} is null and ${idempotencyKey.createdAt} < now() - ${IDEMPOTENCY_ABANDONED_AFTER}::interval`,
      ),
    )
    .returning({ key: idempotencyKey.key });
  return released.length > 0;
}

/** Inserts the key's row unless it exists; expired keys are cleared first so they can be used again. */
async function claim(db: DbOrTx, owner: string, key: string, hash: string): Promise<boolean> {
  await db.delete(idempotencyKey).where(sql`${idempotencyKey.createdAt} < now() - ${IDEMPOTENCY_KEEP}::interval`);
  const inserted = await db
    .insert(idempotencyKey)
    .values({ owner, key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKey.key });
  return inserted.length === 1;
}

async function runAndStore(db: DbOrTx, owner: string, key: string, run: () => Promise<Response>): Promise<Response> {
  const where = and(eq(idempotencyKey.owner, owner), eq(idempotencyKey.key, key));
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    await db.delete(idempotencyKey).where(where);
    throw error;
  }
  if (response.status >= 500) {
    await db.delete(idempotencyKey).where(where);
    return response;
  }
  try {
    await db
      .update(idempotencyKey)
      .set({ statusCode: response.status, responseBody: await response.clone().text() })
      .where(where);
  } catch (error) {
    // The writes are done and the answer says what happened to each record: the caller gets it even if the
    // database went away just now. The unanswered claim is taken over by a retry once it is abandoned.
    if (!isDatabaseUnavailable(error)) throw error;
  }
  return response;
}

function replay(status: number, body: string): Response {
  return new Response(body === '' ? null : body, {
    status,
    headers: { 'content-type': 'application/json', 'Idempotent-Replayed': 'true' },
  });
}
