/**
 * Which errors mean "the database cannot be reached right now" (a restart, a failover, a dropped
 * connection) rather than "this job is wrong". A worker that meets one of these must not mark its job
 * FAILED: the chunk transaction it was in is rolled back (or, if the COMMIT itself was cut, the job's
 * resume point says what committed), so it waits for the database and resumes where the job stands.
 */

// SQLSTATEs of a server that is going away or not there yet, and of broken connections.
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_ctl stop -m fast, pg_terminate_backend
  '57P02', // crash_shutdown: another backend crashed, the server restarts
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '57P05', // idle_session_timeout
  '53300', // too_many_connections: a restart or a connection storm, frees up
  '08000', '08001', '08003', '08004', '08006', // connection_exception family
]);

// Socket errors while connecting or talking, and postgres.js's own codes for a connection that broke.
// CONNECTION_ENDED / CONNECTION_DESTROYED are absent on purpose: they mean our own pool was closed
// (the process is shutting down), and waiting for that to heal would wait forever.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EAI_AGAIN',
  'CONNECTION_CLOSED', 'CONNECT_TIMEOUT',
]);

type Coded = { code?: unknown; cause?: unknown; errors?: unknown };

/** True when the error (or what it wraps: drizzle keeps the driver's error as `cause`) is an outage. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, cause, errors } = error as Coded;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CODES.has(code))) return true;
  // A connect to a name with several addresses fails with an AggregateError of the single attempts.
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** A short "CODE: message" of the innermost coded error, for logs and the job's note. */
export function describeOutage(error: unknown): string {
  let current = error as (Coded & { message?: string }) | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (typeof current.code === 'string' && (UNAVAILABLE_SQLSTATES.has(current.code) || UNAVAILABLE_CODES.has(current.code))) {
      return `${current.code}: ${current.message ?? ''}`.trim();
    }
    current = current.cause as typeof current;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Waits between attempts to reach the database again: 0.5 s doubling to at most 10 s. */
export function outageBackoffMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));
}
