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

export const createItemAction = defineAction(
  'items.write',
  async (input: ItemInput, user) => {
    const id = await createItem(getDb(), input, { userId: user.userId });
    revalidatePath('/items');
    return { id: id.toString() };
  },
  valuesPayload,
);

/** `version` is the one the form was loaded from: a save over a newer one is refused (lib/versions.ts). */
export const updateItemAction = defineAction(
  'items.write',
  async ({ id, version, values }: { id: string; version?: number; values: ItemInput }, user) => {
    const itemId = parseId(id);
    if (!itemId) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    await updateItem(getDb(), itemId, values, { userId: user.userId, version });
    revalidatePath('/items');
    return { id };
  },
  savePayload,
);

export const deleteItemAction = defineAction(
  'items.write',
  async ({ id }: { id: string }) => {
    const itemId = parseId(id);
    if (!itemId) throw new DomainError('NOT_FOUND', 'This item does not exist.');
    await deleteItem(getDb(), itemId);
    revalidatePath('/items');
    return null;
  },
  idPayload,
);
