import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { warehouse } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { duplicateCodeError, withCodeKey } from './code-key';

export async function saveWarehouse(db: DbOrTx, input: WarehouseInput, id?: bigint): Promise<bigint> {
  const data = parseOrThrow(warehouseSchema, input);
  try {
    return await db.transaction(async (tx) => {
      if (id === undefined) return (await tx.insert(warehouse).values(withCodeKey(data)).returning({ id: warehouse.id }))[0].id;
      const rows = await tx.update(warehouse).set(withCodeKey(data)).where(eq(warehouse.id, id)).returning({ id: warehouse.id });
      if (!rows.length) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
      return id;
    });
  } catch (error) {
    if (violatedUnique(error) === null) throw error;
    throw await duplicateCodeError(db, 'warehouse', data.code);
  }
}
