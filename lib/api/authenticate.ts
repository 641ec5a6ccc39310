import 'server-only';
import { getDb } from '@/db/client';
import { cachedPrincipalForApiKey, keyFromAuthorization } from '@/lib/auth/api-keys';
import type { Principal } from '@/lib/auth/principal';
import { sessionPrincipal } from '@/lib/auth/session-principal';

/**
 * The caller of a route handler: an API key when an Authorization header is sent (a bad key is a bad
 * key, even with a session cookie beside it), otherwise the browser session.
 */
export async function authenticateRequest(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const key = keyFromAuthorization(authorization);
    return key ? cachedPrincipalForApiKey(getDb(), key) : null;
  }
  return sessionPrincipal(request.headers);
}
