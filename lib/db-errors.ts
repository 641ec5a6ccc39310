type PgError = { code?: string; constraint_name?: string; constraint?: string; cause?: unknown };

/** The PostgreSQL error under a drizzle wrapper (DrizzleQueryError keeps it as `cause`). */
export function pgErrorOf(error: unknown): PgError | null {
  for (let e = error as PgError | undefined, depth = 0; e && depth < 4; e = e.cause as PgError, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return null;
}

/** The name of the unique constraint or index a statement violated, or null for any other error. */
export function violatedUnique(error: unknown): string | null {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' ? (pg.constraint_name ?? pg.constraint ?? '') : null;
}

export function isSerializationFailure(error: unknown): boolean {
  const code = pgErrorOf(error)?.code;
  return code === '40001' || code === '40P01';
}

/*
 * Which errors mean "the database cannot be reached right now" (a restart, a failover, a dropped
 * connection) rather than "this request or job is wrong": the API answers 503, a worker waits and resumes
 * (lib/import/jobs/worker.ts), a batch stops trying its other records.
 */
// SQLSTATEs of a server that is going away or not there yet, and of broken connections.
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_ctl stop -m fast, pg_terminate_backend
  '57P02', // crash_shutdown: another backend crashed, the server restarts
  '57P03', // cannot_connect_now: starting up, shutting down, in recovery
  '57P05', // idle_session_timeout
  '53300', // too_many_connections: a restart or a connection storm, frees up
  '08000',
  '08001',
  '08003',
  '08004',
  '08006', // connection_exception family
]);

// Socket errors while connecting or talking, and postgres.js's own codes for a connection that broke.
// CONNECTION_ENDED / CONNECTION_DESTROYED are absent on purpose: they mean our own pool was closed
// (the process is shutting down), and waiting for that to heal would wait forever.
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECT_TIMEOUT',
]);

type Coded = { code?: unknown; cause?: unknown; errors?: unknown };

const isOutageCode = (code: unknown) =>
  typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_CODES.has(code));

/** True when the error (or what it wraps: drizzle keeps the driver's error as `cause`) is an outage. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, cause, errors } = error as Coded;
  if (isOutageCode(code)) return true;
  // A connect to a name with several addresses fails with an AggregateError of the single attempts.
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

/** A short "CODE: message" of the innermost coded error, for logs and the job's note. */
export function describeOutage(error: unknown): string {
  let current = error as (Coded & { message?: string }) | undefined;
  for (let depth = 0; current && depth < 5; depth++) {
    if (isOutageCode(current.code)) {
      return `${current.code}: ${current.message ?? ''}`.trim();
    }
    current = current.cause as typeof current;
  }
  return error instanceof Error ? error.message : String(error);
}
