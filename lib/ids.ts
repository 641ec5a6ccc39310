/** The largest value of PostgreSQL's bigint, the type of every id. */
export const MAX_ID = 9_223_372_036_854_775_807n;

/**
 * THE reading of an id from outside (URL, form, API body, job request, file cell): "123" → 123n, or null
 * when it is not a positive integer. A number beyond bigint is null too, so it reads as "no such record"
 * instead of reaching PostgreSQL, which would answer it with an error.
 */
export function parseId(value: string | null | undefined): bigint | null {
  if (!value || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id > 0n && id <= MAX_ID ? id : null;
}
