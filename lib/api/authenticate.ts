import 'server-only';
import { getDb } from '@/db/client';
import { getAuth } from '@/lib/auth/auth-instance';
import { keyFromAuthorization, principalForApiKey } from '@/lib/auth/api-keys';
import type { Principal } from '@/lib/auth/principal';
import { isRole } from '@/lib/auth/roles';

/**
 * The caller of a route handler: an API key when an Authorization header is sent (a bad key is a bad
 * key, even with a session cookie beside it), otherwise the browser session.
 */
export async function authenticateRequest(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const key = keyFromAuthorization(authorization);
    return key ? principalForApiKey(getDb(), key) : null;
  }
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: request.headers });
  const user = session?.user as (NonNullable<typeof session>['user'] & { role?: unknown; active?: unknown }) | undefined;
  if (!user || user.active === false || !isRole(user.role)) return null;
  return { kind: 'user', userId: Number(user.id), userName: user.name, email: user.email, role: user.role };
}
