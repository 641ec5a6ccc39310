import type { DbOrTx } from '@/db/client';
import { violatedUnique } from '@/lib/db-errors';
import { duplicateCodeError } from './code-key';

/**
 * Runs a write of a partner or warehouse (their only unique field is the code). The write runs in a
 * savepoint of its own, so that after a unique violation `db` can still look up which record holds the
 * code for the user's message (duplicateCodeError).
 */
export async function refusingDuplicateCode<T>(
  db: DbOrTx,
  entity: 'partner' | 'warehouse',
  code: string,
  write: (sp: DbOrTx) => Promise<T>,
): Promise<T> {
  try {
    return await db.transaction(write);
  } catch (error) {
    if (violatedUnique(error) === null) throw error;
    throw await duplicateCodeError(db, entity, code);
  }
}
