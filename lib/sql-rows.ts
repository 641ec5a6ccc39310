import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** Runs raw SQL (bulk statements drizzle's builder cannot express) and returns its rows. */
export async function rows<T>(tx: DbOrTx, query: SQL): Promise<T[]> {
  return (await tx.execute(query)) as unknown as T[];
}

/** Serial lists travel as one JSON parameter: one bind value whether the line has 1 or 10,000 serials. */
export function jsonList(values: readonly string[]): string {
  return JSON.stringify(values);
}
