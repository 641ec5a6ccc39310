import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { item, partner, warehouse } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { canonicalKey } from '@/lib/text/canonical-key';

const TABLES = { item, partner, warehouse } as const;

/** The code and its canonical key, as every insert and update of a catalog record writes them. */
export function withCodeKey<const T extends { code: string }>(data: T): T & { codeKey: string } {
  return { ...data, codeKey: canonicalKey(data.code) };
}

/**
 * The refusal for a code that is taken, naming the stored code when it only reads the same
 * ("abc-1 looks the same as ABC-1"). Called after the unique index refused the write, outside its savepoint.
 */
export async function duplicateCodeError(db: DbOrTx, entity: keyof typeof TABLES, code: string): Promise<DomainError> {
  const table = TABLES[entity];
  const [held] = await db
    .select({ code: table.code })
    .from(table)
    .where(eq(table.codeKey, canonicalKey(code)))
    .limit(1);
  const message =
    held && held.code !== code
      ? `Code ${code} looks the same as ${held.code}, the code of an existing ${entity}.`
      : `A${entity === 'item' ? 'n' : ''} ${entity} with code ${code} already exists.`;
  return new DomainError('DUPLICATE_DATA', message, { code: message });
}

/** withCodeKey for one record or a list (seeds and tests that insert rows directly). */
export function withCodeKeys<const T extends { code: string }>(rows: readonly T[]): (T & { codeKey: string })[] {
  return rows.map(withCodeKey);
}
