/** Parses an id from a URL or form ("123") into a bigint, or null when it is not a positive integer. */
export function parseId(value: string | null | undefined): bigint | null {
  if (!value || !/^\d{1,19}$/.test(value)) return null;
  const id = BigInt(value);
  return id > 0n && id <= 9_223_372_036_854_775_807n ? id : null;
}
