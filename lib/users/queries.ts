import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiKey, user } from '@/db/schema';
import { likePattern, offsetOf, parseListParams, type SearchParams } from '@/lib/data-table/params';
import { isRole, type Role } from '@/lib/auth/roles';

export const USER_SORTS = ['name', 'email', 'role', 'createdAt'] as const;

export function parseUserListParams(params: SearchParams) {
  return parseListParams(params, {
    sortable: USER_SORTS,
    defaultSort: { id: 'name', desc: false },
    filters: ['role', 'status'] as const,
  });
}

/** `activeKeys`: unrevoked API keys the user created, which stop working while the user is deactivated. */
export type UserRowView = { id: number; name: string; email: string; role: Role; active: boolean; activeKeys: number };

// Spelled out: inside a select from one table drizzle writes its columns unqualified, and "id" would then
// mean the key's own id here.
const activeKeysOf = sql<number>`(select count(*)::int from "api_key" k where k."created_by" = "user"."id" and k."revoked_at" is null)`;

export async function listUsersPage(
  db: DbOrTx,
  params: ReturnType<typeof parseUserListParams>,
): Promise<{ rows: UserRowView[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (params.q) conditions.push(or(ilike(user.name, likePattern(params.q)), ilike(user.email, likePattern(params.q))));
  if (isRole(params.filters.role)) conditions.push(eq(user.role, params.filters.role));
  if (params.filters.status) conditions.push(eq(user.active, params.filters.status === 'active'));
  const where = and(...conditions);
  const order = user[params.sort.id];
  const [rows, [{ total }]] = await allPipelined([
    db
      .select({
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        active: user.active,
        activeKeys: activeKeysOf,
      })
      .from(user)
      .where(where)
      .orderBy(params.sort.desc ? desc(order) : asc(order), asc(user.id))
      .limit(params.perPage)
      .offset(offsetOf(params)),
    db.select({ total: count() }).from(user).where(where),
  ]);
  return { rows, total };
}

export const API_KEY_SORTS = ['name', 'role', 'createdAt', 'lastUsedAt'] as const;

export function parseApiKeyListParams(params: SearchParams) {
  return parseListParams(params, {
    sortable: API_KEY_SORTS,
    defaultSort: { id: 'createdAt', desc: true },
    filters: ['status'] as const,
  });
}

/** `ownerActive`: a key works only while the user who created it is active (lib/auth/api-keys.ts). */
export type ApiKeyRowView = {
  id: string;
  name: string;
  role: Role;
  keyPrefix: string;
  signingSecret: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdByName: string;
  ownerActive: boolean;
};

export async function listApiKeysPage(
  db: DbOrTx,
  params: ReturnType<typeof parseApiKeyListParams>,
): Promise<{ rows: ApiKeyRowView[]; total: number }> {
  const conditions: (SQL | undefined)[] = [];
  if (params.q) conditions.push(ilike(apiKey.name, likePattern(params.q)));
  if (params.filters.status === 'active') conditions.push(isNull(apiKey.revokedAt));
  if (params.filters.status === 'revoked') conditions.push(isNotNull(apiKey.revokedAt));
  const where = and(...conditions);
  const order = apiKey[params.sort.id];
  const [rows, [{ total }]] = await allPipelined([
    db
      .select({
        id: apiKey.id,
        name: apiKey.name,
        role: apiKey.role,
        keyPrefix: apiKey.keyPrefix,
        signingSecret: apiKey.signingSecret,
        createdAt: apiKey.createdAt,
        lastUsedAt: apiKey.lastUsedAt,
        revokedAt: apiKey.revokedAt,
        createdByName: user.name,
        ownerActive: user.active,
      })
      .from(apiKey)
      .innerJoin(user, eq(user.id, apiKey.createdBy))
      .where(where)
      .orderBy(params.sort.desc ? desc(order) : asc(order), desc(apiKey.id))
      .limit(params.perPage)
      .offset(offsetOf(params)),
    db.select({ total: count() }).from(apiKey).where(where),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      id: r.id.toString(),
      createdAt: r.createdAt.toISOString(),
      lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
    })),
  };
}
