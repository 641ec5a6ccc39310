import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** Workers LISTEN here; a NOTIFY sent inside a transaction is delivered when it commits. */
export const IMPORT_CHANNEL = 'import_jobs';

export async function notifyWorkers(db: DbOrTx, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${IMPORT_CHANNEL}, ${payload})`);
}
