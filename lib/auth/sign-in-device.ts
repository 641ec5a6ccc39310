import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { secureCookies } from './auth-instance';
import { cookieValue } from './session-fast-path';

/**
 * "Device cookies" (OWASP's answer to lockouts an attacker imposes): a browser that signed in to an account
 * gets a signed cookie naming that account. Its later attempts count in a back-off bucket of their own, so
 * an attacker guessing the password elsewhere slows down only the browsers that never signed in.
 */
const NAME = 'serialstock.sign_in_device';
const MAX_AGE = 180 * 24 * 60 * 60;

export function deviceCookieName(): string {
  return secureCookies() ? `__Secure-${NAME}` : NAME;
}

function signature(secret: string, email: string, id: string): string {
  return createHmac('sha256', secret).update(`sign-in-device\n${email}\n${id}`).digest('base64url');
}

/** The device id in the request's cookie when it was issued for this account by this installation, else null. */
export function knownDevice(cookieHeader: string | null, email: string, secret: string): string | null {
  const value = cookieHeader ? cookieValue(cookieHeader, deviceCookieName()) : null;
  const [id, given] = value?.split('.') ?? [];
  if (!id || !given) return null;
  const expected = Buffer.from(signature(secret, email, id));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? id : null;
}

/** The cookie to set after a successful sign-in (HttpOnly, only sent to the sign-in page). */
export function deviceCookie(email: string, secret: string) {
  const id = randomBytes(12).toString('base64url');
  return {
    name: deviceCookieName(),
    value: `${id}.${signature(secret, email, id)}`,
    options: { httpOnly: true, sameSite: 'lax' as const, secure: secureCookies(), path: '/sign-in', maxAge: MAX_AGE },
  };
}
