'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, savePayload, valuesPayload } from '@/lib/actions/payloads';
import { deleteItem } from '@/lib/catalog/delete';
import { createItem, updateItem } from '@/lib/catalog/items';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import type { ItemInput } from '@/lib/validation/catalog';

export const createItemAction = defineAction('items.write', async (input: ItemInput, user) => {
  const id = await createItem(getDb(), input, { userId: user.userId });
  revalidatePath('/items');
  return { id: id.toString() };
}, valuesPayload);

export const updateItemAction = defineAction('items.write', async ({ id, values }: { id: string; values: ItemInput }, user) => {
  const itemId = parseId(id);
  if (!itemId) throw new DomainError('NOT_FOUND', 'This item does not exist.');
  await updateItem(getDb(), itemId, values, { userId: user.userId });
  revalidatePath('/items');
  return { id };
}, savePayload);

export const deleteItemAction = defineAction('items.write', async ({ id }: { id: string }) => {
  const itemId = parseId(id);
  if (!itemId) throw new DomainError('NOT_FOUND', 'This item does not exist.');
  await deleteItem(getDb(), itemId);
  revalidatePath('/items');
  return null;
}, idPayload);
