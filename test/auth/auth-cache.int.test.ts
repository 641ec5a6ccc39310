import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { authenticateRequest } from '@/lib/api/authenticate';
import { AUTH_CACHE_MS, invalidateAuthCache } from '@/lib/auth/auth-cache';
import { createApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import type { Role } from '@/lib/auth/roles';
import { sessionPrincipal } from '@/lib/auth/session-principal';
import { signOut } from '@/lib/auth/sign-in';
import { listenForTableChanges } from '@/lib/cache/table-changes';
import { changeUserRole, createUser, resetUserPassword, setUserActive } from '@/lib/users/users';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';

const PASSWORD = 'cache-password-1';

/**
 * Sign-ins are remembered for AUTH_CACHE_MS (lib/auth/auth-cache.ts). What ends or changes access must end
 * or change it at once in this process, within a notification's delay from another process, and never
 * later than AUTH_CACHE_MS.
 */
describe('remembered sign-ins', async () => {
  const { db } = await useTestDatabase();
  let adminId: number;
  beforeAll(async () => {
    adminId = await createUser(db, {
      name: 'Admin',
      email: 'cache-admin@example.com',
      role: 'admin',
      password: PASSWORD,
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    invalidateAuthCache();
  });

  let count = 0;
  async function signedIn(role: Role) {
    const email = `cache-${role}-${++count}@example.com`;
    const id = await createUser(db, { name: `Cache ${count}`, email, role, password: PASSWORD });
    const headers = new Headers({ cookie: await sessionCookie(email, PASSWORD) });
    expect(await sessionPrincipal(headers)).toMatchObject({ userId: id, role });
    return { id, headers };
  }
  const tokenOf = (headers: Headers) =>
    decodeURIComponent(/better-auth\.session_token=([^;]+)/.exec(headers.get('cookie')!)![1]).split('.')[0];

  it('answers from memory, so a change no trigger announces shows only after AUTH_CACHE_MS', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { headers } = await signedIn('warehouse');
    // Expiry is not announced (better-auth deletes the row when it next reads it): the remembered answer stands.
    await db.execute(
      sql`update session set expires_at = now() - interval '1 minute' where token = ${tokenOf(headers)}`,
    );
    expect(await sessionPrincipal(headers)).toMatchObject({ role: 'warehouse' });
    vi.setSystemTime(Date.now() + AUTH_CACHE_MS);
    expect(await sessionPrincipal(headers)).toBeNull();
  });

  it('sign-out, role change, deactivation and password reset take effect at once in this process', async () => {
    const out = await signedIn('warehouse');
    await signOut(out.headers);
    expect(await sessionPrincipal(out.headers)).toBeNull();

    const promoted = await signedIn('warehouse');
    await changeUserRole(db, promoted.id, 'accountant');
    expect(await sessionPrincipal(promoted.headers)).toMatchObject({ role: 'accountant' });

    const leaver = await signedIn('accountant');
    await setUserActive(db, leaver.id, false, adminId);
    expect(await sessionPrincipal(leaver.headers)).toBeNull();

    const reset = await signedIn('admin');
    await resetUserPassword(db, reset.id, 'another-password-1');
    expect(await sessionPrincipal(reset.headers)).toBeNull();
  });

  it('a revoked key, or a key whose owner leaves, stops at once', async () => {
    const { id: owner } = await signedIn('admin');
    const first = await createApiKey(db, { name: 'ERP', role: 'warehouse', createdBy: owner });
    const second = await createApiKey(db, { name: 'Shop', role: 'accountant', createdBy: owner });
    const request = (key: string) => new Request('http://localhost/x', { headers: { authorization: `Bearer ${key}` } });
    expect(await authenticateRequest(request(first.key))).toMatchObject({ kind: 'apiKey', role: 'warehouse' });
    expect(await authenticateRequest(request(second.key))).toMatchObject({ kind: 'apiKey', role: 'accountant' });
    await revokeApiKey(db, first.id);
    expect(await authenticateRequest(request(first.key))).toBeNull();
    await setUserActive(db, owner, false, adminId);
    expect(await authenticateRequest(request(second.key))).toBeNull();
  });

  it('a change written by another process arrives by notification, well before AUTH_CACHE_MS', async () => {
    const stop = await listenForTableChanges();
    try {
      const soon = { timeout: AUTH_CACHE_MS / 3, interval: 20 };
      // `db` is a pool of its own, as another app process (or psql) would be.
      const signedOut = await signedIn('warehouse');
      await db.execute(sql`delete from session where token = ${tokenOf(signedOut.headers)}`);
      await expect.poll(() => sessionPrincipal(signedOut.headers), soon).toBeNull();

      const promoted = await signedIn('warehouse');
      await db.execute(sql`update "user" set role = 'admin' where id = ${promoted.id}`);
      await expect.poll(() => sessionPrincipal(promoted.headers), soon).toMatchObject({ role: 'admin' });

      const { key, id } = await createApiKey(db, { name: 'Other', role: 'warehouse', createdBy: adminId });
      const request = () => new Request('http://localhost/x', { headers: { authorization: `Bearer ${key}` } });
      expect(await authenticateRequest(request())).toMatchObject({ role: 'warehouse' });
      await db.execute(sql`update api_key set revoked_at = now() where id = ${id}`);
      await expect.poll(() => authenticateRequest(request()), soon).toBeNull();
    } finally {
      await stop();
    }
  });
});
