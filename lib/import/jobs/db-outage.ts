/**
 * A worker that meets a database outage (lib/db-errors.ts isDatabaseUnavailable) must not mark its job
 * FAILED: the chunk transaction it was in is rolled back (or, if the COMMIT itself was cut, the job's
 * resume point says what committed), so it waits for the database and resumes where the job stands.
 */

/** Waits between attempts to reach the database again: 0.5 s doubling to at most 10 s. */
export function outageBackoffMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.min(attempt, 5));
}
