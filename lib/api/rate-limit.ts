import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { Principal } from '@/lib/auth/principal';
import { rows } from '@/lib/sql-rows';
import { apiError } from './responses';

export const DEFAULT_RECORDS_RATE_LIMIT = 600;

export type RateDecision = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number };

/** Requests per minute per API key (or signed-in user): RECORDS_RATE_LIMIT, default 600. */
export function recordsRateLimit(): number {
  const configured = Number(process.env.RECORDS_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_RECORDS_RATE_LIMIT;
}

/** Keys are limited one by one; a browser session counts as its user. */
export function rateOwner(principal: Principal): string {
  return principal.apiKeyId !== undefined ? `key:${principal.apiKeyId}` : `user:${principal.userId}`;
}

/**
 * Counts this request in a fixed one-minute window shared by every app instance: one atomic upsert
 * on rate_window, with the database's clock so instances never disagree about the window. A row is
 * kept per bucket and reset in place, so the table does not grow with traffic.
 */
export async function takeRateLimit(db: DbOrTx, bucket: string, limit = recordsRateLimit()): Promise<RateDecision> {
  const [row] = await rows<{ count: number; retryAfter: number }>(
    db,
    sql`
    insert into rate_window (bucket, window_start, count) values (${bucket}, date_trunc('minute', now()), 1)
    on conflict (bucket) do update set
      count = case when rate_window.window_start >= excluded.window_start then rate_window.count + 1 else 1 end,
      window_start = greatest(rate_window.window_start, excluded.window_start)
    returning count, greatest(1, ceil(extract(epoch from (window_start + interval '1 minute' - now()))))::int as "retryAfter"`,
  );
  return {
    allowed: row.count <= limit,
    limit,
    remaining: Math.max(0, limit - row.count),
    retryAfterSeconds: row.retryAfter,
  };
}

export function rateLimitedResponse(decision: RateDecision): Response {
  const response = apiError(
    429,
    'TOO_MANY_REQUESTS',
    `Too many requests: this key may make ${decision.limit} requests per minute. Try again in ${decision.retryAfterSeconds} seconds.`,
    { limit: decision.limit, retry_after: decision.retryAfterSeconds },
  );
  response.headers.set('Retry-After', String(decision.retryAfterSeconds));
  return withRateHeaders(response, decision);
}

export function withRateHeaders(response: Response, decision: RateDecision): Response {
  response.headers.set('X-RateLimit-Limit', String(decision.limit));
  response.headers.set('X-RateLimit-Remaining', String(decision.remaining));
  return response;
}
