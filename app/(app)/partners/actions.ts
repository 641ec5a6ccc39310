'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, savePayload } from '@/lib/actions/payloads';
import { deletePartner } from '@/lib/catalog/delete';
import { createPartner, updatePartner } from '@/lib/catalog/partners';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import type { PartnerInput } from '@/lib/validation/catalog';

/** Creates (no id) or updates a partner; `version` is the one the edit form was loaded from (lib/versions.ts). */
export const savePartnerAction = defineAction(
  'partners.write',
  async ({ id, version, values }: { id?: string; version?: number; values: PartnerInput }, user) => {
    const db = getDb();
    const edit = { userId: user.userId, version };
    if (id === undefined) {
      const created = await createPartner(db, values, edit);
      revalidatePath('/partners');
      return { id: created.toString() };
    }
    const partnerId = parseId(id);
    if (partnerId === null) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
    await updatePartner(db, partnerId, values, edit);
    revalidatePath('/partners');
    return { id };
  },
  savePayload,
);

export const deletePartnerAction = defineAction(
  'partners.write',
  async ({ id }: { id: string }) => {
    const partnerId = parseId(id);
    if (!partnerId) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
    await deletePartner(getDb(), partnerId);
    revalidatePath('/partners');
    return null;
  },
  idPayload,
);
