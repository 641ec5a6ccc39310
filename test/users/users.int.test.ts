import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { account, session, user } from '@/db/schema';
import { useTestDatabase } from '@/test/db';
import { createApiKey, keyFromAuthorization, principalForApiKey, revokeApiKey } from '@/lib/auth/api-keys';
import { changeUserRole, createUser, resetUserPassword, setUserActive } from '@/lib/users/users';

describe('users and API keys', async () => {
  const { db } = await useTestDatabase();

  it('creates a user with a hashed password and refuses a duplicate email', async () => {
    const id = await createUser(db, {
      name: 'Ann',
      email: 'Ann@Example.com',
      role: 'accountant',
      password: 'secret-pass',
    });
    const [acc] = await db.select().from(account).where(eq(account.userId, id));
    expect(acc.password).not.toContain('secret-pass');
    expect(acc.providerId).toBe('credential');
    await expect(
      createUser(db, { name: 'Ann 2', email: 'ann@example.com', role: 'admin', password: 'secret-pass' }),
    ).rejects.toMatchObject({ fieldErrors: { email: 'A user with this email already exists.' } });
    await expect(createUser(db, { name: '', email: 'x', role: 'boss' as never, password: '1' })).rejects.toThrow();
  });

  it('keeps at least one active admin', async () => {
    const admin = await createUser(db, {
      name: 'Only Admin',
      email: 'only@example.com',
      role: 'admin',
      password: 'secret-pass',
    });
    await expect(changeUserRole(db, admin, 'warehouse')).rejects.toThrow(
      'This is the last active admin; make another admin first.',
    );
    await expect(setUserActive(db, admin, false, 0)).rejects.toThrow('This is the last active admin');
    const second = await createUser(db, {
      name: 'Second',
      email: 'second@example.com',
      role: 'admin',
      password: 'secret-pass',
    });
    await changeUserRole(db, admin, 'warehouse');
    expect((await db.select().from(user).where(eq(user.id, admin)))[0].role).toBe('warehouse');
    expect(second).toBeGreaterThan(0);
  });

  it('deactivation and password resets end open sessions', async () => {
    const id = await createUser(db, {
      name: 'Sam',
      email: 'sam@example.com',
      role: 'warehouse',
      password: 'secret-pass',
    });
    await db.insert(session).values({ token: 't1', userId: id, expiresAt: new Date(Date.now() + 86_400_000) });
    await setUserActive(db, id, false, 0);
    expect(await db.select().from(session).where(eq(session.userId, id))).toHaveLength(0);
    await db.insert(session).values({ token: 't2', userId: id, expiresAt: new Date(Date.now() + 86_400_000) });
    await expect(resetUserPassword(db, id, 'short')).rejects.toThrow('The password needs at least 8 characters.');
    await resetUserPassword(db, id, 'a-new-password');
    expect(await db.select().from(session).where(eq(session.userId, id))).toHaveLength(0);
  });

  it('API keys: stored hashed, found by either header scheme, refused once revoked', async () => {
    const owner = await createUser(db, {
      name: 'Key Owner',
      email: 'keys@example.com',
      role: 'admin',
      password: 'secret-pass',
    });
    const { id, key } = await createApiKey(db, { name: 'ERP', role: 'warehouse', createdBy: owner });
    expect(keyFromAuthorization(`Bearer ${key}`)).toBe(key);
    expect(keyFromAuthorization(`Zoho-oauthtoken ${key}`)).toBe(key);
    expect(keyFromAuthorization('Basic abc')).toBeNull();
    const principal = await principalForApiKey(db, key);
    expect(principal).toMatchObject({ kind: 'apiKey', role: 'warehouse', userId: owner, userName: 'Key Owner' });
    expect(await principalForApiKey(db, `${key}x`)).toBeNull();
    await revokeApiKey(db, id);
    expect(await principalForApiKey(db, key)).toBeNull();
    await expect(revokeApiKey(db, id)).rejects.toThrow('This API key does not exist or is already revoked.');
  });
});
