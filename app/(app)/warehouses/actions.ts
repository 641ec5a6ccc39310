'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, savePayload } from '@/lib/actions/payloads';
import { deleteWarehouse } from '@/lib/catalog/delete';
import { saveWarehouse } from '@/lib/catalog/warehouses';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import type { WarehouseInput } from '@/lib/validation/catalog';

export const saveWarehouseAction = defineAction('warehouses.write', async ({ id, values }: { id?: string; values: WarehouseInput }) => {
  const warehouseId = id === undefined ? undefined : parseId(id);
  if (warehouseId === null) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
  const saved = await saveWarehouse(getDb(), values, warehouseId);
  revalidatePath('/warehouses');
  return { id: saved.toString() };
}, savePayload);

export const deleteWarehouseAction = defineAction('warehouses.write', async ({ id }: { id: string }) => {
  const warehouseId = parseId(id);
  if (!warehouseId) throw new DomainError('NOT_FOUND', 'This warehouse does not exist.');
  await deleteWarehouse(getDb(), warehouseId);
  revalidatePath('/warehouses');
  return null;
}, idPayload);
