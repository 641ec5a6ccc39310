'use server';
import { cookies, headers } from 'next/headers';
import { failureOf, type ActionResult } from '@/lib/actions/result';
import { signInThrottled, signOut } from '@/lib/auth/sign-in';
import { signInSchema } from '@/lib/validation/users';
import { parseOrThrow } from '@/lib/validation/zod-errors';

export async function signInAction(input: { email: string; password: string }): Promise<ActionResult<null>> {
  try {
    const { email, password } = parseOrThrow(signInSchema, input);
    const device = await signInThrottled(email, password, await headers());
    (await cookies()).set(device.name, device.value, device.options);
    return { ok: true, data: null };
  } catch (error) {
    return failureOf(error);
  }
}

export async function signOutAction(): Promise<void> {
  await signOut(await headers());
}
