'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, savePayload } from '@/lib/actions/payloads';
import { deleteWarehouse } from '@/lib/catalog/delete';
import { createWarehouse, updateWarehouse } from '@/lib/catalog/warehouses';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import type { WarehouseInput } from '@/lib/validation/catalog';

/** Creates (no id) or updates a warehouse; `version` is the one the edit form was loaded from (lib/versions.ts). */
export const saveWarehouseAction = defineAction(
  'warehouses.write',
  async ({ id, version, values }: { id?: string; version?: number; values: WarehouseInput }, user) => {
    const db = getDb();
    const edit = { userId: user.userId, version };
    if (id === undefined) {
      const created = await createWarehouse(db, values, edit);
      revalidatePath('/warehouses');
      return { id: created.toString() };
    }
    const warehouseId = parseId(id);
    if (warehouseId === null) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
    await updateWarehouse(db, warehouseId, values, edit);
    revalidatePath('/warehouses');
    return { id };
  },
  savePayload,
);

export const deleteWarehouseAction = defineAction(
  'warehouses.write',
  async ({ id }: { id: string }) => {
    const warehouseId = parseId(id);
    if (!warehouseId) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
    await deleteWarehouse(getDb(), warehouseId);
    revalidatePath('/warehouses');
    return null;
  },
  idPayload,
);
