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
