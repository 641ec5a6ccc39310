import { sql, type SQL } from 'drizzle-orm';
import { parseId } from '@/lib/ids';
import { dateProblem } from '@/lib/validation/date';

/** A filter date from the URL under the one date rule, or null (a hand-edited link must not break the page). */
export function parseDateFilter(value: string | undefined): string | null {
  return value && dateProblem(value) === null ? value : null;
}

export function parseIdFilter(value: string | undefined): bigint | null {
  return parseId(value ?? null);
}

/**
 * A timestamp column within [from, to] as whole UTC days (the app shows times in UTC), written as a
 * plain range so the btree on the column can serve it.
 */
export function timestampInDays(column: SQL, from: string | null, to: string | null): SQL[] {
  const out: SQL[] = [];
  if (from) out.push(sql`${column} >= (${from}::date)::timestamp at time zone 'UTC'`);
  if (to) out.push(sql`${column} < (${to}::date + 1)::timestamp at time zone 'UTC'`);
  return out;
}
