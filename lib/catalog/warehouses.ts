import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { warehouse } from '@/db/schema';
import { violatedUnique } from '@/lib/db-errors';
import { DomainError } from '@/lib/errors';
import { warehouseSchema, type WarehouseInput } from '@/lib/validation/catalog';
import { parseOrThrow } from '@/lib/validation/zod-errors';

export async function saveWarehouse(db: DbOrTx, input: WarehouseInput, id?: bigint): Promise<bigint> {
  const data = parseOrThrow(warehouseSchema, input);
  try {
    return await db.transaction(async (tx) => {
      if (id === undefined) return (await tx.insert(warehouse).values(data).returning({ id: warehouse.id }))[0].id;
      const rows = await tx.update(warehouse).set(data).where(eq(warehouse.id, id)).returning({ id: warehouse.id });
      if (!rows.length) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
      return id;
    });
  } catch (error) {
    if (violatedUnique(error) === null) throw error;
    const message = `A warehouse with code ${data.code} already exists.`;
    throw new DomainError('DUPLICATE_DATA', message, { code: message });
  }
}
