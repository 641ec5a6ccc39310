'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { idPayload, valuesPayload } from '@/lib/actions/payloads';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { DomainError } from '@/lib/errors';
import { parseId } from '@/lib/ids';
import { createApiKeySchema } from '@/lib/validation/users';
import { parseOrThrow } from '@/lib/validation/zod-errors';

export const createApiKeyAction = defineAction(
  'apiKeys.manage',
  async (input: { name: string; role: string }, user) => {
    const data = parseOrThrow(createApiKeySchema, input);
    const { key } = await createApiKey(getDb(), { ...data, createdBy: user.userId });
    revalidatePath('/admin/api-keys');
    return { key };
  },
  valuesPayload,
);

export const revokeApiKeyAction = defineAction(
  'apiKeys.manage',
  async ({ id }: { id: string }) => {
    const keyId = parseId(id);
    if (!keyId) throw new DomainError('NOT_FOUND', 'This API key does not exist.');
    await revokeApiKey(getDb(), keyId);
    revalidatePath('/admin/api-keys');
    return null;
  },
  idPayload,
);
