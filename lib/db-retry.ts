import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { isSerializationFailure } from './db-errors';

/**
 * Runs `run`, a whole transaction on `db`, again when PostgreSQL aborted it for a serialization failure
 * or a deadlock (40001, 40P01: rare lock-order clashes between unrelated writers), up to `attempts` runs
 * in all; any other error goes up at once. When `db` is itself a transaction it runs once: the error has
 * aborted that outer transaction, and only its owner can run it again (the importer retries its chunk).
 */
export async function withRetry<T>(db: DbOrTx, run: () => Promise<T>, attempts = 3): Promise<T> {
  const runs = db instanceof PgTransaction ? 1 : attempts;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= runs || !isSerializationFailure(error)) throw error;
    }
  }
}
