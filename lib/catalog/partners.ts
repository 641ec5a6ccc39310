import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { partner } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { partnerSchema, type PartnerInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { assertCurrentVersion, nextStamp, type Edit } from '@/lib/versions';
import { withCodeKey } from './code-key';
import { refusingDuplicateCode } from './duplicate-code';
import { mergeOverStored } from './merge';

type PartnerData = z.output<typeof partnerSchema>;

export async function createPartner(db: DbOrTx, input: PartnerInput, edit: Edit = {}): Promise<bigint> {
  const data = parseOrThrow(partnerSchema, input);
  return refusingDuplicateCode(
    db,
    'partner',
    data.code,
    async (sp) =>
      (
        await sp
          .insert(partner)
          .values({ ...withCodeKey(data), updatedBy: edit.userId ?? null })
          .returning({ id: partner.id })
      )[0].id,
  );
}

/** Changes the fields in `changes`, laid over the partner as it is under its row lock (see updateItem). */
export async function updatePartner(
  db: DbOrTx,
  id: bigint,
  changes: Partial<PartnerInput>,
  edit: Edit = {},
): Promise<PartnerData> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(partner).where(eq(partner.id, id)).for('update');
    if (!current) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
    await assertCurrentVersion(tx, current, edit.version);
    const data = mergeOverStored(partnerSchema, current, changes);
    await refusingDuplicateCode(tx, 'partner', data.code, (sp) =>
      sp
        .update(partner)
        .set({ ...withCodeKey(data), ...nextStamp(current, edit) })
        .where(eq(partner.id, id)),
    );
    return data;
  });
}
