import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiKey, user } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { authCaches, invalidateAuthCache, rememberedPrincipal } from './auth-cache';
import type { Principal } from './principal';
import type { Role } from './roles';

const KEY_PREFIX = 'ssk_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Creates a key and returns it in clear text: the only time it is ever visible. */
export async function createApiKey(db: DbOrTx, input: { name: string; role: Role; createdBy: number }) {
  const secret = `${KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
  const [row] = await db
    .insert(apiKey)
    .values({
      name: input.name,
      role: input.role,
      keyHash: hashApiKey(secret),
      keyPrefix: secret.slice(0, KEY_PREFIX.length + 6),
      signingSecret: randomBytes(32).toString('hex'),
      createdBy: input.createdBy,
    })
    .returning({ id: apiKey.id });
  return { id: row.id, key: secret };
}

export async function revokeApiKey(db: DbOrTx, id: bigint): Promise<void> {
  const rows = await db
    .update(apiKey)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKey.id, id), isNull(apiKey.revokedAt)))
    .returning({ id: apiKey.id });
  if (rows.length === 0) throw new DomainError('NOT_FOUND', 'This API key does not exist or is already revoked.');
  invalidateAuthCache();
}

/**
 * principalForApiKey on the process's database, remembered for a few seconds (lib/auth/auth-cache.ts says
 * how long a revocation may go unseen): a client posting several times a second finds its key once.
 */
export async function cachedPrincipalForApiKey(db: DbOrTx, presented: string): Promise<Principal | null> {
  return rememberedPrincipal(authCaches().apiKeys, hashApiKey(presented), async () => ({
    principal: await principalForApiKey(db, presented),
    until: Number.POSITIVE_INFINITY,
  }));
}

/**
 * The principal behind a presented key, or null for an unknown or revoked key, or one whose owner is
 * deactivated: a key acts for its owner, so it stops when the owner leaves and works again if they come
 * back (unless revoked meanwhile). The owner cannot be deleted while keys refer to them (foreign key).
 * Records the last use.
 */
export async function principalForApiKey(db: DbOrTx, presented: string): Promise<Principal | null> {
  const [row] = await db
    .select({
      id: apiKey.id,
      role: apiKey.role,
      userId: user.id,
      userName: user.name,
      email: user.email,
      lastUsedAt: apiKey.lastUsedAt,
    })
    .from(apiKey)
    .innerJoin(user, eq(user.id, apiKey.createdBy))
    .where(and(eq(apiKey.keyHash, hashApiKey(presented)), isNull(apiKey.revokedAt), eq(user.active, true)));
  if (!row) return null;
  // Writing on every call would serialise busy clients on one row; a minute's precision is plenty.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiKey).set({ lastUsedAt: new Date() }).where(eq(apiKey.id, row.id));
  }
  return {
    kind: 'apiKey',
    apiKeyId: row.id,
    role: row.role,
    userId: row.userId,
    userName: row.userName,
    email: row.email,
  };
}

/** Reads `Authorization: Bearer <key>` or Zoho's `Authorization: Zoho-oauthtoken <key>`. */
export function keyFromAuthorization(header: string | null): string | null {
  const match = header?.match(/^(?:Bearer|Zoho-oauthtoken)\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
