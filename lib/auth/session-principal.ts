import 'server-only';
import { getAuth } from './auth-instance';
import type { Principal } from './principal';
import { isRole } from './roles';
import { readFreshSession } from './session-fast-path';

/**
 * The signed-in user behind a request's session cookie, or null; deactivated users count as signed out.
 * Pages (getCurrentUser) and route handlers (authenticateRequest) both ask here. Most requests carry a
 * valid session that needs no refresh: one query instead of better-auth's two plus its endpoint machinery.
 * Anything else (expired, due for refresh) goes to better-auth itself.
 */
export async function sessionPrincipal(requestHeaders: Headers): Promise<Principal | null> {
  const auth = await getAuth();
  const fast = await readFreshSession(auth, requestHeaders.get('cookie'));
  const user: { id: string | number; name: string; email: string; role?: unknown; active?: unknown } | null =
    fast === 'ask-better-auth' ? ((await auth.api.getSession({ headers: requestHeaders }))?.user ?? null) : fast;
  if (!user || user.active === false || !isRole(user.role)) return null;
  return { kind: 'user', userId: Number(user.id), userName: user.name, email: user.email, role: user.role };
}
