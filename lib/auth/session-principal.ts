import 'server-only';
import { authCaches, rememberedPrincipal } from './auth-cache';
import { getAuth } from './auth-instance';
import type { Principal } from './principal';
import { isRole } from './roles';
import { readFreshSession, sessionCookieValue } from './session-fast-path';

type SessionUserFields = { id: string | number; name: string; email: string; role?: unknown; active?: unknown };

/**
 * The signed-in user behind a request's session cookie, or null; deactivated users count as signed out.
 * Pages (getCurrentUser) and route handlers (authenticateRequest) both ask here. Most requests carry a
 * valid session that needs no refresh: one query instead of better-auth's two plus its endpoint machinery,
 * and none while the answer is remembered (lib/auth/auth-cache.ts: how long a change may go unseen).
 * Anything else (expired, due for refresh) goes to better-auth itself, and is not remembered.
 */
export async function sessionPrincipal(requestHeaders: Headers): Promise<Principal | null> {
  const auth = await getAuth();
  const cookie = requestHeaders.get('cookie');
  // Keyed by the signed value as sent: a hit is a value whose signature was checked when it was remembered.
  const signed = await sessionCookieValue(auth, cookie);
  if (!signed) return null;
  return rememberedPrincipal(authCaches().sessions, signed, async () => {
    const fast = await readFreshSession(auth, cookie);
    if (fast !== 'ask-better-auth') return { principal: fast && toPrincipal(fast), until: fast?.freshUntil ?? 0 };
    const slow = (await auth.api.getSession({ headers: requestHeaders }))?.user ?? null;
    return { principal: slow && toPrincipal(slow), until: 0 };
  });
}

function toPrincipal(user: SessionUserFields): Principal | null {
  if (user.active === false || !isRole(user.role)) return null;
  return { kind: 'user', userId: Number(user.id), userName: user.name, email: user.email, role: user.role };
}
