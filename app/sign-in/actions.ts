'use server';
import { headers } from 'next/headers';
import { getDb } from '@/db/client';
import { failureOf, type ActionResult } from '@/lib/actions/result';
import { getAuth } from '@/lib/auth/auth-instance';
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from '@/lib/auth/sign-in-throttle';
import { DomainError } from '@/lib/errors';
import { signInSchema } from '@/lib/validation/users';
import { parseOrThrow } from '@/lib/validation/zod-errors';

export async function signInAction(input: { email: string; password: string }): Promise<ActionResult<null>> {
  try {
    const { email, password } = parseOrThrow(signInSchema, input);
    const requestHeaders = await headers();
    const ip = requestHeaders.get('x-forwarded-for')?.split(',')[0].trim() || requestHeaders.get('x-real-ip') || 'local';
    const db = getDb();
    await assertSignInAllowed(db, email, ip);
    const auth = await getAuth();
    try {
      await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
    } catch {
      await recordSignInFailure(db, email, ip);
      throw new DomainError('UNAUTHENTICATED', 'The email or password is wrong, or the account is deactivated.');
    }
    await clearSignInFailures(db, email);
    return { ok: true, data: null };
  } catch (error) {
    return failureOf(error);
  }
}

export async function signOutAction(): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: await headers() });
}
