import 'server-only';
import { getDb } from '@/db/client';
import { DomainError } from '@/lib/errors';
import { clientAddress } from '@/lib/http/client-address';
import { invalidateAuthCache } from './auth-cache';
import { getAuth } from './auth-instance';
import { deviceCookie, knownDevice } from './sign-in-device';
import { signInSucceeded, takeSignInAttempt } from './sign-in-throttle';

let warnedUnknownAddress = false;

/**
 * Email and password sign-in behind the back-off of sign-in-throttle.ts. Returns the device cookie to set
 * (the caller owns the response); throws UNAUTHENTICATED or RATE_LIMITED with a message for the form.
 */
export async function signInThrottled(email: string, password: string, requestHeaders: Headers) {
  const db = getDb();
  const auth = await getAuth();
  const { secret } = await auth.$context;
  const address = clientAddress(requestHeaders);
  if (address === null && !warnedUnknownAddress) {
    warnedUnknownAddress = true;
    console.warn('[sign-in] the client address is unknown (peer stamping is off): throttling per account only');
  }
  const attempt = await takeSignInAttempt(db, {
    email,
    address,
    device: knownDevice(requestHeaders.get('cookie'), email, secret),
  });
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch {
    throw new DomainError('UNAUTHENTICATED', 'The email or password is wrong, or the account is deactivated.');
  }
  await signInSucceeded(db, attempt);
  return deviceCookie(email, secret);
}

/** Ends the session the request carries; this process forgets it at once (lib/auth/auth-cache.ts). */
export async function signOut(requestHeaders: Headers): Promise<void> {
  const auth = await getAuth();
  await auth.api.signOut({ headers: requestHeaders });
  invalidateAuthCache();
}
