import { ExpiringCache } from '@/lib/cache/expiring-cache';
import { onTableChange } from '@/lib/cache/table-changes';
import type { Principal } from './principal';

/**
 * Who a session cookie or an API key is, remembered for AUTH_CACHE_MS so that a busy user's next requests
 * skip the lookup (a query, its round trip and the cookie's HMAC on every page, prefetch and API call).
 *
 * How long a change may go unseen (the bound):
 * - in the process that makes it — sign-out, role change, deactivation, password reset, key revocation,
 *   all through lib/auth and lib/users — none: they call invalidateAuthCache() once the change is written;
 * - in other app processes, or a change written straight into the database: until the triggers'
 *   notification arrives (lib/cache/table-changes.ts; milliseconds), and never longer than AUTH_CACHE_MS
 *   (5 s) if it is lost, since an entry is dropped that long after its read.
 * Five seconds: a user's own page and its prefetches land within it, and a sign-out elsewhere or a lost
 * notification (the listening connection dropped) is not honoured later than a person can notice.
 * Only signed-in, active users are remembered; a refused cookie or key is read again every time.
 */
export const AUTH_CACHE_MS = 5_000;
// Enough for every session and key a process serves at once; beyond it the oldest entries go first.
const MAX_ENTRIES = 10_000;

type Caches = { sessions: ExpiringCache<Principal>; apiKeys: ExpiringCache<Principal> };
// On globalThis: the page bundles, route handlers and server actions are separate module instances of this
// file, and a sign-out in one must clear what the others remember.
const holder = globalThis as unknown as { __serialstockAuthCache?: Caches };

export function authCaches(): Caches {
  if (!holder.__serialstockAuthCache) {
    holder.__serialstockAuthCache = {
      sessions: new ExpiringCache<Principal>(MAX_ENTRIES),
      apiKeys: new ExpiringCache<Principal>(MAX_ENTRIES),
    };
    onTableChange(['session', 'user', 'api_key'], invalidateAuthCache);
  }
  return holder.__serialstockAuthCache;
}

/** Forget every remembered session and key: called after any change to who may do what. */
export function invalidateAuthCache(): void {
  const { sessions, apiKeys } = authCaches();
  sessions.clear();
  apiKeys.clear();
}

/**
 * The principal under `key` from the cache, or read and remembered. `read` answers the principal (null:
 * not signed in, never remembered) and until when it may be remembered at most (a session due for refresh
 * sooner is not kept past that moment).
 */
export async function rememberedPrincipal(
  cache: ExpiringCache<Principal>,
  key: string,
  read: () => Promise<{ principal: Principal | null; until: number }>,
): Promise<Principal | null> {
  const hit = cache.get(key);
  if (hit) return hit;
  // Taken before the read: an invalidation while it runs keeps its (possibly stale) answer out of the cache.
  const generation = cache.generation();
  const { principal, until } = await read();
  if (principal) cache.set(key, principal, Math.min(until, Date.now() + AUTH_CACHE_MS), generation);
  return principal;
}
