import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { warehouse } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { assertCurrentVersion, nextStamp, type Edit } from '@/lib/versions';
import { withCodeKey } from './code-key';
import { refusingDuplicateCode } from './duplicate-code';
import { mergeOverStored } from './merge';

type WarehouseData = z.output<typeof warehouseSchema>;

export async function createWarehouse(db: DbOrTx, input: WarehouseInput, edit: Edit = {}): Promise<bigint> {
  const data = parseOrThrow(warehouseSchema, input);
  return refusingDuplicateCode(
    db,
    'warehouse',
    data.code,
    async (sp) =>
      (
        await sp
          .insert(warehouse)
          .values({ ...withCodeKey(data), updatedBy: edit.userId ?? null })
          .returning({ id: warehouse.id })
      )[0].id,
  );
}

/** Changes the fields in `changes`, laid over the warehouse as it is under its row lock (see updateItem). */
export async function updateWarehouse(
  db: DbOrTx,
  id: bigint,
  changes: Partial<WarehouseInput>,
  edit: Edit = {},
): Promise<WarehouseData> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(warehouse).where(eq(warehouse.id, id)).for('update');
    if (!current) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
    await assertCurrentVersion(tx, current, edit.version);
    const data = mergeOverStored(warehouseSchema, current, changes);
    await refusingDuplicateCode(tx, 'warehouse', data.code, (sp) =>
      sp
        .update(warehouse)
        .set({ ...withCodeKey(data), ...nextStamp(current, edit) })
        .where(eq(warehouse.id, id)),
    );
    return data;
  });
}
