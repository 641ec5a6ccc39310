'use server';
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { defineAction } from '@/lib/actions/define-action';
import { userActivePayload, userPasswordPayload, userRolePayload, valuesPayload } from '@/lib/actions/payloads';
import type { Role } from '@/lib/auth/roles';
import { changeUserRole, createUser, resetUserPassword, setUserActive } from '@/lib/users/users';
import type { CreateUserInput } from '@/lib/validation/users';
import { roleSchema } from '@/lib/validation/users';
import { parseOrThrow } from '@/lib/validation/zod-errors';

const done = () => revalidatePath('/admin/users');

export const createUserAction = defineAction(
  'users.manage',
  async (input: CreateUserInput) => {
    const id = await createUser(getDb(), input);
    done();
    return { id: String(id) };
  },
  valuesPayload,
);

export const changeRoleAction = defineAction(
  'users.manage',
  async ({ id, role }: { id: number; role: Role }) => {
    await changeUserRole(getDb(), id, parseOrThrow(roleSchema, role));
    done();
    return null;
  },
  userRolePayload,
);

export const setActiveAction = defineAction(
  'users.manage',
  async ({ id, active }: { id: number; active: boolean }, admin) => {
    await setUserActive(getDb(), id, active === true, admin.userId);
    done();
    return null;
  },
  userActivePayload,
);

export const resetPasswordAction = defineAction(
  'users.manage',
  async ({ id, password }: { id: number; password: string }) => {
    await resetUserPassword(getDb(), id, password);
    return null;
  },
  userPasswordPayload,
);
