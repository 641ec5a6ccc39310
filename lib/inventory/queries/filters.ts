import { sql, type SQL } from 'drizzle-orm';
import { parseId } from '@/lib/ids';

/** A filter date from the URL, or null when it is not a real YYYY-MM-DD date (a hand-edited link must not break the page). */
export function parseDateFilter(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : null;
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
