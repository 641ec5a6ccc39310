import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { partner } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { partnerSchema, type PartnerInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { duplicateCodeError, withCodeKey } from './code-key';

export async function savePartner(db: DbOrTx, input: PartnerInput, id?: bigint): Promise<bigint> {
  const data = parseOrThrow(partnerSchema, input);
  try {
    return await db.transaction(async (tx) => {
      if (id === undefined) return (await tx.insert(partner).values(withCodeKey(data)).returning({ id: partner.id }))[0].id;
      const rows = await tx.update(partner).set(withCodeKey(data)).where(eq(partner.id, id)).returning({ id: partner.id });
      if (!rows.length) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
      return id;
    });
  } catch (error) {
    if (violatedUnique(error) === null) throw error;
    throw await duplicateCodeError(db, 'partner', data.code);
  }
}
