'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, savePayload } from '@/lib/actions/payloads';
import { deletePartner } from '@/lib/catalog/delete';
import { savePartner } from '@/lib/catalog/partners';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import type { PartnerInput } from '@/lib/validation/catalog';

export const savePartnerAction = defineAction('partners.write', async ({ id, values }: { id?: string; values: PartnerInput }) => {
  const partnerId = id === undefined ? undefined : parseId(id);
  if (partnerId === null) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
  const saved = await savePartner(getDb(), values, partnerId);
  revalidatePath('/partners');
  return { id: saved.toString() };
}, savePayload);

export const deletePartnerAction = defineAction('partners.write', async ({ id }: { id: string }) => {
  const partnerId = parseId(id);
  if (!partnerId) throw new DomainError('NOT_FOUND', 'This partner does not exist.');
  await deletePartner(getDb(), partnerId);
  revalidatePath('/partners');
  return null;
}, idPayload);
